export interface DelegationFilterProps {
  /** What the list filters, shown before the select or only to screen readers (`showLabel` false). */
  label: string;
  showLabel?: boolean;
  /** The option that stands for every delegation (the empty string). */
  allLabel: string;
  delegations: readonly string[];
  value: string;
  onChange: (delegation: string) => void;
  className?: string;
}

/** A select narrowing a list to one delegation's items, or all of them. */
export function DelegationFilter({ label, showLabel = false, allLabel, delegations, value, onChange, className }: DelegationFilterProps) {
  return (
    <label className={className}>
      <span className={showLabel ? undefined : 'visually-hidden'}>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{allLabel}</option>
        {delegations.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

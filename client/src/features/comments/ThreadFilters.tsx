import { useTranslation } from 'react-i18next';

export const STATUS_FILTERS = ['open', 'resolved', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ThreadFiltersProps {
  status: StatusFilter;
  delegation: string;
  delegations: readonly string[];
  onStatus: (status: StatusFilter) => void;
  /** The empty string stands for every delegation. */
  onDelegation: (delegation: string) => void;
}

/** Which threads the sidebar lists: by status, and by the delegation that opened them. */
export function ThreadFilters({ status, delegation, delegations, onStatus, onDelegation }: ThreadFiltersProps) {
  const { t } = useTranslation();
  return (
    <div className="comments__filters">
      <div role="group" aria-label={t('comments.filterStatus')} className="comments__status">
        {STATUS_FILTERS.map((option) => (
          <button
            key={option}
            type="button"
            className={`button button--small${status === option ? ' button--primary' : ''}`}
            aria-pressed={status === option}
            onClick={() => onStatus(option)}
          >
            {t(`comments.filter.${option}`)}
          </button>
        ))}
      </div>
      <label>
        <span className="visually-hidden">{t('comments.filterDelegation')}</span>
        <select value={delegation} onChange={(event) => onDelegation(event.target.value)}>
          <option value="">{t('comments.allDelegations')}</option>
          {delegations.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

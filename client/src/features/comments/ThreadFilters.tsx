import { useTranslation } from 'react-i18next';
import { DelegationFilter } from '../../components/DelegationFilter.tsx';

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
      <DelegationFilter
        label={t('comments.filterDelegation')}
        allLabel={t('comments.allDelegations')}
        delegations={delegations}
        value={delegation}
        onChange={onDelegation}
      />
    </div>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { openAlternatives, type RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import { LanguageSwitcher } from '../../components/LanguageSwitcher.tsx';
import { type Participant, type PersonKey, safeColor } from '../editor/index.ts';
import { PresenterPicker } from './PresenterPicker.tsx';
import type { CurrentRecommendation } from './useCurrentRecommendation.ts';

export interface ProjectorBarProps {
  title: string;
  presenter: Participant | undefined;
  current: CurrentRecommendation | undefined;
  /** The current recommendation's alternatives, if it has any. */
  alternatives: RecommendationAlternatives | undefined;
  participants: readonly Participant[];
  picked: PersonKey | null;
  onPick: (person: PersonKey | null) => void;
  /** A line across the foot of the band: where the silence procedure stands. */
  children?: ReactNode;
}

const isolate = (text: string) => `\u2068${text}\u2069`;

/** The band at the top of the room screen: where the presenter is, its status, alternatives and brackets, and whom it follows. */
export function ProjectorBar({ title, presenter, current, alternatives, participants, picked, onPick, children }: ProjectorBarProps) {
  const { t, i18n } = useTranslation();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const open = alternatives ? openAlternatives(alternatives) : [];
  const presenterName = presenter && (presenter.role === 'organiser' ? t('roles.organiser') : presenter.name);
  return (
    <header className="projector__bar">
      <div className="projector__where" aria-live="polite">
        {current ? (
          <>
            <span className="projector__label">{current.label}</span>
            {current.status && current.statusLabel && (
              <span className="projector__status" data-status={current.status}>
                {current.statusLabel}
              </span>
            )}
            {open.length > 0 && (
              <span className="projector__alternatives">
                {t('projector.alternatives', {
                  list: list.format(open.map((alternative) => `${t('alternatives.name', { number: alternative.number })} (${isolate(alternative.delegation)})`)),
                })}
              </span>
            )}
            {current.brackets.length > 0 && (
              <span className="projector__brackets">{t('projector.brackets', { delegations: list.format(current.brackets.map(isolate)) })}</span>
            )}
          </>
        ) : (
          <span className="projector__title" dir="auto">
            {title}
          </span>
        )}
      </div>
      <div className="projector__follows">
        <span className="projector__presenter">
          {presenter ? (
            <>
              <span className="swatch" style={{ backgroundColor: safeColor(presenter.color) }} aria-hidden="true" />
              {presenter.delegation
                ? t('follow.following', { name: isolate(presenterName!), delegation: isolate(presenter.delegation) })
                : t('follow.followingName', { name: isolate(presenterName!) })}
            </>
          ) : (
            t('projector.waiting')
          )}
        </span>
        <PresenterPicker participants={participants} picked={picked} onPick={onPick} />
        <LanguageSwitcher />
      </div>
      {children}
    </header>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompilationRow } from '../../../../shared/domain/compilation.ts';
import { NoteForm } from './NoteForm.tsx';

/** What the person reading may do with a row; each is absent when not theirs to do. */
export interface RowActions {
  show?: () => void;
  accept?: () => void;
  reject?: () => void;
  retain?: () => void;
  /** Saves the row's justification (its own delegation's proposal or alternative). */
  justify?: (text: string) => Promise<boolean>;
  clearNoChange?: () => void;
}

export interface CompilationRowCardProps {
  row: CompilationRow;
  busy: boolean;
  actions: RowActions;
}

/** The words a row is about: a proposal's added words underlined and removed ones struck, else its wording. */
function RowWords({ row }: { row: CompilationRow }) {
  if (row.kind === 'proposal') {
    return (
      <p className="compilation-row__words" dir="auto">
        {row.deleted && <del>{row.deleted}</del>}
        {row.deleted && row.inserted && ' '}
        {row.inserted && <ins>{row.inserted}</ins>}
      </p>
    );
  }
  if (!row.inserted) return null;
  return (
    <p className="compilation-row__words" dir="auto">
      {row.kind === 'brackets' ? `[${row.inserted}]` : row.inserted}
    </p>
  );
}

/** One delegation's proposal on a recommendation: its tag, what it is, its words and justification, and its actions. */
export function CompilationRowCard({ row, busy, actions }: CompilationRowCardProps) {
  const { t } = useTranslation();
  const [justifying, setJustifying] = useState(false);
  const kind = row.kind === 'alternative' ? t('compilation.kind.alternative', { name: t('alternatives.name', { number: row.ref }) }) : t(`compilation.kind.${row.kind}`);
  return (
    <li className="compilation-row" data-kind={row.kind} data-tag={row.tag ?? ''} data-delegation={row.delegation} data-ref={row.ref}>
      <p className="compilation-row__head">
        <span className="compilation-tag" data-tag={row.tag ?? ''} title={row.tag ? t(`compilation.tagMeaning.${row.tag}`) : undefined}>
          {row.tag ?? t('compilation.untagged')}
        </span>
        <bdi className="compilation-row__delegation">{row.delegation}</bdi>
        <span className="compilation-row__kind">{kind}</span>
      </p>
      <RowWords row={row} />
      {row.supporters.length > 0 && (
        <p className="compilation-row__supporters">
          {t('compilation.supportedBy')}: <bdi>{row.supporters.join(', ')}</bdi>
        </p>
      )}
      {row.justification && !justifying && (
        <p className="compilation-row__justification">
          {t(row.kind === 'reservation' ? 'compilation.note' : 'alternatives.justification')}: <bdi>{row.justification}</bdi>
        </p>
      )}
      {justifying && actions.justify ? (
        <NoteForm
          label={t('alternatives.justification')}
          initial={row.justification ?? ''}
          submitLabel={t('compilation.save')}
          busy={busy}
          onSubmit={actions.justify}
          onCancel={() => setJustifying(false)}
        />
      ) : (
        <div className="compilation-row__actions">
          {actions.show && (
            <button type="button" className="button button--small button--quiet" onClick={actions.show}>
              {t('suggestions.select')}
            </button>
          )}
          {actions.accept && (
            <button type="button" className="button button--small" disabled={busy} onClick={actions.accept}>
              {t('suggestions.accept')}
            </button>
          )}
          {actions.reject && (
            <button type="button" className="button button--small" disabled={busy} onClick={actions.reject}>
              {t('suggestions.reject')}
            </button>
          )}
          {actions.retain && (
            <button type="button" className="button button--small" disabled={busy} onClick={actions.retain}>
              {t('alternatives.retain', { number: row.ref })}
            </button>
          )}
          {actions.justify && (
            <button type="button" className="button button--small button--quiet" disabled={busy} onClick={() => setJustifying(true)}>
              {t(row.justification ? 'compilation.editJustification' : 'compilation.addJustification')}
            </button>
          )}
          {actions.clearNoChange && (
            <button type="button" className="button button--small button--quiet" disabled={busy} onClick={actions.clearNoChange}>
              {t('compilation.clearNoChange')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}


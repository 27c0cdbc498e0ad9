import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummary } from '../../../../shared/api/documents.ts';
import type { DocumentProcedures, SilenceProcedure } from '../../../../shared/api/procedures.ts';
import { can } from '../../../../shared/domain/policy.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { BreakSilenceForm } from './BreakSilenceForm.tsx';
import { proceduresApi } from './proceduresApi.ts';
import type { ProceduresStore } from './proceduresStore.ts';
import { useNow } from './useProcedures.ts';
import { WhenForm } from './WhenForm.tsx';
import { formatInZone, timeLeft } from './zonedTime.ts';
import './procedures.css';

export interface ProceduresBarProps {
  document: DocumentSummary;
  store: ProceduresStore;
  procedures: DocumentProcedures | undefined;
}

type OpenForm = 'deadline' | 'silence' | 'break' | undefined;

/** A moment in the reader's zone and in the organiser's, for the catalogue's {{local}}, {{zoned}} and {{zone}}. */
type When = Record<'local' | 'zoned' | 'zone', string>;

/**
 * The deadline for proposals and comments and the silence procedure, for everyone: when (in the reader's zone and in
 * the organiser's), how long is left, the outcome. Organisers set them here; delegations break silence here.
 */
export function ProceduresBar({ document, store, procedures }: ProceduresBarProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const [form, setForm] = useState<OpenForm>();
  const { busy, error, run } = usePendingAction();
  const manage = can(document.role, 'procedure.manage');
  const deadline = procedures?.deadline ?? null;
  const silence = procedures?.silence ?? null;
  const silenceOpen = silence?.status === 'open';
  // The server refuses every change of procedure once the text is adopted: nothing is offered then.
  const adopted = silence?.status === 'adopted';
  const manages = manage && !adopted;
  if (!procedures || (!manage && !deadline && !silence)) return null;

  const when = (at: string, timeZone: string): When => ({
    local: formatInZone(at, i18n.language),
    zoned: formatInZone(at, i18n.language, timeZone),
    zone: timeZone,
  });
  const countdown = (at: string) => {
    const left = timeLeft(at, now);
    return left ? t('procedures.timeLeft', left) : undefined;
  };
  const act = (action: () => Promise<DocumentProcedures>) =>
    run(async () => {
      store.set(await action());
      setForm(undefined);
    });

  const deadlineLeft = deadline ? countdown(deadline.at) : undefined;
  // Frozen, nothing can be posted by anyone: saying that replies remain possible would be wrong.
  const passedNote = ({ role, frozen }: DocumentSummary) =>
    frozen ? t('procedures.deadlinePassedFrozen') : role === 'delegate' ? t('procedures.deadlinePassedDelegate') : t('procedures.deadlinePassed');
  return (
    <section className="procedures" aria-label={t('procedures.title')}>
      {deadline && (
        <p className="procedures__line" data-testid="deadline-line">
          <strong>{t('procedures.deadline', { ...when(deadline.at, deadline.timeZone) })}</strong>{' '}
          {deadlineLeft ? (
            <span className="procedures__countdown">{deadlineLeft}</span>
          ) : (
            <span className="procedures__passed">{passedNote(document)}</span>
          )}
        </p>
      )}
      {silence && <SilenceLine silence={silence} when={when} countdown={countdown} />}
      {form === 'deadline' && (
        <WhenForm
          legend={t('procedures.setDeadline')}
          submitLabel={t('procedures.saveDeadline')}
          mustBeFuture={false}
          onSubmit={(input) => act(() => proceduresApi.setDeadline(document.id, input))}
          onCancel={() => setForm(undefined)}
        />
      )}
      {form === 'silence' && (
        <WhenForm
          legend={t('procedures.openSilence')}
          submitLabel={t('procedures.openSilenceConfirm')}
          mustBeFuture
          onSubmit={(input) => act(() => proceduresApi.openSilence(document.id, input))}
          onCancel={() => setForm(undefined)}
        />
      )}
      {form === 'break' && (
        <BreakSilenceForm onBreak={(statement) => act(() => proceduresApi.breakSilence(document.id, statement))} onCancel={() => setForm(undefined)} />
      )}
      {form === undefined && manage && adopted && <p className="muted procedures__line">{t('procedures.adoptedFinal')}</p>}
      {form === undefined && (
        <div className="procedures__actions">
          {manages && (
            <button type="button" className="button button--quiet" onClick={() => setForm('deadline')}>
              {deadline ? t('procedures.changeDeadline') : t('procedures.setDeadline')}
            </button>
          )}
          {manages && deadline && (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void act(() => proceduresApi.clearDeadline(document.id))}>
              {t('procedures.removeDeadline')}
            </button>
          )}
          {manages && !silenceOpen && (
            <button type="button" className="button button--quiet" onClick={() => setForm('silence')}>
              {t('procedures.openSilence')}
            </button>
          )}
          {manage && silenceOpen && (
            <button type="button" className="button button--quiet" disabled={busy} onClick={() => void act(() => proceduresApi.withdrawSilence(document.id))}>
              {t('procedures.withdrawSilence')}
            </button>
          )}
          {silenceOpen && can(document.role, 'silence.break') && countdown(silence.deadline) && (
            <button type="button" className="button button--danger" onClick={() => setForm('break')}>
              {t('procedures.breakSilence')}
            </button>
          )}
        </div>
      )}
      <ErrorNote error={error} />
    </section>
  );
}

interface SilenceLineProps {
  silence: SilenceProcedure;
  when: (at: string, timeZone: string) => When;
  countdown: (at: string) => string | undefined;
}

/** Where the silence procedure stands; announced to screen readers when it changes (adopted, broken). */
function SilenceLine({ silence, when, countdown }: SilenceLineProps) {
  const { t } = useTranslation();
  const at = silence.settledAt ?? silence.deadline;
  return (
    <div className={`procedures__silence procedures__silence--${silence.status}`} aria-live="polite" data-testid="silence-line">
      {silence.status === 'open' && (
        <p className="procedures__line">
          <strong>{t('procedures.silenceOpenUntil', { ...when(silence.deadline, silence.timeZone) })}</strong>{' '}
          <span className="procedures__countdown">{countdown(silence.deadline) ?? t('procedures.silenceEnding')}</span>
        </p>
      )}
      {silence.status === 'adopted' && <p className="procedures__line procedures__outcome">{t('procedures.adopted', { ...when(at, silence.timeZone) })}</p>}
      {silence.status === 'broken' && (
        <>
          <p className="procedures__line procedures__outcome">
            {t('procedures.broken', { delegation: silence.brokenBy?.delegation ?? '', ...when(at, silence.timeZone) })}
          </p>
          <blockquote className="procedures__statement" dir="auto">
            {silence.statement}
          </blockquote>
        </>
      )}
      {silence.status === 'withdrawn' && <p className="procedures__line muted">{t('procedures.withdrawn')}</p>}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { SilenceProcedure } from '../../../../shared/api/procedures.ts';
import { formatInZone } from '../procedures/index.ts';

/**
 * Where the silence procedure stands, for the room: "Under silence procedure until …", adopted, or broken by whom; in
 * the organiser's zone, as the room shares one clock. A withdrawn procedure says nothing: the text simply stays frozen.
 */
export function ProjectorSilence({ silence }: { silence: SilenceProcedure | null }) {
  const { t, i18n } = useTranslation();
  if (!silence || silence.status === 'withdrawn') return null;
  const when = (at: string) => ({ zoned: formatInZone(at, i18n.language, silence.timeZone), zone: silence.timeZone });
  const at = silence.settledAt ?? silence.deadline;
  return (
    <p className="projector__silence" data-status={silence.status} data-testid="projector-silence" aria-live="polite">
      {silence.status === 'open' && t('projector.silenceOpen', when(silence.deadline))}
      {silence.status === 'adopted' && t('procedures.adopted', when(at))}
      {silence.status === 'broken' && t('procedures.broken', { delegation: silence.brokenBy?.delegation ?? '', ...when(at) })}
    </p>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../lib/copyText.ts';

const COPIED_FOR_MS = 2000;

/**
 * Copies `text` (with the selection fallback of `copyText` on plain-http venue networks). If the browser refuses even
 * that, the field `fieldId` is left selected and the person is told to press Ctrl+C.
 */
export function CopyButton({ text, fieldId, label }: { text: string; fieldId: string; label?: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<'copied' | 'manual'>();

  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome(undefined), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    if (await copyText(text)) {
      setOutcome('copied');
      return;
    }
    const field = document.getElementById(fieldId);
    if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
      field.focus();
      field.select();
    }
    setOutcome('manual');
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void copy()} aria-live="polite">
        {outcome === 'copied' ? t('organiser.copied') : (label ?? t('organiser.copy'))}
      </button>
      {outcome === 'manual' && (
        <span className="form__hint" role="status">
          {t('venue.copyManually')}
        </span>
      )}
    </>
  );
}

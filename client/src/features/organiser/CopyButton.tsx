import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const COPIED_FOR_MS = 2000;

/** Copies `text`; on plain-http venue networks the clipboard API is missing, so it falls back to selecting the field. */
export function CopyButton({ text, fieldId }: { text: string; fieldId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), COPIED_FOR_MS);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      const field = document.getElementById(fieldId);
      if (field instanceof HTMLInputElement) {
        field.select();
        setCopied(document.execCommand('copy'));
      }
    }
  };

  return (
    <button type="button" className="button" onClick={() => void copy()} aria-live="polite">
      {copied ? t('organiser.copied') : t('organiser.copy')}
    </button>
  );
}

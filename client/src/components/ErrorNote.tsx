import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errorMessage.ts';

/** A failed request, in the catalogue's words, announced to screen readers; nothing while there is no error. */
export function ErrorNote({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  return (
    <p className="form__error" role="alert">
      {errorMessage(t, error)}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errorMessage.ts';

/** The failure of a thread request, in the catalogue's words. */
export function ActionError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === undefined) return null;
  return (
    <p className="form__error" role="alert">
      {errorMessage(t, error)}
    </p>
  );
}

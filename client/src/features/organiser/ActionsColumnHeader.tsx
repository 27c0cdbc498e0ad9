import { useTranslation } from 'react-i18next';

/** The header of a table's last column, which holds each row's buttons: named for screen readers, blank on screen. */
export function ActionsColumnHeader() {
  const { t } = useTranslation();
  return (
    <th scope="col">
      <span className="visually-hidden">{t('organiser.columns.actions')}</span>
    </th>
  );
}

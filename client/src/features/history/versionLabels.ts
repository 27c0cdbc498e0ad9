import type { TFunction } from 'i18next';
import type { Version } from '../../../../shared/api/versions.ts';
import { formatDateTime } from '../../i18n/format.ts';

/** Dates and times in the interface's language, e.g. "3 Dec 2026, 14:05" (the catalogue's Intl formatting). */
export function formatWhen(date: string, language: string): string {
  return formatDateTime(date, language);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T/;

/** What a version is called in the list: its name, or what kind of snapshot it is. */
export function versionTitle(t: TFunction, version: Version, locale: string): string {
  switch (version.kind) {
    case 'auto':
      return t('history.automatic');
    case 'freeze':
      return t('history.frozenName');
    case 'restore': {
      // The server names the snapshot taken before a restore after the restored version (or its date if unnamed).
      const name = version.name ?? '';
      return t('history.beforeRestore', { name: ISO_DATE.test(name) ? formatWhen(name, locale) : name });
    }
    case 'named':
      return version.name ?? t('history.automatic');
  }
}

/** Who saved it: a person and their delegation, or Accord itself for automatic snapshots. */
export function versionAuthor(t: TFunction, version: Version): string {
  if (!version.createdBy) return t('history.bySystem');
  return version.createdByDelegation ? t('history.byWho', { name: version.createdBy, delegation: version.createdByDelegation }) : version.createdBy;
}

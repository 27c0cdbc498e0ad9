import type { TFunction } from 'i18next';
import { closeCodeName } from '../../../../shared/protocol/closeCodes.ts';

/** Why the server closed the connection, in plain words; undefined for codes that are not the server's. */
export function closeReason(t: TFunction, code: number | undefined): string | undefined {
  const name = code === undefined ? undefined : closeCodeName(code);
  return name ? t(`connection.closed.${name}`) : undefined;
}

import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorCode } from '../../../shared/api/errors.ts';
import { ApiError } from './api.ts';

/** The server's codes, plus `network` for a server that was not reached (see ApiError). */
const KNOWN: readonly string[] = [...ERROR_CODES, 'network'];

/**
 * A failed call in plain words from the catalogue. The server's own message is English prose for logs and scripts;
 * it is never shown: a code the client does not know reads as "Something went wrong."
 */
export function errorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : undefined;
  return code !== undefined && KNOWN.includes(code) ? t(`errors.${code as ErrorCode | 'network'}`) : t('errors.unknown');
}

import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

const KNOWN = ['network', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'bad_request', 'payload_too_large', 'internal'] as const;
type KnownCode = (typeof KNOWN)[number];

/** A failed call in plain words from the catalogue, never the server's English message. */
export function errorMessage(t: TFunction, error: unknown): string {
  const code = error instanceof ApiError ? error.code : undefined;
  return (KNOWN as readonly string[]).includes(code ?? '') ? t(`errors.${code as KnownCode}`) : t('errors.unknown');
}

import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/api/errors.ts';
import { ApiError } from './api.ts';
import { errorMessage } from './errorMessage.ts';

const t = ((key: string) => `<${key}>`) as unknown as TFunction;

describe('errorMessage', () => {
  it('maps every server error code to its catalogue message, never the server prose', () => {
    for (const code of ERROR_CODES) {
      expect(errorMessage(t, new ApiError(400, code, 'English prose from the server'))).toBe(`<errors.${code}>`);
    }
    expect(errorMessage(t, new ApiError(0, 'network', 'Failed to fetch'))).toBe('<errors.network>');
  });

  it('says "something went wrong" for unknown codes and other failures', () => {
    expect(errorMessage(t, new ApiError(418, 'teapot', 'I am a teapot'))).toBe('<errors.unknown>');
    expect(errorMessage(t, new Error('boom'))).toBe('<errors.unknown>');
  });
});

import type { ErrorCode } from '../../shared/api/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  not_in_future: 400,
  unauthorized: 401,
  forbidden: 403,
  deadline_passed: 403,
  not_found: 404,
  conflict: 409,
  already_adopted: 409,
  no_language_version: 409,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

/** An error whose code and message are meant for the caller; anything else becomes a plain 500. */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

/**
 * Something the server needs (its database) cannot be reached just now: answered 503 `unavailable` with a message of
 * its own, since the error's text names hosts and ports that are for the logs only.
 */
export class UnavailableError extends Error {}

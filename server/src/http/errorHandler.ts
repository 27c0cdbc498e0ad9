import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorBody } from '../../../shared/api/errors.ts';
import { AppError, UnavailableError } from '../errors.ts';

const body = (error: AppError): ErrorBody => ({ error: { code: error.code, message: error.message } });

export const DATABASE_UNAVAILABLE_MESSAGE = 'The server cannot reach its database just now; try again in a moment.';

/** Errors thrown by body-parser carry a status and a type; map the ones a client can cause. */
function fromParser(error: unknown): AppError | undefined {
  const type = (error as { type?: string }).type;
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (type === 'entity.parse.failed') return new AppError('bad_request', 'The request body is not valid JSON.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('bad_request', 'The request body encoding is not supported.');
  }
  return undefined;
}

/** Turns any error into `{ error: { code, message } }`; unknown errors become a plain 500 without internals. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = error instanceof AppError ? error : fromParser(error);
    if (known) {
      res.status(known.status).json(body(known));
      return;
    }
    if (error instanceof UnavailableError) {
      logger.warn({ err: error, method: req.method, path: req.path }, 'refused: database unavailable');
      res.status(503).json(body(new AppError('unavailable', DATABASE_UNAVAILABLE_MESSAGE)));
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    res.status(500).json(body(new AppError('internal', 'Something went wrong on the server.')));
  };
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No such endpoint: ${req.method} ${req.path}`));
};

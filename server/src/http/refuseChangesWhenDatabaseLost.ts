import type { RequestHandler } from 'express';
import { AppError } from '../errors.ts';

export const DATABASE_LOST_MESSAGE =
  'The server cannot save changes: its database file was replaced or removed while it was running. Ask the organiser to restart Accord.';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Once the database file was replaced under the server, every write would go to a file nobody reads again: changes
 * are refused (503 `unavailable`) until Accord is restarted; reads keep working.
 */
export function refuseChangesWhenDatabaseLost(databaseLost: () => string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (READS.has(req.method) || databaseLost() === undefined) return next();
    next(new AppError('unavailable', DATABASE_LOST_MESSAGE));
  };
}

import type { z } from 'zod';
import { AppError } from '../errors.ts';

/** Parses `input` with a shared schema; a mismatch is a 400 naming the first offending field. */
export function parse<Schema extends z.ZodType>(schema: Schema, input: unknown): z.infer<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new AppError('bad_request', `${where}${issue?.message ?? 'invalid input'}`);
}

import type { z } from 'zod';
import { ErrorBody } from '../../../shared/api/errors.ts';

/** A refused API call: `code` is the server's stable machine code, or `network` when the server was not reached. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'network', (error as Error).message);
  }
  if (response.ok) return response;
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  throw parsed.success
    ? new ApiError(response.status, parsed.data.error.code, parsed.data.error.message)
    : new ApiError(response.status, 'unknown', response.statusText);
}

/** Calls the Accord API and parses the answer with its shared schema, so the client never trusts an unchecked shape. */
export async function apiRequest<T>(schema: z.ZodType<T>, method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  return schema.parse(await response.json());
}

/** Calls an API route that answers with no body (204). */
export async function apiCommand(method: string, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}

import { expect } from 'vitest';
import type { TestServer } from './testServer.ts';

/** The JSON body of `response`, once its status is `status` (the body is shown when it is not) and it is JSON. */
export async function expectJson<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  return JSON.parse(text) as T;
}

/** Checks that `response` is the API's JSON error `code` with HTTP `status`. */
export async function expectError(response: Response, status: number, code: string): Promise<void> {
  expect((await expectJson<{ error: { code: string } }>(response, status)).error.code).toBe(code);
}

/** The session cookie's value set by a join. */
export function sessionOf(response: Response): string {
  return /accord_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')![1]!;
}

/** Joins `server` with an invite token as `name`, as the join page does, and returns the session. */
export async function joinWith(server: Pick<TestServer, 'api'>, inviteToken: string, name: string): Promise<string> {
  const response = await server.api('POST', '/api/join', { token: inviteToken, name }, null);
  expect(response.status).toBe(201);
  return sessionOf(response);
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/api/documents.ts';
import { DEMO_TITLE } from '../src/infrastructure/demo/demoContent.ts';
import { SERVER_NODE_FLAGS } from '../src/nodeFlags.ts';
import { type ServerProcess, spawnServer } from './helpers/serverProcess.ts';
import { tempDataDir } from './helpers/testServer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What README's first command runs: the bundle `npm start` builds and starts, on a fresh data directory with the demo. */
describe('npm start (the bundled server)', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    execFileSync(process.execPath, ['server/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
    server = await spawnServer(tempDataDir(), { ACCORD_SEED_DEMO: 'true', LOG_LEVEL: 'warn' }, { bundle: true });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('gives node the flags the benchmarks and the process tests start it with', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`exec node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.mjs`);
  });

  it('prints its URL, the organiser link and the demo invite links', () => {
    expect(server.output()).toMatch(/Accord is running at http:\/\/127\.0\.0\.1:\d+/);
    expect(server.output()).toMatch(/Organiser link.*: http:\/\/127\.0\.0\.1:\d+\/organiser#\S+/);
    expect(server.output()).toMatch(/Spain \(delegate\): http:\/\/127\.0\.0\.1:\d+\/join#\S+/);
  });

  it('serves the demo document with its Arabic, French and punctuation intact', async () => {
    const list = (await (await server.api('GET', '/api/documents')).json()) as { documents: DocumentSummary[] };
    const demo = list.documents.find((document) => document.title === DEMO_TITLE);
    expect(demo).toBeDefined();
    const response = await server.api('GET', `/api/documents/${demo!.id}/export?format=md`);
    expect(response.status).toBe(200);
    const markdown = await response.text();
    expect(markdown).toContain('تعزيز التعاون القضائي في مجال تبادل الأدلة الرقمية');
    expect(markdown).toContain("soumise au contrôle d'une autorité judiciaire indépendante");
  });

  it('serves the browser client', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('exits with 0 on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

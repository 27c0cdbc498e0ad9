import { afterEach, describe, expect, it } from 'vitest';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { type ServerProcess, spawnServer } from './helpers/serverProcess.ts';
import { tempDataDir } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const clients: CollabClient[] = [];
const processes: ServerProcess[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of processes.splice(0)) await server.close();
});

const spawn = async (dataDir: string, env?: Record<string, string>) => {
  const server = await spawnServer(dataDir, env);
  processes.push(server);
  return server;
};

const connect = async (server: ServerProcess, documentId: string, token: string) => {
  const client = await connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
};

const paragraphs = (client: CollabClient) => new Set(client.text().split('\n').filter(Boolean));

describe('crash safety (real server process)', () => {
  // Kill at different moments of the stream; a small compaction bound makes some kills land near a compaction.
  it.each([150, 400, 700])('loses nothing any client had received when killed with SIGKILL after %i ms of edits', async (killAfterMs) => {
    const dataDir = tempDataDir();
    const server = await spawn(dataDir, { ACCORD_COMPACT_AFTER_UPDATES: '25' });
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connect(server, documentId, token);
    const observer = await connect(server, documentId, token);

    let sent = 0;
    const stream = setInterval(() => writer.write(`edit ${sent++}`), 2);
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    clearInterval(stream);
    const received = paragraphs(observer);
    writer.destroy();
    observer.destroy();
    expect(received.size).toBeGreaterThan(10);

    const restarted = await spawn(dataDir);
    const fresh = await connect(restarted, documentId, token);
    const recovered = paragraphs(fresh);
    const missing = [...received].filter((paragraph) => !recovered.has(paragraph));
    expect(missing).toEqual([]);
  });

  it.each([120, 260, 430])('loses nothing when killed during frequent compactions of a large document (%i ms)', async (killAfterMs) => {
    const dataDir = tempDataDir();
    const server = await spawn(dataDir, { ACCORD_COMPACT_AFTER_UPDATES: '3' });
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connect(server, documentId, token);
    // A few MiB of text make every compaction take long enough for the kill to land inside some of them.
    for (let i = 0; i < 40; i++) writer.write(`chapter ${i} ${'annex text '.repeat(8000)}`);
    const observer = await connect(server, documentId, token);
    await waitFor(() => observer.text().length === writer.text().length, 'large document relayed', 10_000);

    let sent = 0;
    const stream = setInterval(() => writer.write(`edit ${sent++}`), 2);
    await new Promise((resolve) => setTimeout(resolve, killAfterMs));
    server.child.kill('SIGKILL');
    await server.exited;
    clearInterval(stream);
    const received = paragraphs(observer);
    writer.destroy();
    observer.destroy();

    const restarted = await spawn(dataDir);
    const recovered = paragraphs(await connect(restarted, documentId, token));
    expect([...received].filter((paragraph) => !recovered.has(paragraph))).toEqual([]);
  });

  it('persists and exits 0 within 5 s on SIGTERM, then serves identical content', async () => {
    const dataDir = tempDataDir();
    const server = await spawn(dataDir, { ACCORD_UNLOAD_GRACE_MS: '60000' });
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connect(server, documentId, token);
    for (let i = 0; i < 100; i++) writer.write(`paragraph ${i}`);
    const observer = await connect(server, documentId, token);
    await waitFor(() => observer.text() === writer.text(), 'relay');
    const expected = observer.text();

    const started = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(5000);
    writer.destroy();
    observer.destroy();

    const restarted = await spawn(dataDir);
    const fresh = await connect(restarted, documentId, token);
    expect(fresh.text()).toBe(expected);
  });

  it('stops with a clear message on an invalid configuration', async () => {
    await expect(spawnServer(tempDataDir(), { PORT: 'eighty' })).rejects.toThrow(/PORT/);
  });
});

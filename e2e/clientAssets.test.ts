import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from './helpers/e2eServer.ts';

// How the built client reaches a browser on venue Wi-Fi: compressed, and cached for good when its name has a hash.

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET without any decoding, so the test sees the bytes the network carries. */
function rawGet(url: string, acceptEncoding?: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

let server: E2eServer;
let entryScript: string;
let entryBytes: Buffer;

beforeAll(async () => {
  server = await startE2eServer();
  const html = fs.readFileSync(path.resolve('dist/client/index.html'), 'utf8');
  entryScript = /<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  entryBytes = fs.readFileSync(path.resolve('dist/client', `.${entryScript}`));
});
afterAll(() => server.close());

describe('the built client over HTTP', () => {
  it('sends the JavaScript brotli-compressed to a browser that accepts br', async () => {
    const response = await rawGet(`${server.url}${entryScript}`, 'gzip, deflate, br');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(response.body.length).toBeLessThan(entryBytes.length / 2);
    expect(zlib.brotliDecompressSync(response.body).equals(entryBytes)).toBe(true);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that asks for no encoding', async () => {
    const gzipped = await rawGet(`${server.url}${entryScript}`, 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).equals(entryBytes)).toBe(true);

    const plain = await rawGet(`${server.url}${entryScript}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(entryBytes)).toBe(true);
  });

  it('lets browsers keep hashed assets for a year, and makes them ask again for index.html and sw.js', async () => {
    for (const encoding of ['br', 'gzip', undefined]) {
      const asset = await rawGet(`${server.url}${entryScript}`, encoding);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    for (const route of ['/', '/index.html', '/documents/some-document', '/join', '/sw.js']) {
      const response = await rawGet(`${server.url}${route}`, 'br');
      expect(response.status, route).toBe(200);
      expect(response.headers['cache-control'], route).toBe('no-cache');
    }
  });
});

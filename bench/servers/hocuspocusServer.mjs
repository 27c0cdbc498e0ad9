/**
 * Hocuspocus as the benchmark runs it: `@hocuspocus/server` with its SQLite persistence (`@hocuspocus/extension-sqlite`)
 * and every other setting at its default (stores the whole document state, debounced 2 s, at most every 10 s). Plain
 * JavaScript, so it pays no TypeScript loader. Environment: HOST, PORT, HOCUSPOCUS_DATABASE (the SQLite file).
 * Prints "Hocuspocus listening on <port>" when ready; SIGTERM stores pending documents and exits (its own handler).
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const server = new Server({
  address: process.env.HOST,
  port: Number(process.env.PORT),
  quiet: true,
  extensions: [new SQLite({ database: process.env.HOCUSPOCUS_DATABASE })],
});
await server.listen();
console.log(`Hocuspocus listening on ${server.address.port}`);

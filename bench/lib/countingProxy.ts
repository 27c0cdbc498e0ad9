import net from 'node:net';

export interface CountingProxy {
  /** `http://127.0.0.1:<port>`: open pages here instead of on the server. */
  url: string;
  /** Bytes the server has sent through the proxy since the last reset. */
  received(): number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A TCP relay in front of a server that counts what the server sends, as it crosses the network: HTTP headers and
 * bodies as encoded (brotli, gzip), websocket frames as compressed. What a browser's DevTools report for a websocket is
 * the payload after decompression, so bytes on the wire are counted here instead.
 */
export async function startCountingProxy(target: URL): Promise<CountingProxy> {
  let received = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    upstream.on('data', (chunk: Buffer) => (received += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => received,
    reset: () => (received = 0),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

import net from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP port that was free a moment ago on `host`, for servers that cannot report the port they picked. */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

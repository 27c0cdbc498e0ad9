import os from 'node:os';

/**
 * This machine's address on the local network: the first non-internal IPv4 address, which is what a laptop on the
 * venue Wi-Fi has. Undefined when the machine has no network.
 */
export function lanAddress(interfaces = os.networkInterfaces()): string | undefined {
  for (const addresses of Object.values(interfaces)) {
    const found = addresses?.find((address) => address.family === 'IPv4' && !address.internal);
    if (found) return found.address;
  }
  return undefined;
}

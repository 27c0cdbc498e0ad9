import { describe, expect, it } from 'vitest';
import { lanAddress } from './lanAddress.ts';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) => ({
  address,
  family,
  internal,
  netmask: '255.255.255.0',
  mac: '00:00:00:00:00:00',
  cidr: null,
  ...(family === 'IPv6' ? { scopeid: 0 } : {}),
});

describe('lanAddress', () => {
  it('picks the first external IPv4 address', () => {
    const interfaces = {
      lo: [iface('127.0.0.1', 'IPv4', true)],
      wlan0: [iface('fe80::1', 'IPv6', false), iface('192.168.1.20', 'IPv4', false)],
    } as unknown as NodeJS.Dict<import('node:os').NetworkInterfaceInfo[]>;
    expect(lanAddress(interfaces)).toBe('192.168.1.20');
  });

  it('is undefined without a network', () => {
    expect(lanAddress({ lo: [iface('127.0.0.1', 'IPv4', true)] } as never)).toBeUndefined();
  });
});

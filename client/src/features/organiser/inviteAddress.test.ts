import { describe, expect, it } from 'vitest';
import { atAddress, loopbackHost } from './inviteAddress.ts';

describe('invite addresses', () => {
  it('knows the links only this computer can open', () => {
    expect(loopbackHost('http://127.0.0.1:8080/join#abc')).toBe('127.0.0.1');
    expect(loopbackHost('http://localhost:8080/join#abc')).toBe('localhost');
    expect(loopbackHost('http://[::1]:8080/join#abc')).toBe('[::1]');
    expect(loopbackHost('http://192.168.1.20:8080/join#abc')).toBeUndefined();
    expect(loopbackHost('http://accord.venue:8080/join#abc')).toBeUndefined();
  });

  it('moves a link to another address of the server, keeping its token', () => {
    expect(atAddress('http://127.0.0.1:8080/join#tok-123', 'http://192.168.1.20:8080/')).toBe('http://192.168.1.20:8080/join#tok-123');
    expect(atAddress('http://127.0.0.1:8080/join#tok-123', undefined)).toBe('http://127.0.0.1:8080/join#tok-123');
  });
});

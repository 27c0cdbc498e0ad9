import { describe, expect, it } from 'vitest';
import { type ConnectionFacts, connectionStatus } from './connectionStatus.ts';

const base: ConnectionFacts = { refused: false, socketOpen: false, browserOffline: false, attemptFailed: false, hasText: false };

describe('connectionStatus', () => {
  it('says connecting on a first visit that has nothing yet, even while attempts fail', () => {
    expect(connectionStatus(base)).toBe('connecting');
    expect(connectionStatus({ ...base, attemptFailed: true })).toBe('connecting');
  });

  it('says offline when a reload opened the copy kept on the device and the server cannot be reached', () => {
    expect(connectionStatus({ ...base, hasText: true })).toBe('connecting');
    expect(connectionStatus({ ...base, hasText: true, attemptFailed: true })).toBe('offline');
  });

  it('believes the browser when it says it has no network', () => {
    expect(connectionStatus({ ...base, browserOffline: true })).toBe('offline');
  });

  it('says connected while the socket is open and closed once the server refused for good', () => {
    expect(connectionStatus({ ...base, socketOpen: true, attemptFailed: true, browserOffline: true })).toBe('connected');
    expect(connectionStatus({ ...base, socketOpen: true, refused: true })).toBe('closed');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRelease } from './memoryRelease.ts';

describe('MemoryRelease', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const release = (collect: () => void) => new MemoryRelease({ afterClosed: 3, quietMs: 2000, collect });

  it('collects once the closes stop, and again once V8 measures a low allocation rate', () => {
    const collect = vi.fn();
    const memory = release(collect);
    for (let i = 0; i < 3; i++) memory.connectionClosed();
    vi.advanceTimersByTime(1999);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(6000);
    expect(collect).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(60_000);
    expect(collect).toHaveBeenCalledTimes(2);
  });

  it('waits for a flood of closes to end', () => {
    const collect = vi.fn();
    const memory = release(collect);
    for (let i = 0; i < 10; i++) {
      memory.connectionClosed();
      vi.advanceTimersByTime(1500);
    }
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('does nothing for a few comings and goings', () => {
    const collect = vi.fn();
    const memory = release(collect);
    memory.connectionClosed();
    memory.connectionClosed();
    vi.advanceTimersByTime(60_000);
    expect(collect).not.toHaveBeenCalled();
  });

  it('collects nothing once stopped', () => {
    const collect = vi.fn();
    const memory = release(collect);
    for (let i = 0; i < 3; i++) memory.connectionClosed();
    memory.stop();
    vi.advanceTimersByTime(60_000);
    expect(collect).not.toHaveBeenCalled();
  });
});

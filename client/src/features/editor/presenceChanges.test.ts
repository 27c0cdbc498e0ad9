import { describe, expect, it } from 'vitest';
import { presenceChanges } from './presenceChanges.ts';
import type { Participant } from './usePresence.ts';

const person = (clientId: number, name: string, delegation: string, isSelf = false): Participant => ({
  clientId,
  name,
  delegation,
  color: '#1d4ed8',
  role: 'delegate',
  isSelf,
  hasCursor: false,
  choice: undefined,
  screen: undefined,
});

describe('presenceChanges', () => {
  it('reports arrivals and departures of other people', () => {
    const before = [person(1, 'Me', 'Spain', true), person(2, 'Amal', 'Jordan')];
    const after = [person(1, 'Me', 'Spain', true), person(3, 'Claire', 'France')];
    expect(presenceChanges(before, after)).toEqual([
      { kind: 'joined', name: 'Claire', delegation: 'France', organiser: false },
      { kind: 'left', name: 'Amal', delegation: 'Jordan', organiser: false },
    ]);
  });

  it('counts a person once whatever their tabs do, and never oneself', () => {
    const before = [person(2, 'Amal', 'Jordan')];
    const after = [person(2, 'Amal', 'Jordan'), person(4, 'Amal', 'Jordan'), person(5, 'Me', 'Spain', true)];
    expect(presenceChanges(before, after)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ROLES } from './roles.ts';
import { canSeeThread } from './threadVisibility.ts';

const spain = { delegation: 'Spain' } as const;

describe('canSeeThread', () => {
  it('shows everyone-threads to every role of every delegation', () => {
    for (const role of ROLES) expect(canSeeThread({ role, delegation: 'France' }, { ...spain, visibility: 'everyone' })).toBe(true);
  });

  it('keeps delegation-threads inside the delegation, even from organisers and rapporteurs', () => {
    const thread = { ...spain, visibility: 'delegation' } as const;
    expect(ROLES.filter((role) => canSeeThread({ role, delegation: 'France' }, thread))).toEqual([]);
    expect(ROLES.filter((role) => canSeeThread({ role, delegation: 'Spain' }, thread))).toEqual([...ROLES]);
  });

  it('shows rapporteur-threads to rapporteurs, organisers and the author delegation only', () => {
    const thread = { ...spain, visibility: 'rapporteurs' } as const;
    expect(ROLES.filter((role) => canSeeThread({ role, delegation: 'France' }, thread))).toEqual(['organiser', 'rapporteur']);
    expect(canSeeThread({ role: 'observer', delegation: 'Spain' }, thread)).toBe(true);
  });
});

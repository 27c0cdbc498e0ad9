import { describe, expect, it } from 'vitest';
import { effectiveConsensusStatus } from './consensus.ts';

describe('effectiveConsensusStatus', () => {
  it('shows an agreed text with reservations as agreed with reservation', () => {
    expect(effectiveConsensusStatus('agreed', 1)).toBe('agreed_with_reservation');
    expect(effectiveConsensusStatus('agreed', 0)).toBe('agreed');
  });

  it('keeps every other status as set', () => {
    expect(effectiveConsensusStatus('draft', 2)).toBe('draft');
    expect(effectiveConsensusStatus('under_discussion', 1)).toBe('under_discussion');
    expect(effectiveConsensusStatus('agreed_with_reservation', 0)).toBe('agreed_with_reservation');
  });
});

import { describe, expect, it } from 'vitest';
import { can } from './policy.ts';
import { ROLES } from './roles.ts';

describe('can', () => {
  it('lets only organisers manage invites', () => {
    expect(ROLES.filter((role) => can(role, 'invite.manage'))).toEqual(['organiser']);
  });

  it('keeps observers read-only', () => {
    expect(can('observer', 'document.read')).toBe(true);
    expect(can('observer', 'document.edit')).toBe(false);
    expect(can('observer', 'thread.post')).toBe(false);
  });

  it('lets rapporteurs and organisers resolve, not delegates', () => {
    expect(ROLES.filter((role) => can(role, 'thread.resolve'))).toEqual(['organiser', 'rapporteur']);
  });

  it('freezes writes for every role but keeps reading and export', () => {
    for (const role of ROLES) {
      expect(can(role, 'document.edit', { frozen: true })).toBe(false);
      expect(can(role, 'document.read', { frozen: true })).toBe(true);
      expect(can(role, 'export', { frozen: true })).toBe(true);
    }
  });

  it('lets rapporteurs and organisers set consensus statuses and only delegates enter reservations', () => {
    expect(ROLES.filter((role) => can(role, 'consensus.set'))).toEqual(['organiser', 'rapporteur']);
    expect(ROLES.filter((role) => can(role, 'consensus.reserve'))).toEqual(['delegate']);
    expect(can('rapporteur', 'consensus.set', { frozen: true })).toBe(false);
    expect(can('delegate', 'consensus.reserve', { frozen: true })).toBe(false);
  });

  it('lets rapporteurs and organisers decide proposals and remove brackets; delegates propose, bracket and withdraw', () => {
    expect(ROLES.filter((role) => can(role, 'suggestion.decide'))).toEqual(['organiser', 'rapporteur']);
    expect(ROLES.filter((role) => can(role, 'bracket.remove'))).toEqual(['organiser', 'rapporteur']);
    expect(ROLES.filter((role) => can(role, 'suggestion.withdraw'))).toEqual(['organiser', 'rapporteur', 'delegate']);
    expect(ROLES.filter((role) => can(role, 'bracket.add'))).toEqual(['organiser', 'rapporteur', 'delegate']);
    expect(can('rapporteur', 'suggestion.decide', { frozen: true })).toBe(false);
    expect(can('organiser', 'bracket.remove', { frozen: true })).toBe(false);
  });

  it('lets delegations propose and support alternatives, rapporteurs and organisers retain one, observers only read', () => {
    expect(ROLES.filter((role) => can(role, 'alternative.propose'))).toEqual(['organiser', 'rapporteur', 'delegate']);
    expect(ROLES.filter((role) => can(role, 'alternative.retain'))).toEqual(['organiser', 'rapporteur']);
    expect(can('delegate', 'alternative.propose', { frozen: true })).toBe(false);
    expect(can('rapporteur', 'alternative.retain', { frozen: true })).toBe(false);
  });

  it('lets only delegates mark "no change" (NOC): a delegation position, which a frozen text stops', () => {
    expect(ROLES.filter((role) => can(role, 'noChange.mark'))).toEqual(['delegate']);
    expect(can('delegate', 'noChange.mark', { frozen: true })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import type { Role } from '../../../../../shared/domain/roles.ts';
import { PRESENTER_FIELD, SCREEN_FIELD, choosePresenter, onScreen, presenceEntries } from './presenter.ts';

const SCREEN = 1;

/** An awareness state as the server relays it: the user stamped by the server, the rest as the client set it. */
const state = (name: string, delegation: string, role: Role, extra: Record<string, unknown> = {}) => ({
  user: { name, delegation, color: '#1d4ed8', role },
  ...extra,
});

const room = (...states: [number, unknown][]) => presenceEntries(new Map([[SCREEN, state('Room screen', 'UN', 'observer')], ...states]));
const presenterOf = (entries: ReturnType<typeof room>, override = null as { name: string; delegation: string } | null) =>
  choosePresenter(entries, SCREEN, override)?.clientId;

describe('choosePresenter', () => {
  it('follows the first rapporteur connected by default', () => {
    const entries = room([2, state('Ana', 'Spain', 'delegate')], [3, state('Lina', 'Secretariat', 'rapporteur')], [4, state('Omar', 'Jordan', 'rapporteur')]);
    expect(presenterOf(entries)).toBe(3);
  });

  it('follows nobody while no rapporteur is there and nobody was chosen', () => {
    expect(presenterOf(room([2, state('Ana', 'Spain', 'delegate')]))).toBeUndefined();
  });

  it("follows an organiser's or rapporteur's choice, the latest winning", () => {
    const entries = room(
      [2, state('Ana', 'Spain', 'delegate')],
      [3, state('Lina', 'Secretariat', 'rapporteur', { [PRESENTER_FIELD]: { name: 'Ana', delegation: 'Spain', at: 10 } })],
      [4, state('Omar', 'Jordan', 'delegate')],
      [5, state('Organiser', '', 'organiser', { [PRESENTER_FIELD]: { name: 'Omar', delegation: 'Jordan', at: 20 } })],
    );
    expect(presenterOf(entries)).toBe(4);
  });

  it("ignores a delegate's or observer's choice: the role comes from the server", () => {
    const entries = room(
      [2, state('Ana', 'Spain', 'delegate', { [PRESENTER_FIELD]: { name: 'Ana', delegation: 'Spain', at: 99 } })],
      [3, state('Lina', 'Secretariat', 'rapporteur')],
    );
    expect(presenterOf(entries)).toBe(3);
  });

  it('falls back to the next rule while the chosen person is not connected', () => {
    const entries = room([3, state('Lina', 'Secretariat', 'rapporteur', { [PRESENTER_FIELD]: { name: 'Ana', delegation: 'Spain', at: 10 } })]);
    expect(presenterOf(entries)).toBe(3);
  });

  it("puts the screen's own pick before every choice", () => {
    const entries = room(
      [2, state('Ana', 'Spain', 'delegate')],
      [3, state('Lina', 'Secretariat', 'rapporteur', { [PRESENTER_FIELD]: { name: 'Lina', delegation: 'Secretariat', at: 10 } })],
    );
    expect(presenterOf(entries, { name: 'Ana', delegation: 'Spain' })).toBe(2);
  });

  it("of one person's tabs, follows the one with a caret, and never the screen itself", () => {
    const entries = room(
      [3, state('Lina', 'Secretariat', 'rapporteur')],
      [4, state('Lina', 'Secretariat', 'rapporteur', { cursor: { anchor: {}, head: {} } })],
    );
    expect(presenterOf(entries)).toBe(4);
    const screenIsRapporteur = presenceEntries(new Map([[SCREEN, state('Lina', 'Secretariat', 'rapporteur')]]));
    expect(choosePresenter(screenIsRapporteur, SCREEN)).toBeUndefined();
  });

  it('never follows another room screen, and knows whom each screen shows', () => {
    const entries = room(
      [2, state('Lina', 'Secretariat', 'rapporteur', { [SCREEN_FIELD]: { following: { name: 'Omar', delegation: 'Jordan' } } })],
      [3, state('Omar', 'Jordan', 'rapporteur')],
    );
    expect(presenterOf(entries)).toBe(3);
    expect(onScreen(entries, { name: 'Omar', delegation: 'Jordan' })).toBe(true);
    expect(onScreen(entries, { name: 'Lina', delegation: 'Secretariat' })).toBe(false);
  });

  it('skips states the server has not stamped with a user', () => {
    expect(presenceEntries(new Map<number, unknown>([[7, {}], [8, null], [9, { user: { name: 'x' } }]]))).toEqual([]);
  });
});

import { z } from 'zod';
import { can } from '../../../../../shared/domain/policy.ts';
import { AwarenessUser } from '../awarenessUser.ts';

/**
 * The awareness field in which an organiser or rapporteur names the person the room screen follows. It names a person
 * (name and delegation), not a connection, so the choice survives the presenter reloading their page; `at` (the
 * chooser's clock, milliseconds) lets the latest of several choices win.
 */
export const PRESENTER_FIELD = 'presenter';

export const PresenterChoice = z.object({ name: z.string(), delegation: z.string(), at: z.number() });
export type PresenterChoice = z.infer<typeof PresenterChoice>;

/**
 * The awareness field by which a room screen tells the room it is one, and whom it shows: the participants list marks
 * that person "On the room screen" from what the screen says, whatever rule chose them.
 */
export const SCREEN_FIELD = 'screen';

export const ScreenState = z.object({ following: z.object({ name: z.string(), delegation: z.string() }).nullable() });
export type ScreenState = z.infer<typeof ScreenState>;

/** One connection in the room, as the projector and the participants list see it. */
export interface PresenceEntry extends AwarenessUser {
  clientId: number;
  /** Whether this connection is publishing a caret now (its editor has focus). */
  hasCursor: boolean;
  /** The presenter this connection chose, if it may choose one. */
  choice: PresenterChoice | undefined;
  /** Set when this connection is a room screen. */
  screen: ScreenState | undefined;
}

/** A person as a presenter choice names them. */
export interface PersonKey {
  name: string;
  delegation: string;
}

export const samePerson = (a: PersonKey, b: PersonKey) => a.name === b.name && a.delegation === b.delegation;

/**
 * The awareness states as entries, in the map's order: the order this client learned of them, which is the order the
 * server saw them connect for those already there. States without a (server-stamped) user are skipped. A choice is
 * kept only from a role allowed to make it: the role comes from the server, so a delegate cannot steer the screen.
 */
export function presenceEntries(states: ReadonlyMap<number, unknown>): PresenceEntry[] {
  const entries: PresenceEntry[] = [];
  for (const [clientId, state] of states) {
    const fields = (state ?? {}) as Record<string, unknown>;
    const user = AwarenessUser.safeParse(fields.user);
    if (!user.success) continue;
    const choice = PresenterChoice.safeParse(fields[PRESENTER_FIELD]);
    const screen = ScreenState.safeParse(fields[SCREEN_FIELD]);
    entries.push({
      ...user.data,
      clientId,
      hasCursor: fields.cursor != null,
      choice: choice.success && can(user.data.role, 'presenter.choose') ? choice.data : undefined,
      screen: screen.success ? screen.data : undefined,
    });
  }
  return entries;
}

/**
 * Whom the room screen follows: the person picked on the screen itself (`override`), else the latest choice of an
 * organiser or rapporteur, else the first rapporteur connected. A chosen person who is not connected does not count,
 * so the next rule applies until they come back. `selfId` (the screen's own connection) and other screens are never
 * followed; of one person's several tabs, the one with a caret wins.
 */
export function choosePresenter(entries: readonly PresenceEntry[], selfId: number, override: PersonKey | null = null): PresenceEntry | undefined {
  const candidates = entries.filter((entry) => entry.clientId !== selfId && !entry.screen);
  const find = (person: PersonKey) => {
    const sessions = candidates.filter((entry) => samePerson(entry, person));
    return sessions.find((entry) => entry.hasCursor) ?? sessions[0];
  };
  if (override) {
    const found = find(override);
    if (found) return found;
  }
  const choices = entries.flatMap((entry) => (entry.choice ? [entry.choice] : [])).sort((a, b) => b.at - a.at);
  for (const choice of choices) {
    const found = find(choice);
    if (found) return found;
  }
  const rapporteur = candidates.find((entry) => entry.role === 'rapporteur');
  return rapporteur && find(rapporteur);
}

/** Whether a room screen in the room says it shows `person`. */
export const onScreen = (entries: readonly PresenceEntry[], person: PersonKey) =>
  entries.some((entry) => entry.screen?.following && samePerson(entry.screen.following, person));

/** Publishes this connection's choice of presenter to the room (null withdraws it). The screen checks the role. */
export function announcePresenter(awareness: { setLocalStateField(field: string, value: unknown): void }, person: PersonKey | null): void {
  awareness.setLocalStateField(PRESENTER_FIELD, person ? ({ name: person.name, delegation: person.delegation, at: Date.now() } satisfies PresenterChoice) : null);
}

/** Publishes that this connection is a room screen showing `person` (null: nobody yet). */
export function announceScreen(awareness: { setLocalStateField(field: string, value: unknown): void }, person: PersonKey | null): void {
  awareness.setLocalStateField(SCREEN_FIELD, { following: person && { name: person.name, delegation: person.delegation } } satisfies ScreenState);
}

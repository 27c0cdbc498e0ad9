import type { Participant } from './usePresence.ts';

export interface PresenceChange {
  kind: 'joined' | 'left';
  name: string;
  delegation: string;
  /** Organisers have no personal name or delegation: they are announced by their role. */
  organiser: boolean;
}

/** One person, whatever number of tabs they have open. */
export const personKey = (person: Pick<Participant, 'name' | 'delegation'>) => `${person.delegation}\u0000${person.name}`;

/** Who arrived and who went between two sightings of the participants, counting people (not tabs), never oneself. */
export function presenceChanges(before: readonly Participant[], after: readonly Participant[]): PresenceChange[] {
  const others = (list: readonly Participant[]) => new Map(list.filter((person) => !person.isSelf).map((person) => [personKey(person), person]));
  const previous = others(before);
  const current = others(after);
  const changes: PresenceChange[] = [];
  for (const [key, person] of current) if (!previous.has(key)) changes.push({ kind: 'joined', name: person.name, delegation: person.delegation, organiser: person.role === 'organiser' });
  for (const [key, person] of previous) if (!current.has(key)) changes.push({ kind: 'left', name: person.name, delegation: person.delegation, organiser: person.role === 'organiser' });
  return changes;
}

import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { type PersonKey, type PresenceEntry, choosePresenter, presenceEntries } from './follow/presenter.ts';

export interface Participant extends PresenceEntry {
  isSelf: boolean;
}

/**
 * Everyone connected to the document now, from awareness. The snapshot is rebuilt only when someone arrives, leaves,
 * changes identity, gains or loses a caret or picks a presenter, not on every caret move, so the sidebar does not
 * re-render while people type.
 */
export function usePresence(awareness: Awareness): Participant[] {
  return useSyncExternalStore(
    (listener) => {
      const onChange = () => listener();
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    () => snapshot(awareness),
  );
}

/** The person the room screen follows (see `choosePresenter`), as this client sees the room now. */
export function usePresenter(awareness: Awareness, override: PersonKey | null = null): Participant | undefined {
  const participants = usePresence(awareness);
  const presenter = choosePresenter(participants, awareness.clientID, override);
  return presenter && participants.find((participant) => participant.clientId === presenter.clientId);
}

const snapshots = new WeakMap<Awareness, { key: string; participants: Participant[] }>();

function snapshot(awareness: Awareness): Participant[] {
  const participants = presenceEntries(awareness.getStates()).map((entry) => ({ ...entry, isSelf: entry.clientId === awareness.clientID }));
  const key = JSON.stringify(participants);
  const previous = snapshots.get(awareness);
  if (previous?.key === key) return previous.participants;
  snapshots.set(awareness, { key, participants });
  return participants;
}

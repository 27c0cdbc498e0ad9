import { useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { AwarenessUser } from './awarenessUser.ts';

export interface Participant extends AwarenessUser {
  clientId: number;
  isSelf: boolean;
}

/**
 * Everyone connected to the document now, from awareness. The snapshot is rebuilt only when someone arrives, leaves or
 * changes identity, not on every caret move, so the sidebar does not re-render while people type.
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

const snapshots = new WeakMap<Awareness, { key: string; participants: Participant[] }>();

function snapshot(awareness: Awareness): Participant[] {
  const participants: Participant[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const user = AwarenessUser.safeParse((state as { user?: unknown }).user);
    if (user.success) participants.push({ ...user.data, clientId, isSelf: clientId === awareness.clientID });
  }
  const key = JSON.stringify(participants);
  const previous = snapshots.get(awareness);
  if (previous?.key === key) return previous.participants;
  snapshots.set(awareness, { key, participants });
  return participants;
}

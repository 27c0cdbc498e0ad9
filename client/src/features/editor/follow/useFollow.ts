import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { type Participant, usePresence } from '../usePresence.ts';
import { revealPosition } from './revealPosition.ts';
import { stopsFollowing } from './stopsFollowing.ts';
import { useFollowedPosition } from './useFollowedPosition.ts';

export interface Follow {
  /** The person being followed, while they are connected. */
  followed: Participant | undefined;
  follow: (clientId: number) => void;
  stop: () => void;
}

const isTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));

/**
 * Following a participant: their caret is kept in view as they move, until the reader scrolls on their own (wheel,
 * finger, page keys) or presses Escape, or the followed person leaves.
 */
export function useFollow(editor: Editor, awareness: Awareness): Follow {
  const [clientId, setClientId] = useState<number | null>(null);
  const followed = usePresence(awareness).find((participant) => participant.clientId === clientId && !participant.isSelf);
  const active = followed ? followed.clientId : null;
  const position = useFollowedPosition(editor, awareness, active);

  useEffect(() => {
    if (position !== null && !editor.isDestroyed) revealPosition(editor.view, position);
  }, [editor, position]);

  useEffect(() => {
    if (active === null) return;
    const stop = () => setClientId(null);
    const onKey = (event: KeyboardEvent) => {
      if (stopsFollowing(event.key, isTextField(event.target))) stop();
    };
    window.addEventListener('wheel', stop, { passive: true });
    window.addEventListener('touchmove', stop, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('wheel', stop);
      window.removeEventListener('touchmove', stop);
      window.removeEventListener('keydown', onKey);
    };
  }, [active]);

  return { followed, follow: setClientId, stop: () => setClientId(null) };
}

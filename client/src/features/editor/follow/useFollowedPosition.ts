import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { followedPosition } from './followedPosition.ts';

/**
 * The position of connection `clientId`'s caret in `editor`, following its moves and the edits that shift it. When it
 * stops publishing a caret (it clicked a button, its editor lost the focus) the last known position stays: the room
 * keeps looking where the presenter was.
 */
export function useFollowedPosition(editor: Editor, awareness: Awareness, clientId: number | null): number | null {
  const [position, setPosition] = useState<number | null>(null);
  useEffect(() => {
    if (clientId === null) return;
    const refresh = () => {
      const next = followedPosition(editor, awareness.getStates().get(clientId));
      if (next !== null) setPosition(next);
    };
    const onChange = ({ added, updated }: { added: number[]; updated: number[] }) => {
      if (added.includes(clientId) || updated.includes(clientId)) refresh();
    };
    refresh();
    awareness.on('change', onChange);
    editor.on('update', refresh);
    return () => {
      awareness.off('change', onChange);
      editor.off('update', refresh);
      setPosition(null);
    };
  }, [editor, awareness, clientId]);
  return clientId === null ? null : position;
}

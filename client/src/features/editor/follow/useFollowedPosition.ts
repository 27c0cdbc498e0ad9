import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { VIEWING_FIELD, followedPosition, viewedPosition } from './followedPosition.ts';

/**
 * The position of connection `clientId`'s caret in `editor`, following its moves and the edits that shift it. When it
 * stops publishing a caret (it clicked a button, its editor lost the focus) the last known position stays: the room
 * keeps looking where the presenter was. Without a caret (none yet, or it is gone) the block in the middle of their
 * view stands in, from the start and whenever they scroll: a person who just opened the page can be followed too.
 */
export function useFollowedPosition(editor: Editor, awareness: Awareness, clientId: number | null): number | null {
  const [position, setPosition] = useState<number | null>(null);
  useEffect(() => {
    if (clientId === null) return;
    let source: 'caret' | 'view' | null = null;
    let view: string | undefined;
    const refresh = () => {
      const state = awareness.getStates().get(clientId);
      const caret = followedPosition(editor, state);
      const viewing = JSON.stringify((state as Record<string, unknown> | undefined)?.[VIEWING_FIELD] ?? null);
      const scrolled = viewing !== view;
      view = viewing;
      if (caret !== null) {
        source = 'caret';
        setPosition(caret);
        return;
      }
      if (source === 'caret' && !scrolled) return;
      const viewed = viewedPosition(editor, state);
      if (viewed === null) return;
      source = 'view';
      setPosition(viewed);
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

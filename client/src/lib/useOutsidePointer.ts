import { type RefObject, useEffect } from 'react';

/** While `active`, a press anywhere outside `root` calls `onOutside` (a menu closes when the person taps elsewhere). */
export function useOutsidePointer(active: boolean, root: RefObject<HTMLElement | null>, onOutside: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) onOutside();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [active, root, onOutside]);
}

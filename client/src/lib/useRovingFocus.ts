import { type FocusEvent, type KeyboardEvent, useEffect, useRef } from 'react';

/** The controls that take part; a form inside the toolbar (the link editor) keeps its own Tab order. */
const isRovingItem = (element: HTMLElement) => !element.closest('form');

/**
 * Roving focus for a toolbar (the WAI-ARIA toolbar pattern): the whole toolbar is one Tab stop, the arrow keys move
 * between its controls (mirrored in right-to-left text), Home and End go to the first and the last, and the control
 * last focused keeps the Tab stop. Returns the props for the toolbar element.
 */
export function useRovingFocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const items = () =>
    [...(ref.current?.querySelectorAll<HTMLElement>('button:not(:disabled), select:not(:disabled)') ?? [])].filter(isRovingItem);
  const makeTabStop = (target: HTMLElement | undefined) => {
    const all = items();
    const stop = target && all.includes(target) ? target : all[0];
    for (const item of all) item.tabIndex = item === stop ? 0 : -1;
  };

  // Controls come and go or get disabled (undo, redo) as the document changes: keep exactly one Tab stop.
  useEffect(() => makeTabStop(items().find((item) => item.tabIndex === 0)));

  const onFocus = (event: FocusEvent<T>) => makeTabStop(event.target as HTMLElement);

  const onKeyDown = (event: KeyboardEvent<T>) => {
    const all = items();
    const current = all.indexOf(event.target as HTMLElement);
    if (current < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const forward = getComputedStyle(event.currentTarget).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    const next =
      event.key === forward ? (current + 1) % all.length
      : event.key === backward ? (current - 1 + all.length) % all.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? all.length - 1
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    all[next]!.focus();
  };

  return { ref, onFocus, onKeyDown };
}

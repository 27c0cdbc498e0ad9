import type { EditorView } from '@tiptap/pm/view';

/** The nearest ancestor that scrolls vertically (the document column), else the page. */
export function scrollParent(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) return node;
  }
  return document.scrollingElement as HTMLElement;
}

/** The visible part of `scroller`, in window coordinates. */
export function viewportOf(scroller: HTMLElement): { top: number; height: number } {
  if (scroller === document.scrollingElement) return { top: 0, height: window.innerHeight };
  const box = scroller.getBoundingClientRect();
  return { top: box.top, height: box.height };
}

const behavior = (): ScrollBehavior => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth');

/**
 * Scrolls the text so that the caret at `pos` is well inside the visible part (the middle `1 - 2 * margin` of it),
 * centring it; does nothing while it already is, so following someone who types along a line does not jiggle.
 */
export function revealPosition(view: EditorView, pos: number, margin = 0.2): void {
  const scroller = scrollParent(view.dom);
  const viewport = viewportOf(scroller);
  const caret = view.coordsAtPos(pos);
  const inside = caret.top >= viewport.top + viewport.height * margin && caret.bottom <= viewport.top + viewport.height * (1 - margin);
  if (!inside) scroller.scrollBy({ top: (caret.top + caret.bottom) / 2 - (viewport.top + viewport.height / 2), behavior: behavior() });
}

/** Scrolls the text so that `element` starts `offset` (a share of the visible height) below the top of the view. */
export function revealBlock(view: EditorView, element: HTMLElement, offset = 0.08): void {
  const scroller = scrollParent(view.dom);
  const viewport = viewportOf(scroller);
  scroller.scrollBy({ top: element.getBoundingClientRect().top - (viewport.top + viewport.height * offset), behavior: behavior() });
}

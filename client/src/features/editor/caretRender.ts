import type { DecorationAttrs } from '@tiptap/pm/view';
import { safeColor } from './awarenessUser.ts';

/** Which person a caret belongs to, from the awareness `user` it was drawn for (the organiser has no name of their own). */
export function caretPersonKey(user: Record<string, unknown>): string {
  return user.role === 'organiser' ? 'organiser' : `${String(user.name)}\u0000${String(user.delegation)}`;
}

/**
 * Another person's caret: a thin bar in their delegation's colour with "Name · Delegation" above it. The label fades
 * (CSS) a moment after the person stops moving; useCaretLabelFading shows it again when they move.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.dataset.person = caretPersonKey(user);
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  // textContent, never innerHTML: names are typed by people.
  label.textContent = [user.name, user.delegation].filter((part) => typeof part === 'string' && part).join(' · ');
  caret.append(label);
  return caret;
}

/** Another person's selection, tinted with their delegation's colour. */
export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  return {
    nodeName: 'span',
    class: 'collaboration-carets__selection',
    style: `background-color: ${safeColor(user.color)}33`,
  };
}

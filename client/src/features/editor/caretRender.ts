import type { DecorationAttrs } from '@tiptap/pm/view';
import { safeColor } from './awarenessUser.ts';

/** Another person's caret: a thin bar in their delegation's colour with "Name · Delegation" above it. */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = safeColor(user.color);
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
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

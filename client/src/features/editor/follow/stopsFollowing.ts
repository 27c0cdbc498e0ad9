/** Keys that scroll the page wherever the focus is. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown']);
/** Keys that scroll the page only when the focus is not in a text field (there they move the caret). */
const SCROLL_KEYS_OUTSIDE_TEXT = new Set(['ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);

/**
 * Whether a key press ends following someone: Escape, or a key by which the reader scrolls on their own. Moving one's
 * own caret in the text does not: the reader may follow the rapporteur while keeping their place to type.
 */
export function stopsFollowing(key: string, inTextField: boolean): boolean {
  return key === 'Escape' || SCROLL_KEYS.has(key) || (!inTextField && SCROLL_KEYS_OUTSIDE_TEXT.has(key));
}

/**
 * Puts `text` on the clipboard. Venue networks serve Accord over plain http://, where browsers give no async
 * clipboard (`navigator.clipboard` is missing outside secure contexts), so this falls back to the old route: select the
 * text in an off-screen textarea and `document.execCommand('copy')`. Resolves whether the browser said it copied; when
 * it did not, the caller should leave the text selected on screen for Ctrl+C.
 */
export async function copyText(text: string): Promise<boolean> {
  /* eslint-disable no-restricted-properties -- the one place that may use the async clipboard, behind its check */
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      /* eslint-enable no-restricted-properties */
      return true;
    } catch {
      // Permission refused or the document not focused: the fallback below may still work.
    }
  }
  return copyWithSelection(text);
}

function copyWithSelection(text: string): boolean {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  field.className = 'copy-text__field';
  // Off-screen but rendered: a display:none field cannot be selected.
  Object.assign(field.style, { position: 'fixed', insetInlineStart: '-9999px', top: '0', opacity: '0' });
  // Inside an open modal <dialog> the rest of the page is inert and cannot be selected: stay in the dialog.
  (active?.closest('dialog[open]') ?? document.body).append(field);
  field.select();
  try {
    return field.selectionEnd - field.selectionStart === text.length && document.execCommand('copy');
  } catch {
    return false;
  } finally {
    field.remove();
    active?.focus({ preventScroll: true });
  }
}

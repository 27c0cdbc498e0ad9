import { type ReactNode, useLayoutEffect, useRef } from 'react';

export interface DialogProps {
  open: boolean;
  /** Called when the dialog closes by itself: Escape, or a `method="dialog"` form. */
  onClose: () => void;
  /** The id of the element that names the dialog. */
  labelledBy: string;
  className?: string;
  children: ReactNode;
}

/**
 * A modal built on the native `<dialog>`: the browser traps focus inside, makes the page behind it inert, closes it on
 * Escape and gives focus back to whatever opened it.
 */
export function Dialog({ open, onClose, labelledBy, className, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  // A layout effect, so the native dialog opens and closes in the same frame as the state that drives it: with a
  // passive effect a closed confirm could still be the top modal for a moment and swallow the next Escape.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={labelledBy}
      onClose={(event) => {
        // A nested dialog's close must not close this one too.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      {open && children}
    </dialog>
  );
}

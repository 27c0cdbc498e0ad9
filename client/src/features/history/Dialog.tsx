import { type ReactNode, useEffect, useRef } from 'react';

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
  useEffect(() => {
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

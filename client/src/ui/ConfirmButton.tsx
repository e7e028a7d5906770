import { useState, type ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';

interface ConfirmButtonProps {
  /** The button's text (may include visually hidden words naming what it acts on). */
  label: ReactNode;
  /** An element that names what the button acts on, for screen readers. */
  describedBy?: string;
  title: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onDone?: () => void;
  /** What the dialog explains before the person confirms. */
  children: ReactNode;
}

/** A quiet danger button that asks first, in a `ConfirmDialog`, before it acts. */
export function ConfirmButton({ label, describedBy, children, ...dialog }: ConfirmButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small org-button--danger-quiet"
        aria-describedby={describedBy}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
      <ConfirmDialog open={open} onClose={() => setOpen(false)} {...dialog}>
        {children}
      </ConfirmDialog>
    </>
  );
}

import type { ReactNode } from 'react';
import { dangerButton, primaryButton, secondaryButton } from '../buttons';
import { Dialog } from './Dialog';

/**
 * "Are you sure?" with what the action does in words: Cancel (focused first, so Enter on a dialog
 * opened by mistake does nothing harmful) and the confirming button, which says what it does.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  busy = false,
  danger = false,
  disabled = false,
  testId,
}: {
  title: ReactNode;
  children: ReactNode;
  /** "Delete 3 ConfigMaps" */
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  danger?: boolean;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      {...(testId ? { testId } : {})}
      initialFocus="[data-cancel]"
      footer={
        <>
          <button type="button" className={secondaryButton} onClick={onClose} data-cancel>
            Cancel
          </button>
          <button
            type="button"
            className={danger ? dangerButton : primaryButton}
            disabled={busy || disabled}
            onClick={onConfirm}
            data-testid="confirm"
          >
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}

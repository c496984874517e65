import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT.js';

/** A pending decision: what will happen, and the buttons to do it or not. */
export interface PendingConfirm {
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly run: () => Promise<unknown>;
}

/** Asks before a cue runs; focus goes to the confirm button, Escape cancels. */
export function ConfirmPanel({ pending, onClose }: { pending: PendingConfirm; onClose: () => void }) {
  const t = useT();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Focus goes to the decision, and back to the button that asked for it afterwards.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    confirmRef.current?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, [pending]);
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-modal="false"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
      data-testid="moderator-confirm-panel"
    >
      <h3 id="confirm-title">{pending.title}</h3>
      <p id="confirm-text" data-testid="moderator-confirm-text">
        {pending.text}
      </p>
      <div className="row">
        <button
          ref={confirmRef}
          type="button"
          onClick={() => {
            onClose();
            void pending.run();
          }}
          data-testid="moderator-confirm"
        >
          {pending.confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={onClose} data-testid="moderator-cancel">
          {t('console.cancel')}
        </button>
      </div>
    </div>
  );
}

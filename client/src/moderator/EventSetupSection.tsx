import { useRef, useState } from 'react';
import { EventSetupPanel } from './EventSetupPanel.js';

/**
 * The set-up in the console: a panel with a button that opens the form in a wide dialog (the console
 * column is too narrow for it). The form loads when first opened and keeps its draft when closed.
 */
export function EventSetupSection({ credential }: { credential: string }) {
  const [opened, setOpened] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const open = () => {
    setOpened(true);
    const d = dialog.current;
    if (d && typeof d.showModal === 'function') d.showModal();
    else d?.setAttribute('open', '');
  };
  const close = () => {
    const d = dialog.current;
    if (d && typeof d.close === 'function') d.close();
    else d?.removeAttribute('open');
  };
  return (
    <section className="panel" aria-labelledby="event-setup-heading" data-testid="event-setup-panel">
      <h2 id="event-setup-heading">Event set-up</h2>
      <p className="hint">Title, times, agenda and breakout rooms can be changed until the doors open; saving applies at once for everyone.</p>
      <button ref={opener} type="button" className="secondary" onClick={open} data-testid="event-setup-open">
        Edit the event set-up
      </button>
      <dialog ref={dialog} className="setup-dialog" aria-labelledby="event-setup-dialog-heading" onClose={() => opener.current?.focus()}>
        <div className="setup-dialog-header">
          <h2 id="event-setup-dialog-heading">Event set-up</h2>
          <button type="button" className="secondary small" onClick={close}>
            Close
          </button>
        </div>
        {opened && <EventSetupPanel credential={credential} />}
      </dialog>
    </section>
  );
}

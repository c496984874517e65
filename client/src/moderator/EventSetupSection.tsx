import { useRef, useState } from 'react';
import { EventSetupPanel } from './EventSetupPanel.js';
import { useT } from '../i18n/useT.js';

/**
 * The set-up in the console: a panel with a button that opens the form in a wide dialog (the console
 * column is too narrow for it). The form loads when first opened and keeps its draft when closed.
 */
export function EventSetupSection({ credential }: { credential: string }) {
  const t = useT();
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
      <h2 id="event-setup-heading">{t('setup.heading')}</h2>
      <p className="hint">{t('setup.sectionHint')}</p>
      <button ref={opener} type="button" className="secondary" onClick={open} data-testid="event-setup-open">
        {t('setup.open')}
      </button>
      <dialog ref={dialog} className="setup-dialog" aria-labelledby="event-setup-dialog-heading" onClose={() => opener.current?.focus()}>
        <div className="setup-dialog-header">
          <h2 id="event-setup-dialog-heading">{t('setup.heading')}</h2>
          <button type="button" className="secondary small" onClick={close}>
            {t('setup.close')}
          </button>
        </div>
        {opened && <EventSetupPanel credential={credential} />}
      </dialog>
    </section>
  );
}

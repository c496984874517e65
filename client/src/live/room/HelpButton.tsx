import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { refusalWords } from '../../session/refusals.js';
import { requestHelp } from '../../session/socket.js';
import { announce } from '../../session/store/actions.js';
import { t } from '../../i18n/i18n.js';

/** Ask a moderator for help, with an optional note. */
export function HelpButton() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const id = useId();
  const askButton = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    // Opened: straight into the note. Closed (sent or cancelled): back to the button, not to <body>.
    if (open) field.current?.focus();
    else if (wasOpen.current) askButton.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await requestHelp(text.trim());
    if (result.ok) {
      const words = t('help.asked');
      setStatus({ kind: 'ok', text: words });
      announce(words);
      setOpen(false);
      setText('');
    } else setStatus({ kind: 'error', text: refusalWords(result) });
  };
  return (
    <div className="help">
      {!open && (
        <button type="button" ref={askButton} onClick={() => setOpen(true)} data-testid="ask-help">
          {t('help.ask')}
        </button>
      )}
      {open && (
        <form onSubmit={(e) => void submit(e)}>
          <label htmlFor={id}>{t('help.what')}</label>
          <input id={id} ref={field} value={text} maxLength={300} onChange={(e) => setText(e.target.value)} />
          <div className="row">
            <button type="submit">{t('help.send')}</button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('help.cancel')}
            </button>
          </div>
        </form>
      )}
      {status && <p className={status.kind === 'error' ? 'field-error' : 'hint'}>{status.text}</p>}
    </div>
  );
}

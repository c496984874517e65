import { useId, useState, type FormEvent } from 'react';
import type { EventConfig } from '@live-workshop/shared';
import { sendCommand, visitRoom } from '../session/socket.js';
import { announce, dismissHelpRequest } from '../session/store/actions.js';
import { useLw } from '../session/useLw.js';
import { describeRoom } from '../ui/words.js';
import { useT } from '../i18n/useT.js';

/** A message shown in every room. */
export function BroadcastForm() {
  const t = useT();
  const [text, setText] = useState('');
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const result = await sendCommand({ type: 'broadcast', text: text.trim() });
    if (result.ok) {
      setText('');
      announce(t('console.broadcast.sent'));
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('console.broadcast.heading')}</h2>
      <div className="field">
        <label htmlFor={id}>{t('console.broadcast.label')}</label>
        <textarea id={id} value={text} maxLength={500} rows={2} onChange={(e) => setText(e.target.value)} data-testid="broadcast-input" />
      </div>
      <button type="submit" disabled={!text.trim()} data-testid="broadcast-send">
        {t('console.broadcast.send')}
      </button>
    </form>
  );
}

/** Attendees asking for help. */
export function HelpPanel({ event }: { event: EventConfig }) {
  const t = useT();
  const requests = useLw((s) => s.roster.helpRequests);
  return (
    <section className={requests.length > 0 ? 'panel panel-alert' : 'panel'} aria-labelledby="help-panel-heading" data-testid="help-panel">
      <h2 id="help-panel-heading">{t('console.help.heading', { count: requests.length })}</h2>
      {requests.length === 0 && <p className="hint">{t('console.help.none')}</p>}
      <ul className="people">
        {requests.map((r) => (
          <li key={`${r.participantId}-${r.at}`}>
            <span>
              {r.text ? t('console.help.requestWithText', { name: r.name, room: describeRoom(event, r.roomId), text: r.text }) : t('console.help.request', { name: r.name, room: describeRoom(event, r.roomId) })}
            </span>
            {r.roomId && (
              <button type="button" className="secondary" onClick={() => void visitRoom(r.roomId!)} aria-label={t('console.rooms.visitLabel', { room: describeRoom(event, r.roomId) })}>
                {t('console.rooms.visit')}
              </button>
            )}
            <button type="button" className="secondary" onClick={() => dismissHelpRequest(r)} aria-label={t('console.help.doneLabel', { name: r.name })}>
              {t('console.help.done')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import type { EventConfig } from '@live-workshop/shared';
import { sendCommand, visitRoom } from '../session/socket.js';
import { announce, dismissHelpRequest } from '../session/store/actions.js';
import { useLw } from '../session/useLw.js';
import { describeRoom } from '../ui/words.js';

/** A message shown in every room. */
export function BroadcastForm() {
  const [text, setText] = useState('');
  const id = useId();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    const result = await sendCommand({ type: 'broadcast', text: text.trim() });
    if (result.ok) {
      setText('');
      announce('Your message was sent to every room.');
    }
  };
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Message to all rooms</h2>
      <div className="field">
        <label htmlFor={id}>Message shown in every room</label>
        <textarea id={id} value={text} maxLength={500} rows={2} onChange={(e) => setText(e.target.value)} data-testid="broadcast-input" />
      </div>
      <button type="submit" disabled={!text.trim()} data-testid="broadcast-send">
        Send to everyone
      </button>
    </form>
  );
}

/** Attendees asking for help. */
export function HelpPanel({ event }: { event: EventConfig }) {
  const requests = useLw((s) => s.roster.helpRequests);
  return (
    <section className="panel" aria-labelledby="help-panel-heading">
      <h2 id="help-panel-heading">Help requests ({requests.length})</h2>
      {requests.length === 0 && <p className="hint">Nobody has asked for help.</p>}
      <ul className="people">
        {requests.map((r) => (
          <li key={`${r.participantId}-${r.at}`}>
            <span>
              {r.name} in {describeRoom(event, r.roomId)}
              {r.text ? `: “${r.text}”` : ''}
            </span>
            {r.roomId && (
              <button type="button" className="secondary" onClick={() => void visitRoom(r.roomId!)} aria-label={`Visit ${describeRoom(event, r.roomId)}`}>
                Visit
              </button>
            )}
            <button type="button" className="secondary" onClick={() => dismissHelpRequest(r)} aria-label={`Done with ${r.name}'s request`}>
              Done
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** After registering: the personal join link (copy, open, add to the calendar), or word that it was mailed. */
import { useState } from 'react';
import type { Registration } from '@live-workshop/shared';
import { calendarUrl } from '../../net/api.js';
import { announce } from '../../session/store/actions.js';

/** Already registered and the server mailed the link: it is not shown to whoever typed the address. */
function MailedCard() {
  return (
    <section className="join-card" aria-labelledby="join-card-heading" data-testid="registration-done">
      <h3 id="join-card-heading">You are already registered</h3>
      <p>We have sent your personal join link to that email address again. Look in your inbox (and the spam folder).</p>
    </section>
  );
}

/** After registering: the personal join link, or word that it was mailed. */
export function JoinLinkCard({ registration }: { registration: Registration }) {
  return registration.mailed ? <MailedCard /> : <LinkCard registration={registration} />;
}

function LinkCard({ registration }: { registration: Extract<Registration, { joinUrl: string }> }) {
  const url = new URL(registration.joinUrl, window.location.origin).toString();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      announce('Join link copied.');
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className="join-card" aria-labelledby="join-card-heading" data-testid="registration-done">
      <h3 id="join-card-heading">You are registered</h3>
      <p>This is your personal join link. Keep it: it lets you into the workshop on the day. This browser remembers it too.</p>
      <p className="join-link">
        <a href={url} data-testid="join-link">
          {url}
        </a>
      </p>
      <div className="row">
        <button type="button" className="secondary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy the link'}
        </button>
        <a className="button" href={url}>
          Go to the workshop now
        </a>
        <a className="button secondary" href={calendarUrl(registration.credential)} download aria-describedby="join-card-calendar-hint" data-testid="calendar-download">
          Add to calendar (.ics)
        </a>
      </div>
      <p id="join-card-calendar-hint" className="hint">
        The calendar entry has the times and this link; it opens in Outlook, Google Calendar or Apple Calendar.
      </p>
    </section>
  );
}

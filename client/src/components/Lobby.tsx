import { useMsUntil } from '../hooks/useCountdown.js';
import { useEvent, usePhase } from '../hooks/useLw.js';
import { eventWindow } from '../time/zoned.js';
import { formatDurationWords, formatUntil } from '../time/countdown.js';
import { EventTimes } from './EventTimes.js';

/** Waiting before the start: countdown to the planned start, who organises, what happens next. */
export function Lobby() {
  const event = useEvent();
  const phase = usePhase();
  const startMs = event ? eventWindow(event).startMs : null;
  const untilStart = useMsUntil(startMs);
  if (!event) return null;
  const first = event.agenda[0];
  const doorsOpen = phase?.kind === 'lobby';
  return (
    <section className="lobby" aria-labelledby="lobby-heading">
      <h2 id="lobby-heading">{doorsOpen ? 'Welcome to the lobby' : 'The doors open soon'}</h2>
      <EventTimes event={event} />
      <p className="lobby-countdown">
        {untilStart !== null && untilStart > 0 ? (
          <>
            Starts in{' '}
            <span role="timer" aria-label={`Starts in ${formatDurationWords(untilStart)}`} data-testid="lobby-countdown">
              {formatUntil(untilStart)}
            </span>
          </>
        ) : (
          <span data-testid="lobby-countdown">Starting shortly: the organisers will begin in a moment.</span>
        )}
      </p>
      <h3>What happens next</h3>
      <ol>
        {first && <li>The event opens with “{first.title}” in the plenary. You will see and hear the speakers; your camera and microphone stay off.</li>}
        {event.agenda.some((i) => i.kind === 'breakouts') && (
          <li>Later you are moved into your breakout room automatically, with your camera and microphone, to talk with the others there.</li>
        )}
        <li>You can raise your hand to ask a question and use the chat at any time.</li>
      </ol>
      {event.organisers.length > 0 && (
        <>
          <h3>Organisers</h3>
          <ul className="inline-list">
            {event.organisers.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

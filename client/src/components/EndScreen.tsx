import { useEvent, useMe } from '../hooks/useLw.js';

/** After the closing: thanks, and what comes next. */
export function EndScreen() {
  const event = useEvent();
  const me = useMe();
  return (
    <section className="end" aria-labelledby="end-heading" data-testid="end-screen">
      <h2 id="end-heading">Thank you for taking part{me ? `, ${me.name}` : ''}!</h2>
      <p>“{event?.title ?? 'The workshop'}” has ended. You can close this page.</p>
      {event && event.organisers.length > 0 && <p>Organised by {event.organisers.join(', ')}.</p>}
    </section>
  );
}

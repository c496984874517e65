import type { EventConfig, RosterView, Straggler } from '@live-workshop/shared';
import { arrivalCounts, stragglersOf, STRAGGLER_AFTER_MS } from '@live-workshop/shared/pure';
import { useLw } from '../session/useLw.js';
import { serverNowMs } from '../time/countdown.js';
import { useNow } from '../time/useNow.js';
import { describeRoom } from '../ui/words.js';

/** What each stage means, in a moderator's words. */
const STAGE_WORDS: Record<Straggler['stage'], string> = {
  failed: 'could not connect, trying again',
  sent: 'has not received the cue',
  delivered: 'received the cue, connecting',
  connected: 'connected, not yet seen in the room',
};

const MAX_LISTED = 30;

/**
 * After each cue: how the move is landing, person by person — in their room, on their way, or
 * stuck — from each client's report and LiveKit's presence; after a few seconds the people who
 * have not arrived are listed by name (the "who didn't arrive" list), furthest behind first.
 */
export function ArrivalsPanel({ event, roster }: { event: EventConfig; roster: RosterView | null }) {
  const snapshot = useLw((s) => s.agenda.snapshot);
  const offset = useLw((s) => s.agenda.serverOffsetMs);
  const now = serverNowMs(offset, useNow(1000));
  // Only an agenda item's cue moves people; the lobby and the end are no moves to watch.
  if (!snapshot || !roster || !('startedAt' in snapshot.phase)) return null;
  const cueAt = snapshot.phase.startedAt;
  const entries = roster.entries.filter((e) => e.role === 'attendee' || e.role === 'speaker');
  const counts = arrivalCounts(entries, snapshot.phaseKey);
  const expected = counts.in_room + counts.sent + counts.delivered + counts.connected + counts.failed;
  if (expected === 0) return null;
    const stragglers = stragglersOf(entries, snapshot.phaseKey, cueAt, now);
  const onTheWay = counts.delivered + counts.connected;
  return (
    <section className={stragglers.length > 0 ? 'panel panel-alert' : 'panel'} aria-labelledby="arrivals-heading" data-testid="arrivals">
      <h2 id="arrivals-heading">Arrivals</h2>
      <p data-testid="arrivals-summary">
        {counts.in_room} of {expected} in their room
        {onTheWay > 0 ? ` · ${onTheWay} on the way` : ''}
        {counts.sent > 0 ? ` · ${counts.sent} not reached yet` : ''}
        {counts.failed > 0 ? ` · ${counts.failed} could not connect` : ''}
      </p>
      <div role="status">
        {stragglers.length > 0 && (
          <>
            <p>
              <strong>Not arrived after {Math.round(STRAGGLER_AFTER_MS / 1000)} seconds: {stragglers.length}</strong>
            </p>
            <ul className="stragglers" data-testid="stragglers">
              {stragglers.slice(0, MAX_LISTED).map((s) => (
                <li key={s.id} data-stage={s.stage}>
                  {s.name}, for {describeRoom(event, s.roomId)}: {STAGE_WORDS[s.stage]}
                </li>
              ))}
            </ul>
            {stragglers.length > MAX_LISTED && <p className="hint">and {stragglers.length - MAX_LISTED} more (see Rooms)</p>}
          </>
        )}
        {stragglers.length === 0 && counts.in_room === expected && <p className="hint">Everyone online is in their room.</p>}
      </div>
    </section>
  );
}

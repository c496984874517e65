import { useQuery } from '@tanstack/react-query';
import type { EventConfig, PreferenceCounts, RoundPreferences } from '@live-workshop/shared';
import { problemOf } from '../net/api.js';
import { fetchPreferences } from './moderatorApi.js';
import { useThrottled } from '../net/useThrottled.js';
import { shortTitle } from '../ui/words.js';

/** Fresh counts at most this often while registrations and placements change. */
const PREFERENCES_REFRESH_MIN_MS = 5_000;

/**
 * Before the event: how registrations chose the breakout rooms (first and second choice), how many
 * are placed in each and its capacity. The roster revision changes with every registration and
 * placement (auto-balance too), so the counts follow it.
 */
export function BeforeEventPanel({ credential, event, rosterRevision }: { credential: string; event: EventConfig; rosterRevision: number | null }) {
  const [revision, eventAsked] = useThrottled([rosterRevision, event] as const, PREFERENCES_REFRESH_MIN_MS);
  // One query per revision: a slow answer for an older revision never replaces a newer one.
  const query = useQuery({
    queryKey: ['preferences', credential, revision, eventAsked],
    queryFn: () => fetchPreferences(credential),
    placeholderData: (previous) => previous,
  });
  const counts = query.data ?? null;
  const problem = problemOf(query, 'The preference counts could not be loaded.');
  const refresh = () => void query.refetch();

  return (
    <section className="panel" aria-labelledby="before-event-heading" data-testid="before-event">
      <h2 id="before-event-heading">Before the event</h2>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {!counts && !problem && <p role="status">Loading the registrations…</p>}
      {counts && (
        <>
          <p data-testid="preference-summary">
            <strong>{counts.attendees}</strong> registered · {counts.withoutPreference} without a preference · {counts.unassigned} not placed yet
            {(counts.waitlisted ?? 0) > 0 && <> · <strong data-testid="waitlisted">{counts.waitlisted}</strong> on the waiting list</>}
          </p>
          {roundsOfCounts(counts).map((round, _i, all) => (
            <RoundTable key={round.key} round={round} several={all.length > 1} />
          ))}
          {roundsOfCounts(counts).some((r) => r.breakouts.some((b) => b.firstChoice > b.capacity)) && (
            <p className="hint">
              <span className="over-mark" aria-hidden="true">■</span> More first choices than places: some people go to their second choice.
            </p>
          )}
          <p className="hint">
            Until the doors open, each registration places everyone again: the most first choices, then the most second choices,
            within capacity (nobody has been told a room yet). <strong>The plan is fixed when the doors open</strong>: from then on a
            newcomer takes the best free place and nobody is moved unless you change their room or use{' '}
            <a href="#assign-heading">Auto-balance under Breakout assignments</a>.
          </p>
        </>
      )}
      <button type="button" className="secondary small" onClick={refresh}>
        Refresh the counts
      </button>
    </section>
  );
}

type RoundRows = Pick<RoundPreferences, 'key' | 'title' | 'select' | 'askPreferences' | 'breakouts'>;

/** Every round's counts (a server without rounds: the event's rooms as one round). */
const roundsOfCounts = (counts: PreferenceCounts): readonly RoundRows[] =>
  counts.rounds ?? [{ key: 'rooms', title: '', select: 'assigned', askPreferences: true, breakouts: counts.breakouts }];

/** One round's rooms: first and second choices, placed against capacity; with several rounds, captioned with the round. */
function RoundTable({ round, several }: { round: RoundRows; several: boolean }) {
  return (
    <>
      <table className="numbers" data-testid={several ? `preference-counts-${round.key}` : 'preference-counts'}>
        <caption>{several ? `Breakout preferences and places: ${round.title}` : 'Breakout preferences and places'}</caption>
        <thead>
          <tr>
            <th scope="col">Breakout</th>
            <th scope="col">1st choice</th>
            <th scope="col">2nd choice</th>
            <th scope="col">Placed / capacity</th>
          </tr>
        </thead>
        <tbody>
          {round.breakouts.map((b, i) => {
            const over = b.firstChoice > b.capacity;
            return (
              <tr key={b.id} data-testid={`preferences-${b.id}`}>
                <th scope="row">
                  {i + 1}. {shortTitle(b.title)}
                  {b.facilitator && <span className="hint"> · {b.facilitator}</span>}
                </th>
                <td className={over ? 'over' : undefined}>
                  {b.firstChoice}
                  {over && <span className="sr-only"> (more than its capacity)</span>}
                </td>
                <td>{b.secondChoice}</td>
                <td className={b.assigned > b.capacity ? 'over' : undefined}>
                  {b.assigned} / {b.capacity}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {several && round.select === 'self' && <p className="hint">Self-select: attendees pick a room during the item before this round; whoever does not is placed by preference and balance.</p>}
      {several && !round.askPreferences && <p className="hint">Registration asks no preferences for this round.</p>}
    </>
  );
}

import { useQuery } from '@tanstack/react-query';
import type { EventConfig, PreferenceCounts, RoundPreferences } from '@live-workshop/shared';
import { DEFAULT_ROUND } from '@live-workshop/shared/pure';
import { problemOf } from '../net/api.js';
import { fetchPreferences } from './moderatorApi.js';
import { useThrottled } from '../net/useThrottled.js';
import { shortTitle } from '../ui/words.js';
import { Rich } from '../i18n/Rich.js';
import { useT } from '../i18n/useT.js';

/** Fresh counts at most this often while registrations and placements change. */
const PREFERENCES_REFRESH_MIN_MS = 5_000;

/**
 * Before the event: how registrations chose the breakout rooms (first and second choice), how many
 * are placed in each and its capacity. The roster revision changes with every registration and
 * placement (auto-balance too), so the counts follow it.
 */
export function BeforeEventPanel({ credential, event, rosterRevision }: { credential: string; event: EventConfig; rosterRevision: number | null }) {
  const t = useT();
  const [revision, eventAsked] = useThrottled([rosterRevision, event] as const, PREFERENCES_REFRESH_MIN_MS);
  // One query per revision: a slow answer for an older revision never replaces a newer one.
  const query = useQuery({
    queryKey: ['preferences', credential, revision, eventAsked],
    queryFn: () => fetchPreferences(credential),
    placeholderData: (previous) => previous,
  });
  const counts = query.data ?? null;
  const problem = problemOf(query, t('console.before.loadFailed'));
  const refresh = () => void query.refetch();

  return (
    <section className="panel" aria-labelledby="before-event-heading" data-testid="before-event">
      <h2 id="before-event-heading">{t('console.before.heading')}</h2>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {!counts && !problem && <p role="status">{t('console.before.loading')}</p>}
      {counts && (
        <>
          <p data-testid="preference-summary">
            <Rich text={(m) => t('console.before.registered', { count: counts.attendees, n: m.n! })} parts={{ n: <strong>{counts.attendees}</strong> }} />
            {' · '}
            {t('console.before.withoutPreference', { count: counts.withoutPreference })}
            {' · '}
            {t('console.before.unassigned', { count: counts.unassigned })}
            {(counts.waitlisted ?? 0) > 0 && (
              <>
                {' · '}
                <Rich text={(m) => t('console.before.waitlisted', { count: counts.waitlisted ?? 0, n: m.n! })} parts={{ n: <strong data-testid="waitlisted">{counts.waitlisted}</strong> }} />
              </>
            )}
          </p>
          {roundsOfCounts(counts).map((round, _i, all) => (
            <RoundTable key={round.key} round={round} several={all.length > 1} />
          ))}
          {roundsOfCounts(counts).some((r) => r.breakouts.some((b) => b.firstChoice > b.capacity)) && (
            <p className="hint">
              <span className="over-mark" aria-hidden="true">■</span> {t('console.before.overHint')}
            </p>
          )}
          <p className="hint">
            <Rich
              text={(m) => t('console.before.planHint', m)}
              parts={{ fixed: <strong>{t('console.before.planFixed')}</strong>, link: <a href="#assign-heading">{t('console.before.planLink')}</a> }}
            />
          </p>
        </>
      )}
      <button type="button" className="secondary small" onClick={refresh}>
        {t('console.before.refresh')}
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
  const t = useT();
  return (
    <>
      <table className="numbers" data-testid={several ? `preference-counts-${round.key}` : 'preference-counts'}>
        <caption>{several ? t('console.before.captionRound', { round: round.title }) : t('console.before.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.assign.breakout')}</th>
            <th scope="col">{t('console.before.first')}</th>
            <th scope="col">{t('console.before.second')}</th>
            <th scope="col">{t('console.before.placed')}</th>
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
                  {over && <span className="sr-only"> {t('console.before.overCapacity')}</span>}
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
      {several && round.select === 'self' && <p className="hint">{t('console.before.selfSelectHint')}</p>}
      {/* A round with rooms of its own freezes when it starts, not when the doors open (roundPlanFrozen in the engine). */}
      {several && round.select === 'assigned' && round.key !== DEFAULT_ROUND && <p className="hint" data-testid={`plan-fixed-${round.key}`}>{t('console.before.planFixedAtRound', { round: round.title })}</p>}
      {several && !round.askPreferences && <p className="hint">{t('console.before.noPreferencesHint')}</p>}
    </>
  );
}

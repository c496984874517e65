import type { EventConfig, RosterView } from '@live-workshop/shared';
import { arrivalCounts, stragglersOf, STRAGGLER_AFTER_MS } from '@live-workshop/shared/pure';
import { useT } from '../i18n/useT.js';
import { useLw } from '../session/useLw.js';
import { serverNowMs } from '../time/countdown.js';
import { useNow } from '../time/useNow.js';
import { describeRoom } from '../ui/words.js';

const MAX_LISTED = 30;

/**
 * After each cue: how the move is landing, person by person — in their room, on their way, or
 * stuck — from each client's report and LiveKit's presence; after a few seconds the people who
 * have not arrived are listed by name (the "who didn't arrive" list), furthest behind first.
 */
export function ArrivalsPanel({ event, roster }: { event: EventConfig; roster: RosterView | null }) {
  const t = useT();
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
      <h2 id="arrivals-heading">{t('arrivals.heading')}</h2>
      <p data-testid="arrivals-summary">
        {t('arrivals.inRoom', { inRoom: counts.in_room, expected })}
        {onTheWay > 0 ? t('arrivals.onTheWay', { count: onTheWay }) : ''}
        {counts.sent > 0 ? t('arrivals.notReached', { count: counts.sent }) : ''}
        {counts.failed > 0 ? t('arrivals.failed', { count: counts.failed }) : ''}
      </p>
      <div role="status">
        {stragglers.length > 0 && (
          <>
            <p>
              <strong>{t('arrivals.notArrived', { seconds: Math.round(STRAGGLER_AFTER_MS / 1000), count: stragglers.length })}</strong>
            </p>
            <ul className="stragglers" data-testid="stragglers">
              {stragglers.slice(0, MAX_LISTED).map((s) => (
                <li key={s.id} data-stage={s.stage}>
                  {t('arrivals.line', { name: s.name, room: describeRoom(event, s.roomId), stage: t(`arrivals.stage.${s.stage}`) })}
                </li>
              ))}
            </ul>
            {stragglers.length > MAX_LISTED && <p className="hint">{t('arrivals.more', { count: stragglers.length - MAX_LISTED })}</p>}
          </>
        )}
        {stragglers.length === 0 && counts.in_room === expected && <p className="hint">{t('arrivals.everyone')}</p>}
      </div>
    </section>
  );
}

import { useId, useMemo, useState } from 'react';
import type { EventConfig, Round, RosterEntry, RosterView } from '@live-workshop/shared';
import { currentOrNextRound, DEFAULT_ROUND, roundsOf } from '@live-workshop/shared/pure';
import { usePhase } from '../session/useLw.js';
import { sendCommand } from '../session/socket.js';
import { announce } from '../session/store/actions.js';
import type { PendingConfirm } from './ConfirmPanel.js';

const PAGE = 50;

async function act(action: Parameters<typeof sendCommand>[0], done: string) {
  const result = await sendCommand(action);
  if (result.ok) announce(done);
}

/**
 * Raised hands (bring on stage, lower) and guests on stage (back to the audience). Each button's name is
 * its visible words followed by the person's name (hidden text, not an aria-label that would not
 * contain the visible words: WCAG 2.5.3, axe label-content-name-mismatch).
 */
export function HandsPanel({ roster }: { roster: RosterView | null }) {
  const hands = roster?.entries.filter((e) => e.handRaised) ?? [];
  const onStage = roster?.entries.filter((e) => e.onStage) ?? [];
  return (
    <section className="panel" aria-labelledby="hands-panel-heading">
      <h2 id="hands-panel-heading">Raised hands ({hands.length})</h2>
      {hands.length === 0 && <p className="hint">No raised hands.</p>}
      <ul className="people" data-testid="moderator-hands">
        {hands.map((e) => (
          <li key={e.id}>
            <span>{e.name}</span>
            <button type="button" onClick={() => void act({ type: 'promoteToStage', participantId: e.id }, `${e.name} is on stage.`)} data-testid="bring-on-stage">
              Bring on stage{' '}<span className="sr-only">{e.name}</span>
            </button>
            <button type="button" className="secondary" onClick={() => void act({ type: 'lowerHand', participantId: e.id }, `${e.name}'s hand is lowered.`)} >
              Lower hand{' '}<span className="sr-only">{e.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {onStage.length > 0 && (
        <>
          <h3>Guests on stage</h3>
          <ul className="people">
            {onStage.map((e) => (
              <li key={e.id}>
                <span>{e.name}</span>
                <button type="button" className="secondary" onClick={() => void act({ type: 'returnToAudience', participantId: e.id }, `${e.name} is back in the audience.`)} data-testid="back-to-audience">
                  Back to the audience{' '}<span className="sr-only">{e.name}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A person's room in a round, as the roster tells it. */
const seatIn = (round: Round | null, e: RosterEntry): string | null => (round === null || round.key === DEFAULT_ROUND ? e.breakoutId : (e.rounds?.[round.key] ?? null));

/** Breakout assignments of one round (the one running or next unless chosen): capacity per room, a reassign choice per person, auto-balance, remove. */
export function AssignmentBoard({ event, roster, ask }: { event: EventConfig; roster: RosterView | null; ask: (p: PendingConfirm) => void }) {
  const phase = usePhase();
  const rounds = roundsOf(event);
  const [chosenRound, setChosenRound] = useState<string | null>(null);
  const roundId = useId();
  const round = rounds.find((r) => r.key === chosenRound) ?? (phase ? currentOrNextRound(event, phase) : null) ?? rounds[0] ?? null;
  const breakouts = round?.rooms ?? event.breakouts;
  const [filter, setFilter] = useState('');
  const [shown, setShown] = useState(PAGE);
  const filterId = useId();
  const people = useMemo(() => (roster?.entries ?? []).filter((e) => e.role === 'attendee'), [roster]);
  const matches = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? people.filter((e) => e.name.toLowerCase().includes(f)) : people;
  }, [people, filter]);
  const loads = useMemo(() => {
    const m = new Map(breakouts.map((b) => [b.id, 0]));
    for (const e of people) {
      const seat = seatIn(round, e);
      if (seat && m.has(seat)) m.set(seat, m.get(seat)! + 1);
    }
    return m;
  }, [breakouts, round, people]);
  const titleOf = (id: string | null) => {
    const i = breakouts.findIndex((b) => b.id === id);
    return i < 0 ? 'none' : `${i + 1}`;
  };

  /** A full room asks first; the server refuses a full room unless the moderator confirmed it. */
  const reassign = (e: RosterEntry, breakoutId: string) => {
    const room = breakouts.find((b) => b.id === breakoutId);
    const load = loads.get(breakoutId) ?? 0;
    const done = `${e.name} moves to breakout ${titleOf(breakoutId)}.`;
    if (!room || seatIn(round, e) === breakoutId || load < room.capacity) return void act({ type: 'reassign', participantId: e.id, breakoutId }, done);
    ask({
      title: `Breakout ${titleOf(breakoutId)} is full`,
      text: `${room.title} has ${load} of ${room.capacity} places taken. Place ${e.name} there anyway, over its capacity?`,
      confirmLabel: 'Place over capacity',
      run: () => act({ type: 'reassign', participantId: e.id, breakoutId, overCapacity: true }, done),
    });
  };

  const remove = (e: RosterEntry) =>
    ask({
      title: `Remove ${e.name}`,
      text: `Remove ${e.name} from the event? They are disconnected from every room and cannot join again with their link.`,
      confirmLabel: 'Remove',
      run: () => act({ type: 'remove', participantId: e.id }, `${e.name} was removed.`),
    });

  return (
    <section className="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading">Breakout assignments</h2>
      {rounds.length > 1 && round && (
        <div className="row wrap">
          <label htmlFor={roundId}>Round</label>
          <select id={roundId} value={round.key} onChange={(ev) => setChosenRound(ev.target.value)} data-testid="assignment-round">
            {rounds.map((r) => (
              <option key={r.key} value={r.key}>
                {r.title}{r.select === 'self' ? ' (attendees pick)' : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <ul className="capacity" data-testid="assignment-capacity">
        {breakouts.map((b, i) => {
          const load = loads.get(b.id) ?? 0;
          return (
            <li key={b.id} className={load > b.capacity ? 'over' : undefined}>
              Breakout {i + 1}: {load} / {b.capacity}
              {load > b.capacity ? ' (over capacity)' : ''}
            </li>
          );
        })}
      </ul>
      <div className="row wrap">
        <button
          type="button"
          className="secondary"
          onClick={() =>
            ask({
              title: 'Auto-balance the breakouts',
              text: `Place all ${people.length} attendees again over the ${breakouts.length} breakout rooms of ${round?.title ?? 'the breakouts'} (the round running now or next): the most first choices, then the most second choices, within the rooms' capacity; of the plans that do that, the one that moves the fewest people. Manual changes may be undone.`,
              confirmLabel: 'Auto-balance',
              run: () => act({ type: 'autoBalance' }, 'The breakout rooms are balanced.'),
            })
          }
          data-testid="auto-balance"
        >
          Auto-balance
        </button>
        <label htmlFor={filterId}>Find a person</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <table className="assignments">
        <caption className="sr-only">Attendees and their breakout rooms</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Choices</th>
            <th scope="col">Breakout</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {matches.slice(0, shown).map((e) => (
            <tr key={e.id}>
              <th scope="row">
                {e.name}
                {!e.connected && <span className="badge"> offline</span>}
              </th>
              <td>{(round === null || round.key === DEFAULT_ROUND ? e.preferences.map(titleOf).join(', ') : '') || '—'}</td>
              <td>
                <select
                  aria-label={`Breakout room for ${e.name}`}
                  value={seatIn(round, e) ?? ''}
                  onChange={(ev) => reassign(e, ev.target.value)}
                >
                  {seatIn(round, e) === null && <option value="">None</option>}
                  {breakouts.map((b, i) => (
                    <option key={b.id} value={b.id}>
                      {i + 1}: {b.title.split(':')[0]} ({loads.get(b.id) ?? 0}/{b.capacity}{(loads.get(b.id) ?? 0) >= b.capacity ? ', full' : ''})
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" className="danger" onClick={() => remove(e)} aria-label={`Remove ${e.name}`}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {matches.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown(shown + PAGE)}>
          Show more ({matches.length - shown} not shown)
        </button>
      )}
    </section>
  );
}

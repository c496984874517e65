import { useId, useMemo, useState } from 'react';
import type { EventConfig, Round, RosterEntry, RosterView } from '@live-workshop/shared';
import { currentOrNextRound, DEFAULT_ROUND, roundsOf } from '@live-workshop/shared/pure';
import { usePhase } from '../session/useLw.js';
import { sendCommand } from '../session/socket.js';
import { announce } from '../session/store/actions.js';
import type { PendingConfirm } from './ConfirmPanel.js';
import { t as translate } from '../i18n/i18n.js';
import { useT } from '../i18n/useT.js';
import { shortTitle } from '../ui/words.js';

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
  const t = useT();
  const hands = roster?.entries.filter((e) => e.handRaised) ?? [];
  const onStage = roster?.entries.filter((e) => e.onStage) ?? [];
  return (
    <section className="panel" aria-labelledby="hands-panel-heading">
      <h2 id="hands-panel-heading">{t('console.hands.heading', { count: hands.length })}</h2>
      {hands.length === 0 && <p className="hint">{t('console.hands.none')}</p>}
      <ul className="people" data-testid="moderator-hands">
        {hands.map((e) => (
          <li key={e.id}>
            <span>{e.name}</span>
            <button type="button" onClick={() => void act({ type: 'promoteToStage', participantId: e.id }, translate('console.hands.onStageDone', { name: e.name }))} data-testid="bring-on-stage">
              {t('console.hands.bring')}{' '}<span className="sr-only">{e.name}</span>
            </button>
            <button type="button" className="secondary" onClick={() => void act({ type: 'lowerHand', participantId: e.id }, translate('console.hands.loweredDone', { name: e.name }))}>
              {t('console.hands.lower')}{' '}<span className="sr-only">{e.name}</span>
            </button>
          </li>
        ))}
      </ul>
      {onStage.length > 0 && (
        <>
          <h3>{t('console.hands.guests')}</h3>
          <ul className="people">
            {onStage.map((e) => (
              <li key={e.id}>
                <span>{e.name}</span>
                <button type="button" className="secondary" onClick={() => void act({ type: 'returnToAudience', participantId: e.id }, translate('console.hands.backDone', { name: e.name }))} data-testid="back-to-audience">
                  {t('console.hands.back')}{' '}<span className="sr-only">{e.name}</span>
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

/** A person's preferences in a round, as the roster tells them. */
const choicesIn = (round: Round | null, e: RosterEntry): readonly string[] => (round === null || round.key === DEFAULT_ROUND ? e.preferences : (e.roundPreferences?.[round.key] ?? []));

/** Breakout assignments of one round (the one running or next unless chosen): capacity per room, a reassign choice per person, auto-balance, remove. */
export function AssignmentBoard({ event, roster, ask }: { event: EventConfig; roster: RosterView | null; ask: (p: PendingConfirm) => void }) {
  const t = useT();
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
    return i < 0 ? t('console.assign.none') : `${i + 1}`;
  };

  /** A full room asks first; the server refuses a full room unless the moderator confirmed it. */
  const reassign = (e: RosterEntry, breakoutId: string) => {
    const room = breakouts.find((b) => b.id === breakoutId);
    const load = loads.get(breakoutId) ?? 0;
    const done = t('console.assign.movesDone', { name: e.name, number: titleOf(breakoutId) });
    if (!room || seatIn(round, e) === breakoutId || load < room.capacity) return void act({ type: 'reassign', participantId: e.id, breakoutId }, done);
    ask({
      title: t('console.assign.fullTitle', { number: titleOf(breakoutId) }),
      text: t('console.assign.fullText', { room: room.title, load, capacity: room.capacity, name: e.name }),
      confirmLabel: t('console.assign.overCapacity'),
      run: () => act({ type: 'reassign', participantId: e.id, breakoutId, overCapacity: true }, done),
    });
  };

  const remove = (e: RosterEntry) =>
    ask({
      title: t('console.assign.removeTitle', { name: e.name }),
      text: t('console.assign.removeText', { name: e.name }),
      confirmLabel: t('console.assign.remove'),
      run: () => act({ type: 'remove', participantId: e.id }, t('console.assign.removedDone', { name: e.name })),
    });

  return (
    <section className="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading">{t('console.assign.heading')}</h2>
      {rounds.length > 1 && round && (
        <div className="row wrap">
          <label htmlFor={roundId}>{t('console.assign.round')}</label>
          <select id={roundId} value={round.key} onChange={(ev) => setChosenRound(ev.target.value)} data-testid="assignment-round">
            {rounds.map((r) => (
              <option key={r.key} value={r.key}>
                {r.title}{r.select === 'self' ? ` ${t('console.assign.attendeesPick')}` : ''}
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
              {t('console.assign.load', { number: i + 1, load, capacity: b.capacity })}
              {load > b.capacity ? ` ${t('console.assign.overCapacityNote')}` : ''}
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
              title: t('console.assign.balanceTitle'),
              text: t('console.assign.balanceText', { count: people.length, rooms: breakouts.length, round: round?.title ?? t('console.assign.theBreakouts') }),
              confirmLabel: t('console.assign.balance'),
              run: () => act({ type: 'autoBalance' }, t('console.assign.balancedDone')),
            })
          }
          data-testid="auto-balance"
        >
          {t('console.assign.balance')}
        </button>
        <label htmlFor={filterId}>{t('console.assign.find')}</label>
        <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      <table className="assignments">
        <caption className="sr-only">{t('console.assign.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('console.assign.name')}</th>
            <th scope="col">{t('console.assign.choices')}</th>
            <th scope="col">{t('console.assign.breakout')}</th>
            <th scope="col">{t('console.assign.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {matches.slice(0, shown).map((e) => (
            <tr key={e.id}>
              <th scope="row">
                {e.name}
                {!e.connected && <span className="badge"> {t('console.assign.offline')}</span>}
              </th>
              <td>
                {choicesIn(round, e).map(titleOf).join(', ') || '—'}
                {e.picked?.includes(round?.key ?? DEFAULT_ROUND) && <span className="badge"> picked</span>}
              </td>
              <td>
                <select
                  aria-label={t('console.assign.roomFor', { name: e.name })}
                  value={seatIn(round, e) ?? ''}
                  onChange={(ev) => reassign(e, ev.target.value)}
                >
                  {seatIn(round, e) === null && <option value="">{t('console.assign.noRoom')}</option>}
                  {breakouts.map((b, i) => (
                    <option key={b.id} value={b.id}>
                      {t((loads.get(b.id) ?? 0) >= b.capacity ? 'console.assign.optionFull' : 'console.assign.option', { number: i + 1, title: shortTitle(b.title), load: loads.get(b.id) ?? 0, capacity: b.capacity })}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <button type="button" className="danger" onClick={() => remove(e)} aria-label={t('console.assign.removeLabel', { name: e.name })}>
                  {t('console.assign.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {matches.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown(shown + PAGE)}>
          {t('console.assign.showMore', { count: matches.length - shown })}
        </button>
      )}
    </section>
  );
}

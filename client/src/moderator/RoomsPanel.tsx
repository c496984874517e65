import { useMemo } from 'react';
import type { EventConfig, RoomId, RosterEntry, RosterView } from '@live-workshop/shared';
import { visitRoom } from '../session/socket.js';
import { describeRoom, roomTitle } from '../ui/words.js';
import { Rich } from '../i18n/Rich.js';
import { useT } from '../i18n/useT.js';
import { roundsOf } from '@live-workshop/shared/pure';

/** One room's occupancy: who should be there, who is, and who is elsewhere. */
export interface RoomOccupancy {
  readonly roomId: RoomId;
  readonly planned: RosterEntry[];
  readonly present: RosterEntry[];
  /** Planned here, connected, but not in this room (yet). */
  readonly notArrived: RosterEntry[];
  /** In this room but planned elsewhere. */
  readonly wrongRoom: RosterEntry[];
  /** A breakout's places taken: people whose seat in its round is this room (room ids are unique across rounds). */
  readonly seated: number;
}

const allBreakoutRooms = (event: EventConfig) => roundsOf(event).flatMap((round) => round.rooms);

/** Occupancy of every room, from roster entries' plannedRoom and presentIn. */
export function occupancy(event: EventConfig, roster: RosterView | null): RoomOccupancy[] {
  // Every round's rooms (the default round is the event's breakouts).
  const rooms: RoomId[] = ['plenary', 'backstage', ...allBreakoutRooms(event).map((b) => `breakout:${b.id}` as RoomId)];
  const entries = roster?.entries ?? [];
  return rooms.map((roomId) => {
    const planned = entries.filter((e) => e.plannedRoom === roomId);
    const present = entries.filter((e) => e.presentIn.includes(roomId));
    return {
      roomId,
      planned,
      present,
      notArrived: planned.filter((e) => e.connected && !e.presentIn.includes(roomId)),
      wrongRoom: present.filter((e) => e.plannedRoom !== roomId),
      seated: entries.filter((e) => `breakout:${e.breakoutId}` === roomId || Object.values(e.rounds ?? {}).some((id) => `breakout:${id}` === roomId)).length,
    };
  });
}

const MAX_NAMES = 12;

function Names({ entries, label }: { entries: RosterEntry[]; label: string }) {
  const t = useT();
  if (entries.length === 0) return null;
  return (
    <p className="names">
      <strong>{label}:</strong> {entries.slice(0, MAX_NAMES).map((e) => e.name).join(', ')}
      {entries.length > MAX_NAMES ? ` ${t('console.rooms.more', { count: entries.length - MAX_NAMES })}` : ''}
    </p>
  );
}

/**
 * The rooms as a live grid: in each room who is there against who should be, its capacity as a bar,
 * who has not arrived and who is in the wrong room (the card stands out), and a visit button.
 */
export function RoomsPanel({ event, roster, myRoom }: { event: EventConfig; roster: RosterView | null; myRoom: RoomId | null }) {
  const t = useT();
  const rooms = useMemo(() => occupancy(event, roster), [event, roster]);
  return (
    <section className="panel" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">{t('console.rooms.heading')}</h2>
      {!roster && <p className="hint">{t('console.rooms.waitingRoster')}</p>}
      <ul className="rooms">
        {rooms.map((r) => {
          const capacity = allBreakoutRooms(event).find((b) => `breakout:${b.id}` === r.roomId)?.capacity;
          const problems = r.notArrived.length + r.wrongRoom.length;
          const title = roomTitle(event, r.roomId);
          return (
            <li key={r.roomId} className={[problems ? 'room-card has-problems' : 'room-card', r.roomId === myRoom ? 'is-mine' : ''].join(' ').trim()} data-testid={`room-${r.roomId}`}>
              <h3 title={title}>{r.roomId.startsWith('breakout:') ? describeRoom(event, r.roomId) : title}</h3>
              <p className="room-counts">
                <Rich
                  text={(m) => t('console.rooms.presentOfPlanned', { present: m.present!, planned: r.planned.length })}
                  parts={{ present: <strong data-testid="room-present-count">{r.present.length}</strong> }}
                />
                {capacity !== undefined ? ` · ${t('console.rooms.capacity', { capacity })}` : ''}
              </p>
              {capacity !== undefined && (
                <meter className="room-fill" min={0} max={capacity} high={capacity} value={Math.min(r.seated, capacity)} aria-label={t('console.rooms.fill', { planned: r.seated, capacity })} title={t('console.rooms.fill', { planned: r.seated, capacity })} />
              )}
              {r.notArrived.length > 0 && <p className="badge badge-warn">{t('console.rooms.notArrivedCount', { count: r.notArrived.length })}</p>}
              <Names entries={r.notArrived} label={t('console.rooms.notArrived')} />
              <Names entries={r.wrongRoom} label={t('console.rooms.wrongRoom')} />
              <details>
                <summary>{t('console.rooms.whoIsHere', { count: r.present.length })}</summary>
                <Names entries={r.present} label={t('console.rooms.present')} />
              </details>
              {r.roomId === myRoom ? (
                <p className="hint">{t('console.rooms.youAreHere')}</p>
              ) : (
                <button type="button" className="secondary small" onClick={() => void visitRoom(r.roomId)} aria-label={t('console.rooms.visitLabel', { room: title })}>
                  {t('console.rooms.visit')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

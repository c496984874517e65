import { useMemo } from 'react';
import type { EventConfig, RoomId, RosterEntry, RosterView } from '@live-workshop/shared';
import { visitRoom } from '../session/socket.js';
import { roomTitle } from '../ui/words.js';
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
    };
  });
}

const MAX_NAMES = 12;

function Names({ entries, label }: { entries: RosterEntry[]; label: string }) {
  if (entries.length === 0) return null;
  return (
    <p className="names">
      <strong>{label}:</strong> {entries.slice(0, MAX_NAMES).map((e) => e.name).join(', ')}
      {entries.length > MAX_NAMES ? ` and ${entries.length - MAX_NAMES} more` : ''}
    </p>
  );
}

/** Live overview of every room; people not arrived or in the wrong room stand out. */
export function RoomsPanel({ event, roster, myRoom }: { event: EventConfig; roster: RosterView | null; myRoom: RoomId | null }) {
  const rooms = useMemo(() => occupancy(event, roster), [event, roster]);
  return (
    <section className="panel" aria-labelledby="rooms-heading">
      <h2 id="rooms-heading">Rooms</h2>
      {!roster && <p className="hint">Waiting for the roster…</p>}
      <ul className="rooms">
        {rooms.map((r) => {
          const capacity = allBreakoutRooms(event).find((b) => `breakout:${b.id}` === r.roomId)?.capacity;
          const problems = r.notArrived.length + r.wrongRoom.length;
          return (
            <li key={r.roomId} className={problems ? 'room-card has-problems' : 'room-card'} data-testid={`room-${r.roomId}`}>
              <h3>{roomTitle(event, r.roomId)}</h3>
              <p>
                <span data-testid="room-present-count">{r.present.length}</span> present / {r.planned.length} planned
                {capacity !== undefined ? ` · capacity ${capacity}` : ''}
              </p>
              <Names entries={r.notArrived} label="Not arrived" />
              <Names entries={r.wrongRoom} label="In the wrong room" />
              <details>
                <summary>Who is here ({r.present.length})</summary>
                <Names entries={r.present} label="Present" />
              </details>
              {r.roomId !== myRoom && (
                <button type="button" className="secondary" onClick={() => void visitRoom(r.roomId)} aria-label={`Visit ${roomTitle(event, r.roomId)}`}>
                  Visit
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

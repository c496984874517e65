import { isActiveConnection, roomIdFromLivekitName, type RoomId } from '@live-workshop/shared';

/** One identity's connection to a room, as presence needs it: from which agenda position it counts. */
export interface PresenceConnection {
  readonly identity: string;
  readonly activeFrom: number | null;
}

/**
 * Who LiveKit says is in which room; the truth about attendance. A pre-joined connection (made
 * before the cue that moves its person there, shared/src/preJoin.ts) is held but not counted:
 * `roomsOf` leaves it out until the agenda reaches its position, and the change is announced then.
 */
export class Presence {
  /** identity → room → the agenda position that connection counts from (null: always). */
  private readonly rooms = new Map<string, Map<RoomId, number | null>>();
  private listener: (identity: string) => void = () => {};
  private position: number;

  /** `position`: the agenda's position now (agendaPosition of its phase); without it every connection counts. */
  constructor(private readonly eventId: string, position = Number.MAX_SAFE_INTEGER) {
    this.position = position;
  }

  onChange(listener: (identity: string) => void): void {
    this.listener = listener;
  }

  joined(livekitRoom: string, identity: string, activeFrom: number | null = null): void {
    const roomId = roomIdFromLivekitName(this.eventId, livekitRoom);
    if (!roomId) return;
    let set = this.rooms.get(identity);
    if (!set) this.rooms.set(identity, (set = new Map()));
    const had = set.has(roomId);
    const counted = had && isActiveConnection(set.get(roomId)!, this.position);
    set.set(roomId, activeFrom);
    if (!had || counted !== isActiveConnection(activeFrom, this.position)) this.listener(identity);
  }

  left(livekitRoom: string, identity: string): void {
    const roomId = roomIdFromLivekitName(this.eventId, livekitRoom);
    if (!roomId) return;
    if (this.rooms.get(identity)?.delete(roomId)) this.listener(identity);
  }

  roomFinished(livekitRoom: string): void {
    const roomId = roomIdFromLivekitName(this.eventId, livekitRoom);
    if (!roomId) return;
    for (const [identity, set] of this.rooms) if (set.delete(roomId)) this.listener(identity);
  }

  /** The agenda moved to `position`: pre-joined connections it reaches now count (announced once each). */
  agendaMoved(position: number): void {
    const before = this.position;
    this.position = position;
    for (const [identity, set] of this.rooms) {
      for (const activeFrom of set.values()) {
        if (isActiveConnection(activeFrom, before) !== isActiveConnection(activeFrom, position)) {
          this.listener(identity);
          break;
        }
      }
    }
  }

  /** Replace the view of one room with what LiveKit lists. */
  reconcileRoom(livekitRoom: string, connections: readonly (string | PresenceConnection)[]): void {
    const roomId = roomIdFromLivekitName(this.eventId, livekitRoom);
    if (!roomId) return;
    const listed = connections.map((c) => (typeof c === 'string' ? { identity: c, activeFrom: null } : c));
    const present = new Set(listed.map((c) => c.identity));
    for (const [identity, set] of this.rooms) if (set.has(roomId) && !present.has(identity)) this.left(livekitRoom, identity);
    for (const c of listed) this.joined(livekitRoom, c.identity, c.activeFrom);
  }

  /** The rooms a person has pre-joined and waits in for the cue (not counted as present). */
  preJoinedRoomsOf(identity: string): RoomId[] {
    return [...(this.rooms.get(identity) ?? [])].filter(([, activeFrom]) => !isActiveConnection(activeFrom, this.position)).map(([room]) => room);
  }

  /** The rooms a person is in now; pre-joined connections do not count. */
  roomsOf(identity: string): RoomId[] {
    return [...(this.rooms.get(identity) ?? [])].filter(([, activeFrom]) => isActiveConnection(activeFrom, this.position)).map(([room]) => room);
  }
}

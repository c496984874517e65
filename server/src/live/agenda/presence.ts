import { roomIdFromLivekitName, type RoomId } from '@live-workshop/shared';

/** Who LiveKit says is in which room; the truth about attendance. */
export class Presence {
  private readonly rooms = new Map<string, Set<RoomId>>();
  private listener: (identity: string) => void = () => {};

  constructor(private readonly eventId: string) {}

  onChange(listener: (identity: string) => void): void {
    this.listener = listener;
  }

  joined(livekitRoom: string, identity: string): void {
    const roomId = roomIdFromLivekitName(this.eventId, livekitRoom);
    if (!roomId) return;
    let set = this.rooms.get(identity);
    if (!set) this.rooms.set(identity, (set = new Set()));
    if (!set.has(roomId)) {
      set.add(roomId);
      this.listener(identity);
    }
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

  /** Replace the view of one room with what LiveKit lists. */
  reconcileRoom(livekitRoom: string, identities: readonly string[]): void {
    const roomId = roomIdFromLivekitName(this.eventId, livekitRoom);
    if (!roomId) return;
    const present = new Set(identities);
    for (const [identity, set] of this.rooms) if (set.has(roomId) && !present.has(identity)) this.left(livekitRoom, identity);
    for (const identity of identities) this.joined(livekitRoom, identity);
  }

  roomsOf(identity: string): RoomId[] {
    return [...(this.rooms.get(identity) ?? [])];
  }
}

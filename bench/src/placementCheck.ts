// Asks LiveKit itself (RoomServiceClient.listParticipants) who is in which room, and compares it
// with where the agenda puts each media client. A pre-joined connection (its `lw.activeFrom` not
// reached yet, shared/src/preJoin.ts) waits for a later cue and is not a placement.
import { RoomServiceClient } from 'livekit-server-sdk';
import { activeFromOf, isActiveConnection, livekitRoomName, type RoomId } from '@live-workshop/shared';

export interface PlacementReport {
  /** Media clients in exactly their expected room and no other. */
  readonly right: number;
  /** In no room at all. */
  readonly lost: string[];
  /** Somewhere else, or also still somewhere else. */
  readonly misplaced: string[];
  /** How long LiveKit took to show everyone where they belong (ms after the check started). */
  readonly settledMs: number;
}

export class PlacementCheck {
  private readonly rooms: RoomServiceClient;

  constructor(livekit: { httpUrl: string; apiKey: string; apiSecret: string }, private readonly eventId: string, private readonly roomIds: readonly RoomId[]) {
    this.rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  }

  /** Identities per LiveKit room, for every room of the event, at agenda position `position` (pre-joins left out). */
  async snapshot(position = Number.MAX_SAFE_INTEGER): Promise<Map<string, Set<string>>> {
    const result = new Map<string, Set<string>>();
    await Promise.all(this.roomIds.map(async (roomId) => {
      const name = livekitRoomName(this.eventId, roomId);
      try {
        const listed = await this.rooms.listParticipants(name);
        result.set(name, new Set(listed.filter((p) => isActiveConnection(activeFromOf(p.attributes), position)).map((p) => p.identity)));
      } catch {
        result.set(name, new Set()); // the room does not exist (yet, or any more)
      }
    }));
    return result;
  }

  /**
   * Polls until every expected identity is in its room and nowhere else, or until `timeoutMs`;
   * a participant that left its old room is gone from LiveKit's list as soon as LiveKit processed the leave.
   */
  async verify(expected: ReadonlyMap<string, RoomId>, position = Number.MAX_SAFE_INTEGER, timeoutMs = 10_000): Promise<PlacementReport> {
    const started = Date.now();
    for (;;) {
      const seen = await this.snapshot(position);
      const lost: string[] = [];
      const misplaced: string[] = [];
      for (const [identity, roomId] of expected) {
        const want = livekitRoomName(this.eventId, roomId);
        const inRooms = [...seen].filter(([, ids]) => ids.has(identity)).map(([name]) => name);
        if (inRooms.length === 0) lost.push(identity);
        else if (inRooms.length > 1 || inRooms[0] !== want) misplaced.push(identity);
      }
      const done = lost.length === 0 && misplaced.length === 0;
      if (done || Date.now() - started > timeoutMs) {
        return { right: expected.size - lost.length - misplaced.length, lost, misplaced, settledMs: Date.now() - started };
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

import type { LiveKitPort, RoomConnection, TokenGrant } from './livekitPort.js';

/** An in-memory LiveKit for unit tests: records grants and permission changes. */
export class MemoryLiveKit implements LiveKitPort {
  readonly url = 'ws://livekit.invalid';
  readonly minted: TokenGrant[] = [];
  readonly permissions = new Map<string, boolean>();
  readonly rooms = new Map<string, Set<string>>();

  async mintToken(grant: TokenGrant): Promise<string> {
    this.minted.push(grant);
    return `memory-token:${grant.room}:${grant.identity}:${grant.canPublish ? 'pub' : 'sub'}`;
  }
  async setCanPublish(room: string, identity: string, canPublish: boolean): Promise<void> {
    this.permissions.set(`${room}/${identity}`, canPublish);
  }
  async removeParticipant(room: string, identity: string): Promise<void> {
    this.rooms.get(room)?.delete(identity);
  }
  async listIdentities(room: string): Promise<string[]> {
    return [...(this.rooms.get(room) ?? [])];
  }
  async listConnections(room: string): Promise<RoomConnection[]> {
    return [...(this.rooms.get(room) ?? [])].map((identity) => ({ identity, activeFrom: null }));
  }
  async listRooms(): Promise<string[]> {
    return [...this.rooms.keys()];
  }
}

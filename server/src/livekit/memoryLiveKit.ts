import type { PublishSource } from '@live-workshop/shared';
import type { LiveKitPort, RoomConnection, TokenGrant } from './livekitPort.js';

/** An in-memory LiveKit for unit tests: records grants and permission changes. */
export class MemoryLiveKit implements LiveKitPort {
  readonly url = 'ws://livekit.invalid';
  readonly minted: TokenGrant[] = [];
  readonly permissions = new Map<string, boolean>();
  /** The sources each `room/identity` was last allowed to publish by setCanPublish. */
  readonly sources = new Map<string, readonly PublishSource[]>();
  readonly rooms = new Map<string, Set<string>>();
  /** `room/identity` whose microphone was muted by the server (a test unmutes by deleting the entry). */
  readonly mutedMicrophones = new Set<string>();

  async mintToken(grant: TokenGrant): Promise<string> {
    this.minted.push(grant);
    return `memory-token:${grant.room}:${grant.identity}:${grant.canPublish ? 'pub' : 'sub'}`;
  }
  async setCanPublish(room: string, identity: string, canPublish: boolean, sources: readonly PublishSource[]): Promise<void> {
    this.permissions.set(`${room}/${identity}`, canPublish);
    this.sources.set(`${room}/${identity}`, sources);
  }
  async muteMicrophone(room: string, identity: string): Promise<number> {
    const key = `${room}/${identity}`;
    if (!this.rooms.get(room)?.has(identity) || this.mutedMicrophones.has(key)) return 0;
    this.mutedMicrophones.add(key);
    return 1;
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

import type { PublishSource } from '@live-workshop/shared';

/** What the server needs from LiveKit; a real and an in-memory implementation exist. */
export interface LiveKitPort {
  /** The URL browsers connect to. */
  readonly url: string;
  /** A join token for exactly one room. */
  mintToken(grant: TokenGrant): Promise<string>;
  /** Change what a connected participant may do, and which sources they may publish (publishSourcesIn), without reconnecting. */
  setCanPublish(room: string, identity: string, canPublish: boolean, sources: readonly PublishSource[]): Promise<void>;
  /** Mute the microphone a participant publishes in a room (they may unmute themselves); how many tracks were muted (0: not there, or silent already). */
  muteMicrophone(room: string, identity: string): Promise<number>;
  /** Disconnect a participant from a room. */
  removeParticipant(room: string, identity: string): Promise<void>;
  /** Identities in a room, as LiveKit sees them. */
  listIdentities(room: string): Promise<string[]>;
  /** The connections in a room, with the agenda position each counts from (pre-joins: shared/src/preJoin.ts). */
  listConnections(room: string): Promise<RoomConnection[]>;
  /** Rooms that exist now. */
  listRooms(): Promise<string[]>;
}

/** The grant a token carries. */
export interface TokenGrant {
  readonly identity: string;
  readonly name: string;
  readonly room: string;
  readonly canPublish: boolean;
  /** The only sources LiveKit accepts from this token (publishSourcesIn: screen share only on stage). */
  readonly canPublishSources: readonly PublishSource[];
  readonly ttlSeconds: number;
  readonly metadata: string;
  /** The agenda position from which this connection counts (the `lw.activeFrom` attribute); none: always. */
  readonly activeFrom?: number;
  /** Shown to nobody in the room (LiveKit's `hidden` grant): a captioner who listens there. */
  readonly hidden?: boolean;
}

/** One identity's connection to a room. */
export interface RoomConnection {
  readonly identity: string;
  /** From the token's `lw.activeFrom` attribute; null: it always counts. */
  readonly activeFrom: number | null;
}

/** An in-memory media world for tests: rooms that connect, publish and leave on command. */
import { TypedEmitter } from '../live/media/livekit/emitter.js';
import type { LocalMedia, MediaDisconnectReason, MediaRoomAdapter, MediaRoomEvents, MuteState, RemoteParticipantView } from '../live/media/livekit/types.js';

/** A promise with its resolve/reject in hand. */
export interface Deferred<T = void> {
  readonly promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Tests give tokens as `token:<livekit room name>` so a fake room knows where it is. */
export const tokenFor = (livekitRoom: string) => `token:${livekitRoom}`;
const roomOf = (token: string) => token.replace(/^token:/, '');

/** One fake room. */
export class FakeMediaRoom implements MediaRoomAdapter {
  state: 'new' | 'connecting' | 'connected' | 'left' = 'new';
  roomName: string | null = null;
  preparedFor: string | null = null;
  published: LocalMedia | null = null;
  mute: MuteState = { audioMuted: false, videoMuted: false };
  private readonly events = new TypedEmitter<MediaRoomEvents>();
  private pendingConnect: Deferred | null = null;

  constructor(private readonly world: FakeMediaWorld, readonly serial: number) {}

  async prepare(_url: string, token: string): Promise<void> {
    this.preparedFor = roomOf(token);
    this.world.log.push(`prepare ${this.preparedFor}`);
  }

  /** Shown from this agenda position on (see MediaRoomAdapter.showFrom). */
  shownFrom = Number.MAX_SAFE_INTEGER;

  /** What the pre-join was given to publish with nothing sent (undefined: no pre-join). */
  sentAhead: LocalMedia | null | undefined = undefined;

  /** A pre-join is a prepare and a connect, made before the cue. */
  async preJoin(url: string, token: string, send: LocalMedia | null = null): Promise<void> {
    await this.prepare(url, token);
    await this.connect(url, token);
    this.sentAhead = send;
  }

  /** Made the room we are in (after a pre-join). */
  activated = false;

  activate(): void {
    this.activated = true;
  }

  showFrom(position: number): void {
    this.shownFrom = position;
  }

  async connect(_url: string, token: string): Promise<void> {
    this.roomName = roomOf(token);
    this.state = 'connecting';
    this.world.log.push(`connect ${this.roomName}`);
    const plan = this.world.nextConnect(this.roomName);
    if (plan instanceof Error) {
      this.state = 'new';
      throw plan;
    }
    if (plan) {
      this.pendingConnect = plan;
      try {
        await plan.promise;
      } finally {
        this.pendingConnect = null;
      }
    }
    // leave() may have run while we waited.
    if ((this.state as FakeMediaRoom['state']) === 'left') throw new Error('Left before the connection was up.');
    this.state = 'connected';
    this.world.log.push(`connected ${this.roomName}`);
    this.events.emit('permissionsChanged', this.world.canPublishIn(this.roomName));
    this.events.emit('participantsChanged', this.world.participantsIn(this.roomName));
  }

  async publish(tracks: LocalMedia, mute: MuteState): Promise<void> {
    this.world.log.push(`publish ${this.roomName} ${[tracks.audio?.id, tracks.video?.id].filter(Boolean).join('+')}`);
    this.published = tracks;
    this.mute = mute;
  }

  async unpublish(): Promise<void> {
    this.world.log.push(`unpublish ${this.roomName}`);
    this.published = null;
  }

  async setMuted(kind: 'audio' | 'video', muted: boolean): Promise<void> {
    this.mute = kind === 'audio' ? { ...this.mute, audioMuted: muted } : { ...this.mute, videoMuted: muted };
  }

  async setScreenShare(enabled: boolean): Promise<boolean> {
    return enabled;
  }

  async startAudio(): Promise<void> {}

  async leave(): Promise<void> {
    if (this.state === 'left') return;
    this.world.log.push(`leave ${this.roomName ?? this.preparedFor ?? 'unused room'}`);
    this.state = 'left';
    this.published = null;
    // Like livekit-client: leaving while connecting makes the connect fail.
    this.pendingConnect?.reject(new Error('Client initiated disconnect.'));
  }

  on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): () => void {
    return this.events.on(event, listener);
  }

  /** The media server drops us. */
  drop(reason: MediaDisconnectReason): void {
    this.state = 'left';
    this.events.emit('disconnected', reason);
  }

  /** The media server went away: livekit-client keeps retrying (a resume, then a full reconnect). */
  loseConnection(): void {
    this.world.log.push(`reconnecting ${this.roomName}`);
    this.events.emit('connectionChanged', 'reconnecting');
  }

  /** The media server changes what we may do. */
  grant(canPublish: boolean): void {
    this.events.emit('permissionsChanged', canPublish);
  }

  /** Others in the room changed. */
  setParticipants(participants: RemoteParticipantView[]): void {
    this.events.emit('participantsChanged', participants);
  }
}

/** All fake rooms of a test, with a shared log and scripted connects. */
export class FakeMediaWorld {
  readonly log: string[] = [];
  readonly rooms: FakeMediaRoom[] = [];
  private readonly plans = new Map<string, (Error | Deferred)[]>();
  private readonly permissions = new Map<string, boolean>();
  private readonly people = new Map<string, RemoteParticipantView[]>();

  /** The factory to hand to the move manager. */
  readonly createRoom = (): MediaRoomAdapter => {
    const room = new FakeMediaRoom(this, this.rooms.length + 1);
    this.rooms.push(room);
    return room;
  };

  /** The next connect to this room fails with the error. */
  failNextConnect(livekitRoom: string, error: Error): void {
    this.plan(livekitRoom).push(error);
  }

  /** The next connect to this room waits until the returned deferred resolves. */
  holdNextConnect(livekitRoom: string): Deferred {
    const d = deferred();
    this.plan(livekitRoom).push(d);
    return d;
  }

  /** What the media server grants in a room (default: what the token said, i.e. the assignment). */
  setCanPublish(livekitRoom: string, canPublish: boolean): void {
    this.permissions.set(livekitRoom, canPublish);
  }

  setPeople(livekitRoom: string, people: RemoteParticipantView[]): void {
    this.people.set(livekitRoom, people);
  }

  nextConnect(livekitRoom: string): Error | Deferred | undefined {
    return this.plans.get(livekitRoom)?.shift();
  }

  canPublishIn(livekitRoom: string): boolean {
    return this.permissions.get(livekitRoom) ?? !livekitRoom.endsWith('plenary');
  }

  participantsIn(livekitRoom: string): RemoteParticipantView[] {
    return this.people.get(livekitRoom) ?? [];
  }

  /** Rooms connected right now. */
  connected(): FakeMediaRoom[] {
    return this.rooms.filter((r) => r.state === 'connected');
  }

  private plan(livekitRoom: string): (Error | Deferred)[] {
    let p = this.plans.get(livekitRoom);
    if (!p) {
      p = [];
      this.plans.set(livekitRoom, p);
    }
    return p;
  }
}

/** A stand-in for a captured MediaStreamTrack (jsdom has none). */
export function fakeTrack(kind: 'audio' | 'video', id: string): MediaStreamTrack {
  return { kind, id, readyState: 'live', enabled: true, stop() {}, getSettings: () => ({}) } as unknown as MediaStreamTrack;
}

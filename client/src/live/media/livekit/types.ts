/**
 * The media-room port. The app talks to one room at a time through this interface;
 * livekitRoomAdapter.ts is the real implementation, tests use a fake. Nothing outside
 * livekit/ touches livekit-client's Room or its events.
 */

/** The camera and microphone captured once in the pre-join check, reused in every room. */
export interface LocalMedia {
  readonly audio: MediaStreamTrack | null;
  readonly video: MediaStreamTrack | null;
}

/** Mute state applied right after publishing, so a move keeps it. */
export interface MuteState {
  readonly audioMuted: boolean;
  readonly videoMuted: boolean;
}

/** What a published track carries. */
export type TrackSource = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio' | 'unknown';

/** A remote track the UI can show; `attach` returns its own detach. */
export interface RemoteTrackRef {
  /** Stable while the track is subscribed; use as a React key. */
  readonly key: string;
  readonly kind: 'audio' | 'video';
  readonly source: TrackSource;
  readonly muted: boolean;
  attach(element: HTMLMediaElement): () => void;
}

/** One other person in the room, with the tracks we receive from them. */
export interface RemoteParticipantView {
  readonly identity: string;
  readonly name: string;
  readonly isSpeaking: boolean;
  readonly canPublish: boolean;
  readonly tracks: readonly RemoteTrackRef[];
}

/** Connection state of a media room, in the app's words. */
export type MediaConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting';

/** Why a room closed, as a closed set. */
export type MediaDisconnectReason =
  | 'left' // we called leave()
  | 'removed' // a moderator removed us or the room was closed
  | 'duplicate_identity' // the same person joined elsewhere
  | 'token_rejected'
  | 'network' // the connection failed and could not be resumed
  | 'unknown';

/** Events of a media room, one by one. */
export interface MediaRoomEvents {
  /** The other participants or their tracks changed; always the whole list. */
  participantsChanged: (participants: readonly RemoteParticipantView[]) => void;
  /** Connecting, connected, reconnecting (a resume in progress), disconnected. */
  connectionChanged: (state: MediaConnectionState) => void;
  /** The room closed without us asking (never emitted after leave()). */
  disconnected: (reason: MediaDisconnectReason) => void;
  /** The server changed whether we may publish (on stage / back to the audience). */
  permissionsChanged: (canPublish: boolean) => void;
  /** The browser blocks audio playback until the user clicks something. */
  audioPlaybackChanged: (canPlay: boolean) => void;
  /** Our own screen share started or stopped (also when the browser's "stop sharing" is used). */
  screenShareChanged: (sharing: boolean) => void;
}

/** One media room. Created per room; a move creates a new one and leaves the old. */
export interface MediaRoomAdapter {
  /** Warm up signalling for a room we will probably join soon; cheap, may be skipped. */
  prepare(url: string, token: string): Promise<void>;
  /**
   * Join the room before the cue that moves us there (make-before-break): connected, sending
   * nothing, shown to nobody until the agenda reaches the token's phase. `send`: our tracks, to be
   * published here with nothing sent until `publish` at the cue starts sending them (null: the
   * room does not let us publish, or we have no tracks). The move then only starts sending here
   * and leaves the old room. Rejects like `connect`.
   */
  preJoin(url: string, token: string, send?: LocalMedia | null): Promise<void>;
  /** The cue made this pre-joined room the one we are in: receive its tracks. No-op for a room joined with connect. */
  activate(): void;
  /** Join the room; resolves when connected, rejects with a MediaConnectError (its message is for people). */
  connect(url: string, token: string): Promise<void>;
  /** Show only the participants whose connection counts at this agenda position (pre-joined ones later). */
  showFrom(position: number): void;
  /** Publish the given (already captured) tracks (or start sending those published by preJoin), then apply the mute state. */
  publish(tracks: LocalMedia, mute: MuteState): Promise<void>;
  /** Stop sending our tracks without stopping them (they are reused). */
  unpublish(): Promise<void>;
  /** Mute or unmute a published track; remembered for tracks published later. */
  setMuted(kind: 'audio' | 'video', muted: boolean): Promise<void>;
  /** Start or stop sharing the screen; resolves to whether sharing is on. */
  setScreenShare(enabled: boolean): Promise<boolean>;
  /** Resume audio playback after a click (autoplay policies). */
  startAudio(): Promise<void>;
  /** Leave the room; the local camera and microphone keep running. Idempotent. */
  leave(): Promise<void>;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): () => void;
}

/** Makes a fresh adapter for one room. */
export type MediaRoomFactory = () => MediaRoomAdapter;

import {
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  Track,
  VideoPresets,
  type LocalTrackPublication,
  type Participant,
  type RemoteParticipant,
  type RemoteTrackPublication,
  type TrackPublishOptions,
} from 'livekit-client';
import { activeFromOf, isActiveConnection } from '@live-workshop/shared/pure';
import { cameraLayersFor } from '../mediaFit.js';
import { mediaConnectError } from './connectError.js';
import { publishPaused, resumePaused, type PausedPublication } from './pausedPublishing.js';
import { TypedEmitter } from './emitter.js';
import { SCREEN_SHARE_CAPTURE, SCREEN_SHARE_PUBLISH } from './screenShareEncoding.js';
import type {
  LocalMedia, MediaConnectionState, MediaDisconnectReason, MediaRoomAdapter, MediaRoomEvents, MuteState, RemoteParticipantView,
  RemoteTrackRef, TrackSource,
} from './types.js';

/**
 * Connect options every room uses. The ICE servers are the ones our LiveKit server hands out (its
 * own STUN address in development, its TURN/TLS in a deployment — the fallback for networks that
 * block UDP); LiveKit is configured never to hand out anyone else's.
 */
const CONNECT_OPTIONS = { autoSubscribe: true } as const;

/** How long participant changes are gathered before the UI hears of them. */
const PARTICIPANTS_COALESCE_MS = 150;

const SOURCES: Record<string, TrackSource> = {
  [Track.Source.Camera]: 'camera',
  [Track.Source.Microphone]: 'microphone',
  [Track.Source.ScreenShare]: 'screen_share',
  [Track.Source.ScreenShareAudio]: 'screen_share_audio',
};

function disconnectReason(reason: DisconnectReason | undefined): MediaDisconnectReason {
  switch (reason) {
    case DisconnectReason.CLIENT_INITIATED:
      return 'left';
    case DisconnectReason.DUPLICATE_IDENTITY:
      return 'duplicate_identity';
    case DisconnectReason.PARTICIPANT_REMOVED:
    case DisconnectReason.ROOM_DELETED:
    case DisconnectReason.ROOM_CLOSED:
      return 'removed';
    case DisconnectReason.JOIN_FAILURE:
      return 'token_rejected';
    case DisconnectReason.SIGNAL_CLOSE:
    case DisconnectReason.CONNECTION_TIMEOUT:
    case DisconnectReason.SERVER_SHUTDOWN:
    case DisconnectReason.STATE_MISMATCH:
    case DisconnectReason.MIGRATION:
      return 'network';
    default:
      return 'unknown';
  }
}

function connectionState(state: ConnectionState): MediaConnectionState {
  switch (state) {
    case ConnectionState.Connecting:
      return 'connecting';
    case ConnectionState.Connected:
      return 'connected';
    case ConnectionState.Reconnecting:
    case ConnectionState.SignalReconnecting:
      return 'reconnecting';
    default:
      return 'disconnected';
  }
}

function trackRef(publication: RemoteTrackPublication): RemoteTrackRef | null {
  const track = publication.track;
  if (!track || !publication.isSubscribed) return null;
  const kind = track.kind === Track.Kind.Audio ? 'audio' : track.kind === Track.Kind.Video ? 'video' : null;
  if (!kind) return null;
  return {
    key: publication.trackSid,
    kind,
    source: SOURCES[publication.source] ?? 'unknown',
    muted: publication.isMuted,
    attach(element) {
      // attach() (not srcObject) so adaptive streaming sees the element's size and visibility.
      track.attach(element);
      return () => {
        track.detach(element);
      };
    },
  };
}

function participantView(p: RemoteParticipant): RemoteParticipantView {
  const tracks: RemoteTrackRef[] = [];
  for (const pub of p.trackPublications.values()) {
    const ref = trackRef(pub);
    if (ref) tracks.push(ref);
  }
  return { identity: p.identity, name: p.name || p.identity, isSpeaking: p.isSpeaking, canPublish: p.permissions?.canPublish ?? true, tracks };
}

/** The MediaRoomAdapter over one livekit-client Room. */
export class LivekitRoomAdapter implements MediaRoomAdapter {
  private readonly room: Room;
  private readonly events = new TypedEmitter<MediaRoomEvents>();
  private readonly published: { audio: LocalTrackPublication | null; video: LocalTrackPublication | null } = { audio: null, video: null };
  private mute: MuteState = { audioMuted: false, videoMuted: false };
  /** Published before the cue with nothing sent (preJoin): resumed by publish() at the cue. */
  private readonly paused: { audio: PausedPublication | null; video: PausedPublication | null } = { audio: null, video: null };
  /** The copies those publications send: ours, stopped when the room is left. */
  private readonly copies: MediaStreamTrack[] = [];
  private leaving = false;
  /** True while pre-joined: what connect() tells at once is told by activate() at the cue. */
  private awaitingCue = false;
  /** The agenda position whose connections we show; pre-joined people (a later one) stay unseen. */
  private position = Number.MAX_SAFE_INTEGER;

  constructor() {
    this.room = new Room({
      adaptiveStream: true,
      dynacast: true,
      // Our camera and microphone outlive every room: a move republishes the same tracks.
      stopLocalTrackOnUnpublish: false,
      disconnectOnPageLeave: true,
    });
    const emitParticipants = () => this.scheduleParticipants();
    this.room
      .on(RoomEvent.ParticipantConnected, emitParticipants)
      .on(RoomEvent.ParticipantDisconnected, emitParticipants)
      .on(RoomEvent.TrackSubscribed, emitParticipants)
      .on(RoomEvent.TrackUnsubscribed, emitParticipants)
      .on(RoomEvent.TrackMuted, emitParticipants)
      .on(RoomEvent.TrackUnmuted, emitParticipants)
      .on(RoomEvent.ActiveSpeakersChanged, emitParticipants)
      .on(RoomEvent.ParticipantNameChanged, emitParticipants)
      .on(RoomEvent.ParticipantAttributesChanged, emitParticipants)
      .on(RoomEvent.ConnectionStateChanged, (state) => this.events.emit('connectionChanged', connectionState(state)))
      .on(RoomEvent.Disconnected, (reason) => {
        if (this.leaving) return;
        this.events.emit('disconnected', disconnectReason(reason));
      })
      .on(RoomEvent.ParticipantPermissionsChanged, (_prev, participant: Participant) => {
        if (participant === this.room.localParticipant) {
          this.events.emit('permissionsChanged', participant.permissions?.canPublish ?? false);
        } else {
          emitParticipants();
        }
      })
      .on(RoomEvent.AudioPlaybackStatusChanged, () => this.events.emit('audioPlaybackChanged', this.room.canPlaybackAudio))
      .on(RoomEvent.LocalTrackPublished, (pub) => {
        if (pub.source === Track.Source.ScreenShare) this.events.emit('screenShareChanged', true);
      })
      .on(RoomEvent.LocalTrackUnpublished, (pub) => {
        if (pub.source === Track.Source.ScreenShare) this.events.emit('screenShareChanged', false);
      });
  }

  private participantsTimer: ReturnType<typeof setTimeout> | null = null;

  /** Coalesced: a plenary of thousands joins in bursts, and the UI needs one update per burst. */
  private scheduleParticipants(): void {
    if (this.participantsTimer) return;
    this.participantsTimer = setTimeout(() => {
      this.participantsTimer = null;
      this.emitParticipants();
    }, PARTICIPANTS_COALESCE_MS);
  }

  private emitParticipants(): void {
    // Someone who only pre-joined (their connection counts from a later agenda item) is not shown
    // and, as they publish nothing before their cue, not heard either (shared/src/preJoin.ts).
    const views = [...this.room.remoteParticipants.values()]
      .filter((p) => isActiveConnection(activeFromOf(p.attributes), this.position))
      .map(participantView);
    this.events.emit('participantsChanged', views);
  }

  showFrom(position: number): void {
    if (position === this.position) return;
    this.position = position;
    // At once, not coalesced: at the cue, the list must show the new room's people right away.
    if (this.room.state === ConnectionState.Connected) this.emitParticipants();
  }

  async prepare(url: string, token: string): Promise<void> {
    await this.room.prepareConnection(url, token);
  }

  async preJoin(url: string, token: string, send: LocalMedia | null = null): Promise<void> {
    // Joined and subscribed, nothing played: the UI attaches only the room we are in, and adaptive
    // stream keeps unattached video paused at the server. Our own tracks are published with nothing
    // sent (pausedPublishing.ts). Measured in the bench (bench/src/mediaPage.ts, "ways of moving" in
    // bench/results/2026-12-03-*.md): cue → in the room and sending p95 47 ms against 369 ms joined
    // unsubscribed and publishing at the cue at M = 4, 417 against 2,997 ms at M = 10, in one run.
    this.leaving = false;
    this.awaitingCue = true;
    try {
      await this.room.connect(url, token, CONNECT_OPTIONS);
    } catch (error) {
      throw mediaConnectError(error);
    }
    if (send && this.room.localParticipant.permissions?.canPublish) await this.publishAhead(send);
  }

  /** Publish our tracks paused; one that cannot be is simply published at the cue. */
  private async publishAhead(tracks: LocalMedia): Promise<void> {
    const lp = this.room.localParticipant;
    const one = async (kind: 'audio' | 'video', track: MediaStreamTrack | null) => {
      if (!track || track.readyState !== 'live' || this.paused[kind]) return;
      try {
        const paused = await publishPaused(lp, kind, track, kind === 'video' ? this.cameraOptions() : {});
        this.copies.push(paused.copy);
        this.paused[kind] = paused;
      } catch {
        // Only time is lost: publish() publishes it at the cue.
      }
    };
    await Promise.all([one('audio', tracks.audio), one('video', tracks.video)]);
  }

  activate(): void {
    if (!this.awaitingCue) return;
    this.awaitingCue = false;
    this.emitParticipants();
    this.events.emit('permissionsChanged', this.room.localParticipant.permissions?.canPublish ?? false);
    if (!this.room.canPlaybackAudio) this.events.emit('audioPlaybackChanged', false);
  }

  async connect(url: string, token: string): Promise<void> {
    this.leaving = false;
    this.awaitingCue = false;
    try {
      await this.room.connect(url, token, CONNECT_OPTIONS);
    } catch (error) {
      throw mediaConnectError(error);
    }
    this.emitParticipants();
    this.events.emit('permissionsChanged', this.room.localParticipant.permissions?.canPublish ?? false);
    if (!this.room.canPlaybackAudio) this.events.emit('audioPlaybackChanged', false);
  }

  async publish(tracks: LocalMedia, mute: MuteState): Promise<void> {
    this.mute = mute;
    const lp = this.room.localParticipant;
    const publishOne = async (kind: 'audio' | 'video', track: MediaStreamTrack | null, muted: boolean) => {
      if (!track || track.readyState !== 'live' || this.published[kind]) return;
      const pub = await this.resumeOrPublish(kind, track, muted);
      this.published[kind] = pub;
      // The same MediaStreamTrack may have been muted (disabled) by the room we are leaving:
      // state it explicitly either way.
      if (muted) await pub.mute();
      else await pub.unmute();
    };
    // Both at once: each publication is its own negotiation, and a move waits for the slower one only.
    await Promise.all([publishOne('audio', tracks.audio, mute.audioMuted), publishOne('video', tracks.video, mute.videoMuted)]);
  }

  /** The copy published before the cue when it copies `track` (sending starts now); else `track`, published now. */
  private async resumeOrPublish(kind: 'audio' | 'video', track: MediaStreamTrack, muted: boolean): Promise<LocalTrackPublication> {
    const paused = this.paused[kind];
    this.paused[kind] = null;
    if (paused?.from === track) return resumePaused(paused, muted);
    // The track changed since the pre-join (another camera chosen): send the new one instead.
    if (paused) await this.room.localParticipant.unpublishTrack(paused.copy, true).catch(() => undefined);
    const source = kind === 'audio' ? Track.Source.Microphone : Track.Source.Camera;
    return this.room.localParticipant.publishTrack(track, kind === 'video' ? { source, ...this.cameraOptions() } : { source });
  }

  /** Simulcast layers for the people connected here (pre-joined ones included: they are about to watch). */
  private cameraOptions(): TrackPublishOptions {
    const layers = cameraLayersFor(this.room.remoteParticipants.size);
    return layers.length === 0 ? { simulcast: false } : { simulcast: true, videoSimulcastLayers: layers.map((l) => VideoPresets[l]) };
  }

  async unpublish(): Promise<void> {
    const lp = this.room.localParticipant;
    for (const kind of ['audio', 'video'] as const) {
      const pub = this.published[kind];
      if (pub?.track) await lp.unpublishTrack(pub.track, false);
      this.published[kind] = null;
    }
  }

  async setMuted(kind: 'audio' | 'video', muted: boolean): Promise<void> {
    this.mute = kind === 'audio' ? { ...this.mute, audioMuted: muted } : { ...this.mute, videoMuted: muted };
    const pub = this.published[kind];
    if (!pub) return;
    if (muted) await pub.mute();
    else await pub.unmute();
  }

  async setScreenShare(enabled: boolean): Promise<boolean> {
    if (enabled) await this.room.localParticipant.setScreenShareEnabled(true, SCREEN_SHARE_CAPTURE, SCREEN_SHARE_PUBLISH);
    else await this.stopScreenShare();
    return this.room.localParticipant.isScreenShareEnabled;
  }

  /** Unlike camera and microphone, a screen capture belongs to this room: stop it for good. */
  private async stopScreenShare(): Promise<void> {
    const lp = this.room.localParticipant;
    for (const source of [Track.Source.ScreenShare, Track.Source.ScreenShareAudio]) {
      const pub = lp.getTrackPublication(source);
      if (pub?.track) await lp.unpublishTrack(pub.track, true);
    }
  }

  async startAudio(): Promise<void> {
    await this.room.startAudio();
  }

  async leave(): Promise<void> {
    this.leaving = true;
    await this.stopScreenShare().catch(() => undefined);
    this.published.audio = null;
    this.published.video = null;
    this.paused.audio = null;
    this.paused.video = null;
    // false: keep our camera and microphone running for the next room; only our copies end here.
    await this.room.disconnect(false);
    for (const copy of this.copies.splice(0)) copy.stop();
    if (this.participantsTimer) clearTimeout(this.participantsTimer);
    this.participantsTimer = null;
    this.events.clear();
  }

  on<E extends keyof MediaRoomEvents>(event: E, listener: MediaRoomEvents[E]): () => void {
    return this.events.on(event, listener);
  }
}

/** The factory the app uses in browsers. */
export const createLivekitRoom = (): MediaRoomAdapter => new LivekitRoomAdapter();

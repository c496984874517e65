// A bare page that drives livekit-client in Chromium, for tests against the real LiveKit server.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

/** What a page helper answers instead of throwing. */
export type LkResult<T extends object = object> = ({ ok: true } & T) | { ok: false; error: LkError };

export interface LkError {
  name: string;
  message: string;
  /** `client`: livekit-client refused (it checks the permissions LiveKit sent); `server`: LiveKit answered NOT_ALLOWED. */
  source: 'client' | 'server';
  /** HTTP-like status of PublishTrackError (403 for missing permission). */
  status?: number;
  /** Reason name of a LiveKit RequestResponse, e.g. NOT_ALLOWED. */
  reason?: string;
}

export interface LkParticipantState {
  identity: string;
  tracks: { kind: string; source: string; sid: string; subscribed: boolean }[];
}

/** A snapshot of the page's room, as `lwState()` reports it. */
export interface LkState {
  connectionState: string;
  roomName: string | null;
  identity: string | null;
  /** LiveKit's participant sid: unchanged as long as the session is the same (no full reconnect). */
  sid: string | null;
  canPublish: boolean | null;
  /** Tracks this page publishes. */
  localTracks: { kind: string; source: string; sid: string }[];
  remoteParticipants: LkParticipantState[];
  disconnectReason: string | null;
  /** The LiveKit node hosting the room, as its join answer names it (`serverInfo.nodeId`); null before joining. */
  serverNodeId: string | null;
}

export interface PublishOptions {
  /**
   * Skip livekit-client's own permission check so the request reaches LiveKit, to prove the
   * server refuses it too. The result then reports LiveKit's NOT_ALLOWED answer.
   */
  bypassClientCheck?: boolean;
}

const require = createRequire(import.meta.url);
// `require` resolves livekit-client's "require" export: the UMD bundle that defines window.LivekitClient.
const LIVEKIT_UMD = require.resolve('livekit-client');

const PAGE = String.raw`<!doctype html>
<html><head><meta charset="utf-8"><title>lk test page</title>
<script src="/livekit-client.umd.js"></script></head>
<body><div id="videos"></div>
<script>
const LK = window.LivekitClient;
const SERVER_REFUSAL_TIMEOUT_MS = 15_000;
let room = null;
let disconnectReason = null;
// LiveKit's RequestResponse.Reason values that a refused AddTrack can carry.
const REQUEST_REASONS = { 2: 'NOT_ALLOWED', 3: 'LIMIT_EXCEEDED', 5: 'UNSUPPORTED_TYPE' };

function toError(err, source) {
  return {
    name: (err && err.name) || 'Error',
    message: (err && err.message) || String(err),
    source: source || 'client',
    ...(err && typeof err.status === 'number' ? { status: err.status } : {}),
    ...(err && err.reasonName ? { reason: err.reasonName } : {}),
  };
}

window.lwConnect = async (url, token) => {
  if (room) await room.disconnect();
  disconnectReason = null;
  room = new LK.Room({ adaptiveStream: false, dynacast: false, publishDefaults: { simulcast: false } });
  room.on(LK.RoomEvent.TrackSubscribed, (track) => {
    if (track.kind !== 'video') return;
    const el = track.attach();
    el.muted = true;
    el.playsInline = true;
    document.getElementById('videos').appendChild(el);
  });
  room.on(LK.RoomEvent.TrackUnsubscribed, (track) => track.detach().forEach((el) => el.remove()));
  room.on(LK.RoomEvent.Disconnected, (reason) => {
    disconnectReason = reason === undefined ? 'unknown' : String(LK.DisconnectReason[reason] ?? reason);
  });
  const started = performance.now();
  try {
    // An empty ICE server list overrides the STUN servers LiveKit suggests: nothing leaves loopback.
    await room.connect(url, token, { autoSubscribe: true, rtcConfig: { iceServers: [] } });
    return { ok: true, connectMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, error: toError(err, 'server') };
  }
};

async function publish(kind, opts) {
  if (!room) return { ok: false, error: { name: 'NotConnected', message: 'call lwConnect first', source: 'client' } };
  const lp = room.localParticipant;
  const enable = () =>
    kind === 'video' ? lp.setCameraEnabled(true) : kind === 'screen' ? lp.setScreenShareEnabled(true, { audio: false }) : lp.setMicrophoneEnabled(true);
  if (!opts || !opts.bypassClientCheck) {
    try {
      const pub = await enable();
      return { ok: true, trackSid: pub ? pub.trackSid : null };
    } catch (err) {
      return { ok: false, error: toError(err, 'client') };
    }
  }
  const original = lp.hasPermissionsToPublish;
  lp.hasPermissionsToPublish = () => true;
  // LiveKit answers a refused AddTrack with a RequestResponse, which livekit-client only emits
  // on its engine; it is the one trace of a server-side refusal.
  let onResponse;
  const refusal = new Promise((resolve) => {
    onResponse = (res) => res.request && res.request.case === 'addTrack' && resolve(res);
    room.engine.on('signalRequestResponse', onResponse);
  });
  let timer;
  const published = enable().then(
    (pub) => ({ ok: true, trackSid: pub ? pub.trackSid : null }),
    (err) => ({ ok: false, error: toError(err, 'client') }),
  );
  try {
    const first = await Promise.race([
      published,
      refusal,
      new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), SERVER_REFUSAL_TIMEOUT_MS))),
    ]);
    if (first && first.request) {
      // LiveKit refused the AddTrack, but livekit-client ignores that answer and would wait 10 s
      // (blocking any new publish of the same source); cancel its pending request instead.
      for (const pending of Object.values(room.engine.pendingTrackResolvers || {})) pending.reject();
      await published;
      return {
        ok: false,
        error: {
          name: 'RequestRefused',
          message: first.message || 'LiveKit refused the track',
          source: 'server',
          reason: REQUEST_REASONS[first.reason] || 'REASON_' + first.reason,
        },
      };
    }
    if (first && first.timeout) return { ok: false, error: { name: 'Timeout', message: 'no answer from LiveKit', source: 'server' } };
    return first;
  } finally {
    clearTimeout(timer);
    room.engine.off('signalRequestResponse', onResponse);
    lp.hasPermissionsToPublish = original;
  }
}

window.lwPublishCamera = (opts) => publish('video', opts);
window.lwPublishMic = (opts) => publish('audio', opts);
// Needs a browser that grants screen capture without asking (Chromium's --use-fake-ui-for-media-stream).
window.lwPublishScreen = (opts) => publish('screen', opts);

window.lwFramesDecoded = async () => {
  if (!room) return 0;
  let total = 0;
  for (const p of room.remoteParticipants.values()) {
    for (const pub of p.trackPublications.values()) {
      if (pub.kind !== 'video' || !pub.track || !pub.track.receiver) continue;
      const stats = await pub.track.receiver.getStats();
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && typeof s.framesDecoded === 'number') total += s.framesDecoded;
      });
    }
  }
  return total;
};

// Addresses of the ICE candidate pair carrying each received video track.
window.lwMediaPath = async () => {
  const paths = [];
  if (!room) return paths;
  for (const p of room.remoteParticipants.values()) {
    for (const pub of p.trackPublications.values()) {
      if (pub.kind !== 'video' || !pub.track || !pub.track.receiver) continue;
      const stats = await pub.track.receiver.getStats();
      const byId = new Map();
      stats.forEach((s) => byId.set(s.id, s));
      stats.forEach((s) => {
        if (s.type !== 'candidate-pair' || s.state !== 'succeeded' || !s.nominated) return;
        const describe = (c) => (c ? c.protocol + ' ' + c.address + ':' + c.port + ' ' + c.candidateType : 'unknown');
        paths.push({ local: describe(byId.get(s.localCandidateId)), remote: describe(byId.get(s.remoteCandidateId)) });
      });
    }
  }
  return paths;
};

window.lwState = () => {
  const lp = room ? room.localParticipant : null;
  const tracks = (participant) =>
    Array.from(participant.trackPublications.values()).map((pub) => ({ kind: pub.kind, source: pub.source, sid: pub.trackSid }));
  return {
    connectionState: room ? room.state : 'disconnected',
    roomName: room ? room.name : null,
    identity: lp ? lp.identity : null,
    sid: lp ? lp.sid : null,
    canPublish: lp && lp.permissions ? lp.permissions.canPublish : null,
    localTracks: lp ? tracks(lp) : [],
    remoteParticipants: room
      ? Array.from(room.remoteParticipants.values()).map((p) => ({
          identity: p.identity,
          tracks: Array.from(p.trackPublications.values()).map((pub) => ({
            kind: pub.kind, source: pub.source, sid: pub.trackSid, subscribed: pub.isSubscribed,
          })),
        }))
      : [],
    disconnectReason,
    serverNodeId: room && room.serverInfo && room.serverInfo.nodeId ? room.serverInfo.nodeId : null,
  };
};

window.lwDisconnect = async () => {
  if (room) await room.disconnect();
  return { ok: true };
};
</script></body></html>`;

/** Serves the test page and livekit-client's UMD bundle on 127.0.0.1 (a free port). */
export async function startLkTestPage(): Promise<{ url: string; close(): Promise<void> }> {
  const bundle = await readFile(LIVEKIT_UMD);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (path === '/livekit-client.umd.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Typed access to the helpers of the test page opened in `page` (call `open` first). */
export class LkPage {
  constructor(readonly page: Page) {}

  /** Loads the test page served by `startLkTestPage`. */
  async open(pageUrl: string): Promise<void> {
    await this.page.goto(pageUrl);
    await this.page.waitForFunction(() => typeof (window as unknown as { lwConnect?: unknown }).lwConnect === 'function');
  }

  connect(url: string, token: string): Promise<LkResult<{ connectMs: number }>> {
    return this.page.evaluate(([u, t]) => (window as unknown as LkWindow).lwConnect(u, t), [url, token] as const);
  }

  publishCamera(opts: PublishOptions = {}): Promise<LkResult<{ trackSid: string | null }>> {
    return this.page.evaluate((o) => (window as unknown as LkWindow).lwPublishCamera(o), opts);
  }

  publishMic(opts: PublishOptions = {}): Promise<LkResult<{ trackSid: string | null }>> {
    return this.page.evaluate((o) => (window as unknown as LkWindow).lwPublishMic(o), opts);
  }

  /** Share the (fake) screen: what a speaker on stage may do and an attendee may not. */
  publishScreen(opts: PublishOptions = {}): Promise<LkResult<{ trackSid: string | null }>> {
    return this.page.evaluate((o) => (window as unknown as LkWindow).lwPublishScreen(o), opts);
  }

  /** Sum of framesDecoded over the remote video tracks this page receives. */
  framesDecoded(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as LkWindow).lwFramesDecoded());
  }

  /** The nominated ICE candidate pairs (`udp 127.0.0.1:PORT host`) of received video. */
  mediaPath(): Promise<{ local: string; remote: string }[]> {
    return this.page.evaluate(() => (window as unknown as LkWindow).lwMediaPath());
  }

  state(): Promise<LkState> {
    return this.page.evaluate(() => (window as unknown as LkWindow).lwState());
  }

  disconnect(): Promise<LkResult> {
    return this.page.evaluate(() => (window as unknown as LkWindow).lwDisconnect());
  }
}

interface LkWindow {
  lwConnect(url: string, token: string): Promise<LkResult<{ connectMs: number }>>;
  lwPublishCamera(opts: PublishOptions): Promise<LkResult<{ trackSid: string | null }>>;
  lwPublishMic(opts: PublishOptions): Promise<LkResult<{ trackSid: string | null }>>;
  lwPublishScreen(opts: PublishOptions): Promise<LkResult<{ trackSid: string | null }>>;
  lwFramesDecoded(): Promise<number>;
  lwMediaPath(): Promise<{ local: string; remote: string }[]>;
  lwState(): LkState;
  lwDisconnect(): Promise<LkResult>;
}

// The media client's page: a bare attendee in Chromium that does what the attendee page does on a
// move (livekit-client, the prepared token: join the next room before the cue, at the cue subscribe
// and republish the same microphone there, leave the old room once the new one is heard), measures
// it, and counts received audio packets to find the gap.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@live-workshop/shared';
import { PRODUCTION_MODE } from './mediaClients.js';

const require = createRequire(import.meta.url);
const LIVEKIT_UMD = require.resolve('livekit-client');
// The browser bundle is not in the package's exports map: find it beside the resolved entry.
const SOCKET_IO_BUNDLE = join(require.resolve('socket.io-client').replace(/(.*[\\/]socket\.io-client[\\/]).*$/, '$1'), 'dist', 'socket.io.min.js');

/** How often the page reads its received-audio counters (the gap's resolution). */
export const AUDIO_SAMPLE_MS = Number(process.env.BENCH_AUDIO_SAMPLE_MS ?? 40);

const PAGE = String.raw`<!doctype html>
<html><head><meta charset="utf-8"><title>bench media client</title>
<script>
// Every peer connection livekit-client opens, so received audio can be counted across rooms.
const peerConnections = new Set();
const NativePC = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePC {
  constructor(...args) { super(...args); peerConnections.add(this); }
};
</script>
<script src="/livekit-client.umd.js"></script>
<script src="/socket.io.min.js"></script>
</head><body>
<script>
const LK = window.LivekitClient;
const PROTOCOL_VERSION = ${PROTOCOL_VERSION};
const now = () => performance.timeOrigin + performance.now();
// The microphone outlives every room, as on the attendee page: leaving a room must not stop it
// (livekit-client's default does, so every move after the first breakout published a dead track).
const ROOM_OPTIONS = { adaptiveStream: false, dynacast: false, stopLocalTrackOnUnpublish: false, publishDefaults: { dtx: false, red: false, simulcast: false } };
// Keep traffic on loopback: an empty ICE server list overrides what LiveKit suggests.
const CONNECT_OPTIONS = { autoSubscribe: true, rtcConfig: { iceServers: [] } };

let socket = null;
let mic = null;
let active = null;          // { room, assignment }
let preparedRoom = null;    // { room, livekitRoom }
const prepared = new Map(); // phaseKey -> assignment
let pendingCue = null;      // a cue whose assignment had not come yet
let lastPrepared = null;    // the newest prepared assignment
let chain = Promise.resolve();
const moves = [];
const errors = [];
const audioTicks = [];      // wall-clock times at which new audio packets had arrived

// ---- received audio, counted over every open peer connection ----
const lastCount = new WeakMap();
let sampling = false;
setInterval(async () => {
  if (sampling) return;
  sampling = true;
  try {
    let delta = 0;
    for (const pc of peerConnections) {
      if (pc.connectionState === 'closed') { peerConnections.delete(pc); continue; }
      const stats = await pc.getStats();
      let n = 0;
      stats.forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'audio') n += s.packetsReceived || 0; });
      const prev = lastCount.get(pc) || 0;
      if (n > prev) delta += n - prev;
      lastCount.set(pc, n);
    }
    if (delta > 0) audioTicks.push(now());
    while (audioTicks.length > 0 && audioTicks[0] < now() - 120000) audioTicks.shift();
  } catch (err) {
    errors.push('stats: ' + (err && err.message));
  } finally {
    sampling = false;
  }
}, ${AUDIO_SAMPLE_MS});

function newRoom() {
  return new LK.Room(ROOM_OPTIONS);
}

// How a move reaches its room, rotating with the agenda item so every run measures all three
// against each other on the same machine at the same time: 'cold' (warm the connection only, then
// a full join after the cue: the way before issue 14), 'prejoin' (joined before the cue, not
// subscribed; subscribe at the cue) and 'prejoin-subscribed' (joined and subscribed before the cue,
// nothing played) and 'prejoin-published' (joined and subscribed, and the microphone published
// with its upstream paused, so nothing is sent: at the cue the upstream resumes, with no
// negotiation). The attendee page uses the pre-join that wins here (client/src/live/moves/).
const MODES = ['cold', 'prejoin', 'prejoin-subscribed', 'prejoin-published'];
const MODE = new URLSearchParams(location.search).get('mode') || '${PRODUCTION_MODE}';
function modeFor(phaseKey) {
  if (MODE !== 'rotate') return MODE;
  const i = Number(String(phaseKey).split(':')[1]);
  // One way for each pair of items (into the breakouts and back), so every way moves both directions.
  return MODES[Math.floor((Number.isInteger(i) ? i : 0) / 2) % MODES.length];
}
/** The old room keeps playing until the new room's audio plays, at most this long. */
const OLD_ROOM_HOLD_MS = 1500;

function prepare(a) {
  if (!a.token || (active && active.assignment.livekitRoom === a.livekitRoom)) return;
  if (preparedRoom && preparedRoom.livekitRoom === a.livekitRoom) return;
  if (preparedRoom) preparedRoom.room.disconnect(false).catch(() => {});
  const mode = modeFor(a.phaseKey);
  const room = newRoom();
  const entry = { room, livekitRoom: a.livekitRoom, mode, joined: null, joinedAt: null, failed: false, paused: null };
  preparedRoom = entry;
  if (mode === 'cold') {
    room.prepareConnection(a.livekitUrl, a.token).catch(() => {});
    return;
  }
  entry.joined = room.connect(a.livekitUrl, a.token, { ...CONNECT_OPTIONS, autoSubscribe: mode !== 'prejoin' })
    .then(async () => {
      if (mode === 'prejoin-published' && a.canPublish) entry.paused = await publishPaused(room);
      entry.joinedAt = now();
      return true;
    }, (err) => { entry.failed = true; errors.push('pre-join: ' + ((err && err.message) || err)); return false; });
}

function enqueueMove(a, cueAt, version, via) {
  if (active && active.assignment.livekitRoom === a.livekitRoom) {
    moves.push({ version, phaseKey: a.phaseKey, livekitRoom: a.livekitRoom, via, cueAt, sameRoom: true });
    return;
  }
  chain = chain.then(() => move(a, cueAt, version, via));
}

/** Subscribe to what is published in a room joined unsubscribed, now and from now on. */
function subscribeAll(room) {
  room.on(LK.RoomEvent.TrackPublished, (pub) => pub.setSubscribed(true));
  room.remoteParticipants.forEach((p) => p.trackPublications.forEach((pub) => { if (!pub.isSubscribed) pub.setSubscribed(true); }));
}

/**
 * Resolves with the time the first audio packet of this room arrives from now on (or null after
 * timeoutMs). Packets a receiver had before (a pre-joined room's set-up silence) do not count.
 */
function firstAudio(room, timeoutMs) {
  const until = now() + timeoutMs;
  const before = new Map(); // receiver -> packets it had when first seen here
  let first = true;
  return new Promise((resolve) => {
    const poll = async () => {
      for (const p of room.remoteParticipants.values()) {
        for (const pub of p.trackPublications.values()) {
          const receiver = pub.kind === 'audio' && pub.track && pub.track.receiver;
          if (!receiver) continue;
          try {
            let n = 0;
            (await receiver.getStats()).forEach((st) => { if (st.type === 'inbound-rtp') n += st.packetsReceived || 0; });
            if (!before.has(receiver)) before.set(receiver, first ? n : 0);
            if (n > before.get(receiver)) return resolve(now());
          } catch { /* the track went away: keep looking */ }
        }
      }
      first = false;
      if (now() > until) return resolve(null);
      setTimeout(poll, 20);
    };
    poll();
  });
}

/**
 * Publish the microphone in a pre-joined room with nothing sent: a disabled copy (silence) until the
 * media server has received its first packets, then the upstream is paused. (The server sets up a
 * published track, and others can subscribe to it, only once its first packet arrives: paused at
 * once, that setup and every subscriber's negotiation would wait for the cue.)
 */
async function publishPaused(room) {
  const copy = mic.clone();
  copy.enabled = false;
  const track = new LK.LocalAudioTrack(copy, undefined, true);
  await room.localParticipant.publishTrack(track, { source: LK.Track.Source.Microphone, dtx: false, red: false });
  const until = now() + 3000;
  while (now() < until && (await packetsSent(track)) === 0) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, PAUSE_AFTER_FIRST_PACKET_MS));
  await track.pauseUpstream();
  copy.enabled = true;
  return track;
}
/** How long silence is sent after the first packet before the upstream pauses (the server's track set-up). */
const PAUSE_AFTER_FIRST_PACKET_MS = 300;

async function packetsSent(track) {
  const sender = track.sender;
  if (!sender) return 0;
  let n = 0;
  (await sender.getStats()).forEach((st) => { if (st.type === 'outbound-rtp') n += st.packetsSent || 0; });
  return n;
}

async function joinCold(room, a) {
  await room.connect(a.livekitUrl, a.token, CONNECT_OPTIONS);
}

async function move(a, cueAt, version, via) {
  // The way this move was meant to be made (a pre-join that was not ready falls back to a join: preJoined false).
  const record = { version, phaseKey: a.phaseKey, livekitRoom: a.livekitRoom, via, cueAt, startedAt: now(), mode: modeFor(a.phaseKey), preJoined: false };
  try {
    let room;
    const p = preparedRoom && preparedRoom.livekitRoom === a.livekitRoom ? preparedRoom : null;
    if (p) {
      preparedRoom = null;
      room = p.room;
      if (p.joined) {
        record.preJoined = p.joinedAt !== null && p.joinedAt <= cueAt;
        const ok = await p.joined;
        if (!ok || room.state !== 'connected') {
          // The pre-join did not work out: today's join, nothing else differs.
          room.disconnect(false).catch(() => {});
          room = newRoom();
          record.preJoined = false;
          await joinCold(room, a);
        } else if (p.mode === 'prejoin') subscribeAll(room);
      } else await joinCold(room, a);
    } else {
      room = newRoom();
      await joinCold(room, a);
    }
    record.connectedAt = now();
    const hearing = firstAudio(room, 4000);
    if (p && p.paused && room === p.room) {
      // Published before the cue with nothing sent: sending starts now, on the connection already made.
      await p.paused.resumeUpstream();
      record.publishingAt = now();
    } else if (a.canPublish) {
      // The same microphone track, republished: no new getUserMedia, no new permission prompt.
      const track = new LK.LocalAudioTrack(mic, undefined, true);
      await room.localParticipant.publishTrack(track, { source: LK.Track.Source.Microphone, dtx: false, red: false });
      record.publishingAt = now();
    }
    record.readyAt = now();
    const old = active;
    active = { room, assignment: a };
    // Audio continuity: the old room plays on until the new room's audio does (or a short while).
    const heard = await Promise.race([hearing, new Promise((r) => setTimeout(() => r(null), OLD_ROOM_HOLD_MS))]);
    if (heard !== null) record.hearingAt = heard;
    if (old) await old.room.disconnect(false);
    record.leftOldAt = now();
    // The next assignment may have come during this move, for the room just left: pre-join it now.
    if (lastPrepared && lastPrepared.phaseKey !== a.phaseKey) prepare(lastPrepared);
    if (record.hearingAt === undefined) hearing.then((t) => { if (t !== null) record.hearingAt = t; });
    if (version !== null) {
      socket.emit('move:report', {
        phaseKey: a.phaseKey, roomId: a.roomId,
        cueToConnectedMs: Math.max(0, record.connectedAt - cueAt), cueToPublishingMs: record.publishingAt === undefined ? null : Math.max(0, record.publishingAt - cueAt),
      }, () => {});
    }
  } catch (err) {
    record.error = (err && err.message) || String(err);
  }
  moves.push(record);
}

window.bwStart = async (serverUrl, credential) => {
  mic = (await navigator.mediaDevices.getUserMedia({ audio: true })).getAudioTracks()[0];
  socket = io(serverUrl, { auth: { credential, protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], forceNew: true });
  socket.on('agenda:changed', (s) => {
    const at = now();
    const p = prepared.get(s.phaseKey);
    if (active && p && p.token) enqueueMove(p, at, s.version, 'prepared');
    else pendingCue = { version: s.version, phaseKey: s.phaseKey, at };
  });
  socket.on('assignment:prepared', (a) => {
    prepared.set(a.phaseKey, a);
    lastPrepared = a;
    prepare(a);
  });
  socket.on('assignment:changed', (a) => {
    const at = now();
    if (!a.token) return;
    if (!active && moves.length === 0) { enqueueMove(a, at, null, 'initial'); pendingCue = null; return; }
    if (pendingCue && pendingCue.phaseKey === a.phaseKey) {
      enqueueMove(a, pendingCue.at, pendingCue.version, 'late');
      pendingCue = null;
    }
  });
  socket.on('disconnect', (reason) => errors.push('socket: ' + reason));
  const deadline = now() + 30000;
  while (!(active && moves.length > 0) && now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await chain;
  const first = moves[0];
  return first && !first.error ? { ok: true } : { ok: false, error: (first && first.error) || 'no initial room' };
};

window.bwMoves = () => moves;
// Holds the prepared assignment, and its pre-join (if this move makes one) has connected or failed:
// the wait before a real cue is minutes, the bench's is seconds.
window.bwHasPrepared = (phaseKey) => {
  const a = prepared.get(phaseKey);
  if (!a || !a.token) return false;
  if (active && active.assignment.livekitRoom === a.livekitRoom) return true;
  return !!(preparedRoom && preparedRoom.livekitRoom === a.livekitRoom && (preparedRoom.mode === 'cold' || preparedRoom.joinedAt !== null || preparedRoom.failed));
};
window.bwStop = async () => {
  if (socket) socket.close();
  const rooms = [active && active.room, preparedRoom && preparedRoom.room].filter(Boolean);
  active = null;
  preparedRoom = null;
  await Promise.all(rooms.map((r) => r.disconnect(true).catch(() => {})));
};
window.bwErrors = () => errors;
window.bwRoom = () => (active ? { livekitRoom: active.assignment.livekitRoom, state: active.room.state, remotes: active.room.remoteParticipants.size } : null);

// The longest stretch without new audio packets between from and to (wall clock).
window.bwAudioGap = (from, to) => {
  let prev = from;
  let gap = 0;
  for (const t of audioTicks) {
    if (t <= from) continue;
    if (t > to) break;
    gap = Math.max(gap, t - prev);
    prev = t;
  }
  return Math.max(gap, to - prev);
};
</script></body></html>`;

/** Serves the media client page and its two bundles on 127.0.0.1 (a free port). */
export async function startMediaPageServer(): Promise<{ url: string; origin: string; close(): Promise<void> }> {
  const [livekit, socketIo] = await Promise.all([readFile(LIVEKIT_UMD), readFile(SOCKET_IO_BUNDLE)]);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (path === '/livekit-client.umd.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(livekit);
    else if (path === '/socket.io.min.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(socketIo);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

// The media client's page: a bare attendee in Chromium that does what the attendee page does on a
// move (livekit-client, the prepared token, connect the new room, republish the same microphone,
// then leave the old room), measures it, and counts received audio packets to find the gap.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PROTOCOL_VERSION } from '@live-workshop/shared';

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
const ROOM_OPTIONS = { adaptiveStream: false, dynacast: false, publishDefaults: { dtx: false, red: false, simulcast: false } };
// Keep traffic on loopback: an empty ICE server list overrides what LiveKit suggests.
const CONNECT_OPTIONS = { autoSubscribe: true, rtcConfig: { iceServers: [] } };

let socket = null;
let mic = null;
let active = null;          // { room, assignment }
let preparedRoom = null;    // { room, livekitRoom }
const prepared = new Map(); // phaseKey -> assignment
let pendingCue = null;      // a cue whose assignment had not come yet
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

function prepare(a) {
  if (!a.token || (active && active.assignment.livekitRoom === a.livekitRoom)) return;
  if (preparedRoom && preparedRoom.livekitRoom === a.livekitRoom) return;
  if (preparedRoom) preparedRoom.room.disconnect(false).catch(() => {});
  const room = newRoom();
  preparedRoom = { room, livekitRoom: a.livekitRoom };
  room.prepareConnection(a.livekitUrl, a.token).catch(() => {});
}

function enqueueMove(a, cueAt, version, via) {
  if (active && active.assignment.livekitRoom === a.livekitRoom) {
    moves.push({ version, phaseKey: a.phaseKey, livekitRoom: a.livekitRoom, via, cueAt, sameRoom: true });
    return;
  }
  chain = chain.then(() => move(a, cueAt, version, via));
}

async function move(a, cueAt, version, via) {
  const record = { version, phaseKey: a.phaseKey, livekitRoom: a.livekitRoom, via, cueAt, startedAt: now() };
  try {
    let room;
    if (preparedRoom && preparedRoom.livekitRoom === a.livekitRoom) { room = preparedRoom.room; preparedRoom = null; }
    else room = newRoom();
    await room.connect(a.livekitUrl, a.token, CONNECT_OPTIONS);
    record.connectedAt = now();
    if (a.canPublish) {
      // The same microphone track, republished: no new getUserMedia, no new permission prompt.
      const track = new LK.LocalAudioTrack(mic, undefined, true);
      await room.localParticipant.publishTrack(track, { source: LK.Track.Source.Microphone, dtx: false, red: false });
      record.publishingAt = now();
    }
    record.readyAt = now();
    const old = active;
    active = { room, assignment: a };
    if (old) await old.room.disconnect(false);
    record.leftOldAt = now();
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
window.bwHasPrepared = (phaseKey) => !!(prepared.get(phaseKey) && prepared.get(phaseKey).token);
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

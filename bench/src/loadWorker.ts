// A load-generating worker process: holds a share of the simulated attendees as real
// Socket.IO clients (authenticated like real attendees) and records when each one has its
// assignment for a new phase. Forked by workerPool.ts; talks over the IPC channel only.
import { io, type Socket } from 'socket.io-client';
import {
  EVENTS, PROTOCOL_VERSION, livekitRoomName, type AgendaSnapshot, type Assignment, type ClientToServerEvents, type RoomId,
  type ServerToClientEvents, type SessionState, type Result,
} from '@live-workshop/shared';
import {
  wallNow, type ClientMode, type ClientSpec, type CollectAnswer, type ConnectAnswer, type FloorAnswer, type PhaseKind,
  type StatusAnswer, type WorkerEnvelope, type WorkerRequest,
} from './protocol.js';
import { LiveLoad } from './liveLoad.js';

/** Handshakes in flight at once, per worker: enough to connect thousands in seconds without a thundering herd. */
const CONNECTS_IN_FLIGHT = 40;
const CONNECT_TIMEOUT_MS = 30_000;
const CONNECT_ATTEMPTS = 3;
const RESYNC_TIMEOUT_MS = 30_000;

type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface CueSeen {
  readonly at: number;
  readonly phaseKey: string;
  /** The prepared assignment for that phase held when the cue arrived, if any. */
  readonly prepared: Assignment | null;
}

interface SimulatedAttendee {
  readonly spec: ClientSpec;
  socket: AppSocket | null;
  floor: Socket | null;
  readonly prepared: Map<string, Assignment>;
  readonly cues: Map<number, CueSeen>;
  /** First `assignment:changed` per phase key. */
  readonly changed: Map<string, { at: number; assignment: Assignment }>;
  /** Naive mode: the resync answer per cue version. */
  readonly resyncs: Map<number, { at: number; assignment: Assignment | null }>;
  readonly floorSeen: Map<number, number>;
  disconnects: number;
}

let mode: ClientMode = 'ours';
const attendees: SimulatedAttendee[] = [];
const liveLoad = new LiveLoad(() => attendees.flatMap((a) => (a.socket ? [a.socket] : [])));

function attach(a: SimulatedAttendee, socket: AppSocket): void {
  socket.on(EVENTS.agendaChanged, (snapshot: AgendaSnapshot) => {
    const at = wallNow();
    a.cues.set(snapshot.version, { at, phaseKey: snapshot.phaseKey, prepared: a.prepared.get(snapshot.phaseKey) ?? null });
    if (mode === 'naive') void resync(a, socket, snapshot.version);
  });
  socket.on(EVENTS.assignmentPrepared, (assignment) => {
    a.prepared.set(assignment.phaseKey, assignment);
  });
  socket.on(EVENTS.assignmentChanged, (assignment) => {
    const at = wallNow();
    if (!a.changed.has(assignment.phaseKey)) a.changed.set(assignment.phaseKey, { at, assignment });
  });
  socket.on('disconnect', () => {
    a.disconnects++;
  });
}

async function resync(a: SimulatedAttendee, socket: AppSocket, version: number): Promise<void> {
  try {
    const result = (await socket.timeout(RESYNC_TIMEOUT_MS).emitWithAck(EVENTS.sessionResync, {})) as Result<SessionState>;
    a.resyncs.set(version, { at: wallNow(), assignment: result.ok ? result.data.current : null });
  } catch {
    a.resyncs.set(version, { at: wallNow(), assignment: null });
  }
}

function openSocket(url: string, a: SimulatedAttendee): Promise<AppSocket> {
  return new Promise((resolve, reject) => {
    const socket: AppSocket = io(url, {
      auth: { credential: a.spec.credential, protocolVersion: PROTOCOL_VERSION },
      transports: ['websocket'],
      forceNew: true,
      // Like the attendee page: a dropped connection comes back (and resyncs); each drop is counted.
      reconnection: true,
      timeout: CONNECT_TIMEOUT_MS,
    });
    // Handlers go on before the handshake completes: the server sends the snapshot and assignments right away.
    attach(a, socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

async function connectOne(url: string, spec: ClientSpec): Promise<SimulatedAttendee> {
  const a: SimulatedAttendee = {
    spec, socket: null, floor: null, prepared: new Map(), cues: new Map(), changed: new Map(), resyncs: new Map(), floorSeen: new Map(),
    disconnects: 0,
  };
  let lastError: unknown;
  for (let attempt = 1; attempt <= CONNECT_ATTEMPTS; attempt++) {
    try {
      a.socket = await openSocket(url, a);
      return a;
    } catch (err) {
      lastError = err;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
  throw lastError;
}

async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function connect(url: string, specs: readonly ClientSpec[]): Promise<ConnectAnswer> {
  let connected = 0;
  const errors: string[] = [];
  await inPool(specs, CONNECTS_IN_FLIGHT, async (spec) => {
    try {
      attendees.push(await connectOne(url, spec));
      connected++;
    } catch (err) {
      errors.push(`${spec.id}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { connected, failed: errors.length, errors: errors.slice(0, 5) };
}

function expectedRoom(kind: PhaseKind, spec: ClientSpec): RoomId {
  return kind === 'plenary' ? 'plenary' : `breakout:${spec.breakoutId}`;
}

/** The room grant and identity inside a LiveKit token (its payload; the signature is LiveKit's business). */
function tokenClaims(token: string): { room?: string; sub?: string } {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string; video?: { room?: string } };
  return { room: payload.video?.room, sub: payload.sub };
}

function isRight(assignment: Assignment, phaseKey: string, room: RoomId, eventId: string, id: string): boolean {
  if (assignment.phaseKey !== phaseKey || assignment.roomId !== room || !assignment.token) return false;
  const claims = tokenClaims(assignment.token);
  return claims.room === livekitRoomName(eventId, room) && claims.sub === id;
}

function outcome(a: SimulatedAttendee, version: number, phaseKey: string): { at: number; assignment: Assignment; via: 'prepared' | 'late' | 'resync' } | null {
  const cue = a.cues.get(version);
  if (mode === 'naive') {
    const r = a.resyncs.get(version);
    return r?.assignment ? { at: r.at, assignment: r.assignment, via: 'resync' } : null;
  }
  if (!cue) return null;
  if (cue.prepared?.token) return { at: cue.at, assignment: cue.prepared, via: 'prepared' };
  const late = a.changed.get(phaseKey);
  return late ? { at: Math.max(late.at, cue.at), assignment: late.assignment, via: 'late' } : null;
}

function collect(version: number, phaseKey: string, kind: PhaseKind, eventId: string): CollectAnswer {
  const answer: CollectAnswer = { assignedAt: [], cueAt: [], lost: [], misplaced: [], via: { prepared: 0, late: 0, resync: 0 }, disconnects: 0 };
  for (const a of attendees) {
    answer.disconnects += a.disconnects;
    const cue = a.cues.get(version);
    if (cue) answer.cueAt.push(cue.at);
    const got = outcome(a, version, phaseKey);
    if (!got) {
      answer.lost.push(a.spec.id);
      continue;
    }
    answer.via[got.via]++;
    if (!isRight(got.assignment, phaseKey, expectedRoom(kind, a.spec), eventId, a.spec.id)) answer.misplaced.push(a.spec.id);
    else answer.assignedAt.push(got.at);
    // What is collected is not needed again; keep memory flat over long runs.
    a.cues.delete(version);
    a.resyncs.delete(version);
    a.prepared.delete(phaseKey);
    a.changed.delete(phaseKey);
  }
  return answer;
}

function status(version: number, phaseKey: string, nextPhaseKey: string | null): StatusAnswer {
  let connected = 0, settled = 0, prepared = 0, floorConnected = 0;
  for (const a of attendees) {
    if (a.socket?.connected) connected++;
    if (a.floor?.connected) floorConnected++;
    if (outcome(a, version, phaseKey)) settled++;
    if (nextPhaseKey && a.prepared.get(nextPhaseKey)?.token) prepared++;
  }
  return { connected, settled, prepared, floorConnected };
}

async function floorConnect(url: string): Promise<number> {
  let connected = 0;
  await inPool(attendees, CONNECTS_IN_FLIGHT, async (a) => {
    const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: CONNECT_TIMEOUT_MS });
    socket.on('bench:cue', (payload: { seq: number }) => {
      a.floorSeen.set(payload.seq, wallNow());
    });
    a.floor = socket;
    await new Promise<void>((resolve) => {
      socket.once('connect', () => {
        connected++;
        resolve();
      });
      socket.once('connect_error', () => resolve());
    });
  });
  return connected;
}

function floorCollect(seq: number): FloorAnswer {
  const receivedAt: number[] = [];
  let lost = 0;
  for (const a of attendees) {
    const at = a.floorSeen.get(seq);
    if (at === undefined) lost++;
    else receivedAt.push(at);
    a.floorSeen.delete(seq);
  }
  return { receivedAt, lost };
}

function disconnect(count: number): number {
  const gone = attendees.splice(Math.max(0, attendees.length - count), count);
  for (const a of gone) {
    a.socket?.close();
    a.floor?.close();
  }
  return attendees.length;
}

async function serve(request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'connect':
      return connect(request.url, request.clients);
    case 'disconnect':
      return disconnect(request.count);
    case 'mode':
      mode = request.mode;
      return mode;
    case 'status':
      return status(request.version, request.phaseKey, request.nextPhaseKey);
    case 'collect':
      return collect(request.version, request.phaseKey, request.kind, request.eventId);
    case 'floorConnect':
      return floorConnect(request.url);
    case 'floorCollect':
      return floorCollect(request.seq);
    case 'floorDisconnect':
      for (const a of attendees) {
        a.floor?.close();
        a.floor = null;
      }
      return true;
    case 'ask':
      return liveLoad.ask(request.count);
    case 'liveLoadStart':
      liveLoad.start(request.spec);
      return true;
    case 'liveLoadStop':
      return liveLoad.stop();
    case 'exit':
      disconnect(attendees.length);
      setImmediate(() => process.exit(0));
      return true;
  }
}

process.on('message', (message: WorkerEnvelope) => {
  serve(message).then(
    (data) => process.send?.({ reqId: message.reqId, ok: true, data }),
    (err: unknown) => process.send?.({ reqId: message.reqId, ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));

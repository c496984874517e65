// The live room without a network: the real agenda, effect runner, assignments, chat and roster
// over the in-memory transport and LiveKit, on a clock that moves only when told. For unit tests
// of what people receive; nothing here opens a port or arms a real timer.
import { join } from 'node:path';
import type { Action, EventConfig, Role } from '@live-workshop/shared';
import { MemoryLiveKit } from '../livekit/memoryLiveKit.js';
import { SqlitePeopleStore } from '../people/peopleStore.js';
import { ManualTime } from '../platform/clock.js';
import { openDatabase } from '../platform/db/db.js';
import { createLog } from '../platform/log.js';
import { SqliteAgendaStore } from './agenda/agendaStore.js';
import { createEffectRunner } from './agenda/effectRunner.js';
import { GhostSweeper } from './agenda/ghostSweeper.js';
import { LiveAgenda } from './agenda/liveAgenda.js';
import { Presence } from './agenda/presence.js';
import { Assignments } from './assignments/assignments.js';
import { ChatMembership } from './chat/chatMembership.js';
import { SqliteChatStore } from './chat/chatStore.js';
import { loadEventFile } from './event/loadEventFile.js';
import { createPresenting } from './presenting/createPresenting.js';
import { connections } from './realtime/connection.js';
import { createRequestLimiter } from './realtime/handle.js';
import { MemoryTransport, type MemorySocket } from './realtime/memoryTransport.js';
import { RosterPublisher, rosterOf } from './realtime/roster.js';
import { Sessions } from './realtime/sessions.js';
import { createLiveSegment } from './segment/liveSegment.js';
import { createRoomNotes } from './notes/roomNotes.js';

/** The seed workshop's event file. */
export const SEED_EVENT_FILE = join(import.meta.dirname, '../../events/microcredentials-2025.yaml');

/** A live room on the seed workshop (or another event file, or an edit of it), at 09:00 Brussels time on the seed's day. */
export function memoryRoom(options: { eventFile?: string; edit?: (seed: EventConfig) => EventConfig } = {}) {
  const loaded = loadEventFile(options.eventFile ?? SEED_EVENT_FILE);
  const event = options.edit ? options.edit(loaded) : loaded;
  const time = new ManualTime(Date.UTC(2025, 9, 23, 7, 0));
  const log = createLog('silent');
  const db = openDatabase(':memory:');
  const agenda = new LiveAgenda(event, new SqliteAgendaStore(db), time, time, log);
  const people = new SqlitePeopleStore(db);
  const livekit = new MemoryLiveKit();
  const transport = new MemoryTransport();
  const sessions = new Sessions();
  const presence = new Presence(event.id);
  const state = () => agenda.state;
  const chatMembership = new ChatMembership({ sessions, state });
  const assignments = new Assignments({ livekit, clock: time, sessions, log, state });
  const roster = new RosterPublisher(transport, () => rosterOf(agenda.state, presence, sessions), time, time, { transport, state: () => agenda.state });
  const ghosts = new GhostSweeper({ livekit, presence, clock: time, log, state });
  const presenting = createPresenting({ db, sessions, transport, clock: time, state });
  const limiter = createRequestLimiter();
  const liveSegment = createLiveSegment({ db, transport: () => transport, state, clock: time, scheduler: time, log, limiter });
  const roomNotes = createRoomNotes({ db, transport: () => transport, state, clock: time, log, limiter });
  const runEffects = createEffectRunner({ transport, chat: chatMembership, assignments, livekit, sessions, people, roster, ghosts, clock: time, log });
  agenda.start((effects, before, after) => {
    runEffects(effects, before, after);
    roomNotes.agendaMoved(before, after);
  });
  transport.serve(connections({
    transport, agenda, assignments, livekit, chat: new SqliteChatStore(db), clock: time, log, limiter, chatLimiter: createRequestLimiter(), helpLimiter: createRequestLimiter(3, 60),
    sessions, presence, roster, chatMembership, moveReports: () => {}, presenting, liveSegment, roomNotes,
  }));

  /** Admit a person (as registration or the event file would), then connect them once that has settled. */
  async function join(id: string, role: Role, preferences: string[] = [], roundPreferences?: Record<string, string[]>): Promise<MemorySocket> {
    people.add({ id, role, name: `Person ${id}`, email: null, organisation: null, details: {}, createdAt: time.now(), confirmedAt: time.now(), removedAt: null });
    agenda.system({ type: 'admit', participant: { id, name: `Person ${id}`, role, preferences, ...(roundPreferences ? { roundPreferences } : {}) } });
    await assignments.idle();
    return transport.connect({ participantId: id, role });
  }

  /** Admit and connect several people, let everything settle, and empty their inboxes: a room ready for a test's first request. */
  async function joinAll<const P extends readonly (readonly [id: string, role: Role, preferences?: readonly string[]])[]>(people: P): Promise<{ -readonly [K in keyof P]: MemorySocket }> {
    const sockets: MemorySocket[] = [];
    for (const [id, role, preferences] of people) sockets.push(await join(id, role, [...(preferences ?? [])]));
    await assignments.idle();
    for (const s of sockets) s.flush();
    return sockets as { -readonly [K in keyof P]: MemorySocket };
  }

  /** A moderator's command, with the version they see. */
  function moderate(action: Action) {
    return agenda.execute({ action, by: { kind: 'participant', participantId: event.moderators[0]!.id, role: 'moderator' }, expectedVersion: agenda.state.version });
  }

  /** Let every queued assignment job finish (the explicit flush of the async side). */
  const settle = () => assignments.idle();

  return { event, time, agenda, people, livekit, transport, sessions, assignments, presenting, liveSegment, roomNotes, db, join, joinAll, moderate, settle };
}

// A self-select round through the real agenda, effect runner and connections over the in-memory
// transport: what the attendees' sockets receive while they pick, and where LiveKit tokens send them.
import { join } from 'node:path';
import { EVENTS, type PickBoard, type RosterView } from '@live-workshop/shared';
import { describe, expect, test } from 'vitest';
import { memoryRoom } from '../memoryRoom.js';
import { ROSTER_PUSH_INTERVAL_MS } from '../realtime/roster.js';
import type { MemorySocket } from '../realtime/memoryTransport.js';

const FORUM = join(import.meta.dirname, '../../../../e2e/fixtures/lisbon-forum.yaml');
const F = { welcome: 0, round1: 1, coffee: 2, round2: 3 } as const;

const boards = (socket: MemorySocket): PickBoard[] => socket.flush().filter((r) => r.event === EVENTS.picksCounted).map((r) => r.args[0] as PickBoard);
const countsOf = (board: PickBoard | undefined) => Object.fromEntries((board?.rooms ?? []).map((r) => [r.id, r.picked]));

async function forumInCoffee() {
  const room = memoryRoom({ eventFile: FORUM });
  const mod = await room.join('forum-chair', 'moderator');
  const people = [];
  for (const [id, first] of [['ana', 'tourism'], ['bo', 'health'], ['cy', 'tourism']] as const) {
    people.push(await room.join(id, 'attendee', [], { 'round-1': [first], 'round-2': ['funding'] }));
  }
  expect(room.moderate({ type: 'openDoors' }).ok).toBe(true);
  expect(room.moderate({ type: 'goTo', itemIndex: F.coffee }).ok).toBe(true);
  room.time.advanceBy(ROSTER_PUSH_INTERVAL_MS);
  await room.settle();
  return { room, mod, people };
}

const pick = (socket: MemorySocket, version: number, breakoutId: string) =>
  socket.request(EVENTS.agendaCommand, { expectedVersion: version, action: { type: 'pickBreakout', breakoutId } });

describe('a self-select round on the server', () => {
  test('a pick reaches every attendee as a live count; a full room is refused in words', async () => {
    const { room, people: [ana, bo, cy] } = await forumInCoffee();
    expect(countsOf(boards(bo!).at(-1))).toStrictEqual({ recognition: 0, quality: 0, funding: 0 });
    const version = room.agenda.state.version;
    expect(await pick(ana!, version, 'quality')).toMatchObject({ ok: true });
    room.time.advanceBy(ROSTER_PUSH_INTERVAL_MS);
    await room.settle();
    expect(countsOf(boards(bo!).at(-1))).toStrictEqual({ recognition: 0, quality: 1, funding: 0 });
    // A payload that is not a room id is refused at the edge, and nothing changes.
    expect(await pick(cy!, version, 'Not A Slug!')).toMatchObject({ ok: false, code: 'invalid_payload' });
    // A reconnect is told its own pick.
    const again = room.transport.connect({ participantId: 'ana', role: 'attendee' });
    expect(boards(again).at(-1)?.yours).toBe('quality');
  });

  test('when round 2 opens, pickers go to their pick and the others are placed; LiveKit tokens name those rooms', async () => {
    const { room, mod, people: [ana] } = await forumInCoffee();
    expect(await pick(ana!, room.agenda.state.version, 'recognition')).toMatchObject({ ok: true });
    await room.settle();
    expect(room.moderate({ type: 'next' }).ok).toBe(true);
    await room.settle();
    room.time.advanceBy(ROSTER_PUSH_INTERVAL_MS);
    const rosters = mod.flush().filter((r) => r.event === EVENTS.rosterChanged).map((r) => r.args[0] as RosterView);
    const rooms = Object.fromEntries(rosters.at(-1)!.entries.filter((e) => e.role === 'attendee').map((e) => [e.id, [e.rounds?.['round-1'], e.plannedRoom]]));
    expect(rooms).toStrictEqual({
      ana: ['tourism', 'breakout:recognition'],
      bo: ['health', 'breakout:funding'],
      cy: ['tourism', 'breakout:funding'],
    });
    const current = await room.assignments.currentOf('ana');
    expect(current.roomId).toBe('breakout:recognition');
    expect(current.livekitRoom).toContain('recognition');
  });

  test('a pick outside the item before the round is refused and nothing is sent', async () => {
    const { room, people: [ana, bo] } = await forumInCoffee();
    expect(room.moderate({ type: 'goTo', itemIndex: F.round1 }).ok).toBe(true);
    await room.settle();
    bo!.flush();
    const refused = await pick(ana!, room.agenda.state.version, 'quality');
    expect(refused).toMatchObject({ ok: false, code: 'not_allowed_now' });
    room.time.advanceBy(ROSTER_PUSH_INTERVAL_MS);
    expect(boards(bo!)).toStrictEqual([]);
  });
});

// Reactions over the in-memory room: counted per room, one message per room per interval, a per-person limit.
import { expect, test } from 'vitest';
import { EVENTS, REACTION_INTERVAL_MS, REACTIONS_PER_WINDOW, type ReactionCounts } from '@live-workshop/shared';
import { memoryRoom } from '../memoryRoom.js';
import type { MemorySocket } from '../realtime/memoryTransport.js';

const counted = (s: MemorySocket) => s.flush().filter((r) => r.event === EVENTS.reactionsCounted).map((r) => r.args[0] as ReactionCounts);

async function room() {
  const r = memoryRoom();
  r.moderate({ type: 'start' });
  const [mo, ...people] = await r.joinAll([['mo', 'moderator'], ...Array.from({ length: 20 }, (_, i) => [`a${i}`, 'attendee', ['skills']] as const)]);
  return { r, people, mo };
}

test('everyone clapping within an interval is one message per person in the room, with the total', async () => {
  const { r, people, mo } = await room();
  for (const p of people) expect(await p.request(EVENTS.reactionSend, { reaction: 'clap' })).toEqual({ ok: true, data: { counted: true } });
  await people[0]!.request(EVENTS.reactionSend, { reaction: 'party' });
  expect(counted(mo)).toEqual([]);
  r.time.advanceBy(REACTION_INTERVAL_MS);
  for (const s of [people[5]!, mo]) expect(counted(s)).toEqual([{ roomId: 'plenary', at: expect.any(Number), intervalMs: REACTION_INTERVAL_MS, counts: { clap: 20, party: 1 } }]);
  r.time.advanceBy(REACTION_INTERVAL_MS * 3);
  expect(counted(mo)).toEqual([]);
});

test(`one person may send ${REACTIONS_PER_WINDOW} reactions in a burst, then waits; an unknown reaction is refused`, async () => {
  const { people } = await room();
  const me = people[0]!;
  for (let i = 0; i < REACTIONS_PER_WINDOW; i++) expect(await me.request(EVENTS.reactionSend, { reaction: 'heart' })).toMatchObject({ ok: true });
  expect(await me.request(EVENTS.reactionSend, { reaction: 'heart' })).toMatchObject({ ok: false, code: 'rate_limited' });
  expect(await people[1]!.request(EVENTS.reactionSend, { reaction: 'poo' })).toMatchObject({ ok: false, code: 'invalid_payload' });
});

test('reactions stay in their room: a breakout hears only its own', async () => {
  const { r, people } = await room();
  const other = await r.join('t0', 'attendee', ['trust']);
  r.moderate({ type: 'next' });
  await r.settle();
  for (const s of [...people, other]) s.flush();
  await people[0]!.request(EVENTS.reactionSend, { reaction: 'laugh' });
  r.time.advanceBy(REACTION_INTERVAL_MS);
  expect(counted(people[1]!)).toMatchObject([{ roomId: 'breakout:skills', counts: { laugh: 1 } }]);
  expect(counted(other)).toEqual([]);
});

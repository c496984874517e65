// Polls over the in-memory room: launched prepared or ad hoc, to everyone or one room; one answer
// per person, changed until closed; results to moderators live, to the audience once shown;
// closed by hand or on a timer that a restart re-arms.
import { describe, expect, test } from 'vitest';
import { EVENTS, POLL_PUSH_INTERVAL_MS, placementOf, type PollView } from '@live-workshop/shared';
import { memoryRoom } from '../memoryRoom.js';
import type { MemorySocket } from '../realtime/memoryTransport.js';
import { createLog } from '../../platform/log.js';
import { createRequestLimiter } from '../realtime/handle.js';
import { createLiveSegment } from '../segment/liveSegment.js';
import { pollsTable } from './pollRoutes.js';

const seen = (s: MemorySocket, event: 'poll:changed' | 'poll:tallied' = EVENTS.pollChanged) =>
  s.flush().filter((r) => r.event === event).map((r) => r.args[0] as PollView);

async function plenary() {
  const room = memoryRoom();
  room.moderate({ type: 'start' });
  const [ada, bo, mo, sp] = await room.joinAll([['ada', 'attendee', ['skills']], ['bo', 'attendee', ['trust']], ['mo', 'moderator'], ['sp', 'speaker']]);
  return { room, ada, bo, mo, sp };
}

const everyone = { kind: 'everyone' } as const;

describe('launching', () => {
  test('a prepared poll opens for everyone at once; moderators see it with results', async () => {
    const { ada, mo } = await plenary();
    expect(await mo.request(EVENTS.pollLaunch, { poll: { preparedId: 'recognition' }, audience: everyone })).toEqual({ ok: true, data: { pollId: 'poll-1' } });
    const [opened] = seen(ada);
    expect(opened).toMatchObject({ id: 'poll-1', status: 'open', definition: { kind: 'single', options: expect.arrayContaining(['Quality assurance']) }, results: null });
    expect(seen(mo, EVENTS.pollTallied)[0]?.results).toEqual({ voters: 0, counts: [0, 0, 0, 0], words: [] });
  });

  test.each([
    ['an unknown prepared poll', { preparedId: 'nope' }, 'unknown_item'],
    ['a choice poll with one option', { question: 'Q', kind: 'single', options: ['only'] }, 'invalid_payload'],
    ['a rating poll with options', { question: 'Q', kind: 'rating', options: ['x', 'y'] }, 'invalid_payload'],
  ])('%s is refused', async (_what, poll, code) => {
    const { mo } = await plenary();
    expect(await mo.request(EVENTS.pollLaunch, { poll, audience: everyone })).toMatchObject({ ok: false, code });
  });

  test('attendees and speakers outside a breakout cannot launch; an unknown room is refused', async () => {
    const { ada, sp, mo } = await plenary();
    const adHoc = { question: 'Tea or coffee?', kind: 'single', options: ['Tea', 'Coffee'] };
    expect(await ada.request(EVENTS.pollLaunch, { poll: adHoc, audience: everyone })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await sp.request(EVENTS.pollLaunch, { poll: adHoc, audience: { kind: 'room', roomId: 'plenary' } })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await mo.request(EVENTS.pollLaunch, { poll: adHoc, audience: { kind: 'room', roomId: 'breakout:nowhere' } })).toMatchObject({ ok: false, code: 'unknown_breakout' });
  });

  test('a poll for one breakout reaches only that room, and only its people answer', async () => {
    const { room, ada, bo, mo } = await plenary();
    room.moderate({ type: 'next' });
    await room.settle();
    for (const s of [ada, bo, mo]) s.flush();
    const adHoc = { question: 'Ready to report back?', kind: 'single', options: ['Yes', 'No'] };
    const launched = await mo.request<{ pollId: string }>(EVENTS.pollLaunch, { poll: adHoc, audience: { kind: 'room', roomId: 'breakout:skills' } });
    expect(seen(ada).map((p) => p.id)).toEqual(['poll-1']);
    expect(seen(bo)).toEqual([]);
    const pollId = launched.ok ? launched.data.pollId : '';
    expect(await bo.request(EVENTS.pollVote, { pollId, answer: { kind: 'single', choice: 0 } })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await ada.request(EVENTS.pollVote, { pollId, answer: { kind: 'single', choice: 0 } })).toMatchObject({ ok: true });
  });
});

describe('answering', () => {
  test('one answer per person, changed until closed; moderators get one push per interval; the audience sees results only once shown', async () => {
    const { room, ada, bo, mo } = await plenary();
    await mo.request(EVENTS.pollLaunch, { poll: { preparedId: 'recognition' }, audience: everyone });
    for (const s of [ada, bo, mo]) s.flush();
    expect(await ada.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'single', choice: 0 } })).toMatchObject({ ok: true });
    expect(await ada.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'single', choice: 3 } })).toMatchObject({ ok: true });
    expect(await bo.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'single', choice: 3 } })).toMatchObject({ ok: true });
    expect(await bo.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'single', choice: 7 } })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await bo.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'rating', rating: 3 } })).toMatchObject({ ok: false, code: 'invalid_payload' });
    room.time.advanceBy(POLL_PUSH_INTERVAL_MS);
    const tallies = seen(mo, EVENTS.pollTallied);
    expect(tallies.map((p) => p.results)).toEqual([{ voters: 2, counts: [0, 0, 0, 2], words: [] }]);
    expect(seen(ada)).toEqual([]);

    expect(await ada.request(EVENTS.pollControl, { pollId: 'poll-1', action: { type: 'close' } })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await mo.request(EVENTS.pollControl, { pollId: 'poll-1', action: { type: 'close' } })).toMatchObject({ ok: true });
    expect(seen(ada).at(-1)).toMatchObject({ status: 'closed', results: null });
    expect(await bo.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'single', choice: 1 } })).toMatchObject({ ok: false, code: 'not_allowed_now' });
    expect(await mo.request(EVENTS.pollControl, { pollId: 'poll-1', action: { type: 'showResults', shown: true } })).toMatchObject({ ok: true });
    expect(seen(ada).at(-1)).toMatchObject({ status: 'closed', resultsShown: true, results: { voters: 2, counts: [0, 0, 0, 2] } });
  });

  test('a timer closes the poll; after a restart, answers stay and the timer is armed again', async () => {
    const { room, ada, mo } = await plenary();
    await mo.request(EVENTS.pollLaunch, { poll: { question: 'One word?', kind: 'word' }, audience: everyone, durationSeconds: 60 });
    await ada.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'word', word: 'Trust' } });
    room.liveSegment.close();
    const restarted = createLiveSegment({
      db: room.db, transport: () => room.transport, state: () => room.agenda.state, clock: room.time, scheduler: room.time, log: createLog('silent'), limiter: createRequestLimiter(),
    });
    expect(restarted.polls.all()[0]).toMatchObject({ status: 'open', results: { voters: 1, words: [{ word: 'trust', count: 1 }] } });
    expect(restarted.polls.for('ada', 'plenary').answers).toEqual([{ pollId: 'poll-1', answer: { kind: 'word', word: 'Trust' } }]);
    ada.flush();
    room.time.advanceBy(60_000);
    expect(restarted.polls.all()[0]?.status).toBe('closed');
    expect(seen(ada).at(-1)?.status).toBe('closed');
  });

  test('a new connection gets the polls put to it and its own answers', async () => {
    const { room, ada, mo } = await plenary();
    await mo.request(EVENTS.pollLaunch, { poll: { question: 'Rate it', kind: 'rating' }, audience: everyone });
    await ada.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'rating', rating: 4 } });
    const again = room.transport.connect({ participantId: 'ada', role: 'attendee' });
    const events = again.flush();
    expect(events.find((e) => e.event === EVENTS.pollChanged)?.args[0]).toMatchObject({ id: 'poll-1', status: 'open' });
    expect(events.find((e) => e.event === EVENTS.pollsAnswered)?.args[0]).toEqual({ answers: [{ pollId: 'poll-1', answer: { kind: 'rating', rating: 4 } }] });
  });
});

test('the export has a row per answer with its count; a person\'s answers are in their data and stay counted once erased', async () => {
  const { room, ada, bo, mo } = await plenary();
  await mo.request(EVENTS.pollLaunch, { poll: { question: 'Rate it', kind: 'rating' }, audience: everyone });
  await ada.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'rating', rating: 5 } });
  await bo.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'rating', rating: 5 } });
  const { rows } = pollsTable(room.liveSegment.polls);
  expect(rows.map((r) => [r[8], r[9]])).toEqual([['1 ★', 0], ['2 ★★', 0], ['3 ★★★', 0], ['4 ★★★★', 0], ['5 ★★★★★', 2]]);
  expect(room.liveSegment.personalData.exportOf('ada').pollAnswers).toEqual([{ pollId: 'poll-1', answer: { kind: 'rating', rating: 5 }, at: expect.any(String) }]);
  room.liveSegment.personalData.erase('ada', 'deleted participant');
  expect(room.liveSegment.personalData.exportOf('ada').pollAnswers).toEqual([]);
  expect(room.liveSegment.polls.all()[0]?.results?.counts).toEqual([0, 0, 0, 0, 2]);
});

describe('a breakout facilitator', () => {
  /** The seed workshop with its staff in the breakout rooms: the speakers facilitate one each. */
  async function breakoutsWithStaff() {
    const room = memoryRoom({ edit: (seed) => ({ ...seed, agenda: seed.agenda.map((item) => (item.kind === 'breakouts' ? { ...item, staffPlacement: 'breakouts' as const } : item)) }) });
    room.moderate({ type: 'start' });
    const [ada, bo, sp] = await room.joinAll([['ada', 'attendee', ['skills']], ['bo', 'attendee', ['trust']], ['sp', 'speaker']]);
    room.moderate({ type: 'reassign', participantId: 'sp', breakoutId: 'skills' });
    room.moderate({ type: 'next' });
    await room.settle();
    const here = placementOf(room.agenda.state, 'sp').roomId!;
    for (const s of [ada, bo, sp]) s.flush();
    return { room, ada, bo, sp, here };
  }
  const adHoc = { question: 'Which example first?', kind: 'single', options: ['Ours', 'Theirs'] } as const;

  test('runs a poll in their room only, watches its results live, shows them and closes it', async () => {
    const { room, ada, bo, sp, here } = await breakoutsWithStaff();
    expect(here).toBe('breakout:skills');
    expect(await sp.request(EVENTS.pollLaunch, { poll: adHoc, audience: { kind: 'room', roomId: 'breakout:trust' } })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await sp.request(EVENTS.pollLaunch, { poll: adHoc, audience: everyone })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await sp.request(EVENTS.pollLaunch, { poll: adHoc, audience: { kind: 'room', roomId: here } })).toEqual({ ok: true, data: { pollId: 'poll-1' } });
    // Its results, from the start, reach the one who launched it (the room's people see none yet).
    expect(seen(sp, EVENTS.pollTallied).map((p) => p.results)).toEqual([{ voters: 0, counts: [0, 0], words: [] }]);
    const [member, outsider] = [ada, bo];
    expect(seen(member).map((p) => p.id)).toEqual(['poll-1']);
    expect(seen(outsider)).toEqual([]);
    expect(await member.request(EVENTS.pollVote, { pollId: 'poll-1', answer: { kind: 'single', choice: 1 } })).toMatchObject({ ok: true });
    room.time.advanceBy(POLL_PUSH_INTERVAL_MS);
    expect(seen(sp, EVENTS.pollTallied).map((p) => p.results)).toEqual([{ voters: 1, counts: [0, 1], words: [] }]);
    expect(await sp.request(EVENTS.pollControl, { pollId: 'poll-1', action: { type: 'showResults', shown: true } })).toMatchObject({ ok: true });
    expect(seen(member).at(-1)).toMatchObject({ resultsShown: true, results: { voters: 1, counts: [0, 1] } });
    expect(await sp.request(EVENTS.pollControl, { pollId: 'poll-1', action: { type: 'close' } })).toMatchObject({ ok: true });
    // Reconnecting, the facilitator gets the polls they launched with their results.
    const again = room.transport.connect({ participantId: 'sp', role: 'speaker' });
    expect(again.flush().filter((e) => e.event === EVENTS.pollTallied).map((e) => e.args[0])).toMatchObject([{ id: 'poll-1', status: 'closed', results: { voters: 1 } }]);
  });
});

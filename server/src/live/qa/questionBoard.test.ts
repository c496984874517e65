// Questions from the audience over the in-memory room: asking, anonymity, moderation, votes once,
// limits, one push per interval, and the board surviving a restart on the same data file.
import { describe, expect, test } from 'vitest';
import {
  EVENTS, QUESTION_MAX_CHARS, QUESTIONS_PER_MINUTE, QUESTIONS_PUSH_INTERVAL_MS, VOTE_COUNTS_INTERVAL_MS, type ModeratorBoardView, type QuestionBoardView,
} from '@live-workshop/shared';
import { memoryRoom } from '../memoryRoom.js';
import type { MemorySocket } from '../realtime/memoryTransport.js';
import { createLog } from '../../platform/log.js';
import { createRequestLimiter } from '../realtime/handle.js';
import { createLiveSegment } from '../segment/liveSegment.js';
import { questionsTable } from './questionRoutes.js';

const boards = (s: MemorySocket) => s.flush().filter((r) => r.event === EVENTS.questionsChanged).map((r) => r.args[0] as QuestionBoardView);
const modBoards = (s: MemorySocket) => s.flush().filter((r) => r.event === EVENTS.questionsModerated).map((r) => r.args[0] as ModeratorBoardView);

async function plenaryRoom() {
  const room = memoryRoom();
  room.moderate({ type: 'start' });
  const [ada, bo, mo] = await room.joinAll([['ada', 'attendee', ['skills']], ['bo', 'attendee', ['trust']], ['mo', 'moderator']]);
  const push = () => room.time.advanceBy(QUESTIONS_PUSH_INTERVAL_MS);
  return { room, ada, bo, mo, push };
}

describe('asking', () => {
  test('a question reaches the room at once; anonymous to the room, never to moderators', async () => {
    const { ada, bo, mo, push } = await plenaryRoom();
    expect(await ada.request(EVENTS.questionAsk, { text: '  How are credits stacked?  ', anonymous: true })).toEqual({ ok: true, data: { id: 1, status: 'approved' } });
    push();
    const [seen] = boards(bo);
    expect(seen?.questions).toEqual([{ id: 1, text: 'How are credits stacked?', author: null, askedAt: expect.any(Number), votes: 0, answered: false }]);
    expect(modBoards(mo)[0]?.questions[0]).toMatchObject({ id: 1, authorId: 'ada', authorName: 'Person ada', anonymous: true });
  });

  test.each([
    ['empty', '   '],
    ['too long', 'x'.repeat(QUESTION_MAX_CHARS + 1)],
  ])('an %s question is refused and nothing is sent', async (_what, text) => {
    const { ada, bo, push } = await plenaryRoom();
    expect(await ada.request(EVENTS.questionAsk, { text })).toMatchObject({ ok: false, code: 'invalid_payload' });
    push();
    expect(boards(bo)).toEqual([]);
  });

  test(`a person may ask ${QUESTIONS_PER_MINUTE} questions a minute, then waits`, async () => {
    const { ada } = await plenaryRoom();
    for (let i = 0; i < QUESTIONS_PER_MINUTE; i++) expect(await ada.request(EVENTS.questionAsk, { text: `question ${i}` })).toMatchObject({ ok: true });
    expect(await ada.request(EVENTS.questionAsk, { text: 'one more' })).toMatchObject({ ok: false, code: 'rate_limited' });
  });

  test('questions belong to the plenary: nobody asks from a breakout', async () => {
    const { room, ada } = await plenaryRoom();
    room.moderate({ type: 'next' });
    expect(await ada.request(EVENTS.questionAsk, { text: 'from a breakout' })).toMatchObject({ ok: false, code: 'not_allowed_now' });
  });
});

describe('moderation', () => {
  test('under approval a question waits for a moderator; then the room sees it', async () => {
    const { ada, bo, mo, push } = await plenaryRoom();
    expect(await mo.request(EVENTS.questionConfigure, { moderation: 'approval' })).toMatchObject({ ok: true });
    expect(await ada.request(EVENTS.questionAsk, { text: 'Pending?' })).toMatchObject({ ok: true, data: { status: 'pending' } });
    push();
    expect(boards(bo).at(-1)?.questions).toEqual([]);
    expect(modBoards(mo).at(-1)?.questions.map((q) => q.status)).toEqual(['pending']);
    expect(await bo.request(EVENTS.questionUpvote, { questionId: 1 })).toMatchObject({ ok: false, code: 'unknown_item' });
    expect(await mo.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'approve' } })).toMatchObject({ ok: true });
    push();
    expect(boards(bo).at(-1)?.questions.map((q) => q.text)).toEqual(['Pending?']);
  });

  test('only moderators moderate', async () => {
    const { ada } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'Mine' });
    expect(await ada.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'hide' } })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await ada.request(EVENTS.questionConfigure, { moderation: 'approval' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  test('pin shows the question above the stage; edit, answered and hide follow; hiding unpins', async () => {
    const { ada, bo, mo, push } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'Waht about quality?' });
    await mo.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'edit', text: 'What about quality?' } });
    await mo.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'pin' } });
    push();
    expect(boards(bo).at(-1)?.pinned).toMatchObject({ id: 1, text: 'What about quality?', author: 'Person ada', answered: false });
    await mo.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'answered', answered: true } });
    push();
    expect(boards(bo).at(-1)?.questions[0]?.answered).toBe(true);
    await mo.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'hide' } });
    push();
    expect(boards(bo).at(-1)).toMatchObject({ questions: [], pinned: null });
  });

  test('a pending question cannot be pinned', async () => {
    const { ada, mo } = await plenaryRoom();
    await mo.request(EVENTS.questionConfigure, { moderation: 'approval' });
    await ada.request(EVENTS.questionAsk, { text: 'Wait' });
    expect(await mo.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'pin' } })).toMatchObject({ ok: false, code: 'not_allowed_now' });
  });

  test('merging a duplicate adds its voters to the original once each, and the pin follows', async () => {
    const { room, ada, bo, mo, push } = await plenaryRoom();
    const cy = await room.join('cy', 'attendee', ['skills']);
    await room.settle();
    await ada.request(EVENTS.questionAsk, { text: 'Are they portable?' });
    await bo.request(EVENTS.questionAsk, { text: 'Portable across borders?' });
    await cy.request(EVENTS.questionUpvote, { questionId: 1 });
    await cy.request(EVENTS.questionUpvote, { questionId: 2 });
    await ada.request(EVENTS.questionUpvote, { questionId: 2 });
    await mo.request(EVENTS.questionModerate, { questionId: 2, action: { type: 'pin' } });
    expect(await mo.request(EVENTS.questionModerate, { questionId: 2, action: { type: 'merge', into: 2 } })).toMatchObject({ ok: false, code: 'unknown_item' });
    expect(await mo.request(EVENTS.questionModerate, { questionId: 2, action: { type: 'merge', into: 1 } })).toMatchObject({ ok: true });
    push();
    const board = boards(cy).at(-1)!;
    expect(board.questions.map((q) => [q.id, q.votes])).toEqual([[1, 2]]);
    expect(board.pinned?.id).toBe(1);
    expect(await mo.request(EVENTS.questionModerate, { questionId: 2, action: { type: 'hide' } })).toMatchObject({ ok: false, code: 'unknown_item' });
  });
});

describe('votes', () => {
  test('one upvote per person, never for one\'s own question', async () => {
    const { ada, bo } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'Q' });
    expect(await ada.request(EVENTS.questionUpvote, { questionId: 1 })).toMatchObject({ ok: false, code: 'not_allowed_now' });
    expect(await bo.request(EVENTS.questionUpvote, { questionId: 1 })).toEqual({ ok: true, data: { votes: 1 } });
    expect(await bo.request(EVENTS.questionUpvote, { questionId: 1 })).toMatchObject({ ok: false, code: 'not_allowed_now' });
    expect(await bo.request(EVENTS.questionUpvote, { questionId: 99 })).toMatchObject({ ok: false, code: 'unknown_item' });
  });

  test('many votes within one interval reach each person as one message', async () => {
    const { room, ada, bo, mo, push } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'Popular' });
    const voters = await Promise.all(Array.from({ length: 30 }, (_, i) => room.join(`v${i}`, 'attendee', ['skills'])));
    await room.settle();
    for (const s of [ada, bo, mo, ...voters]) s.flush();
    for (const v of voters) expect(await v.request(EVENTS.questionUpvote, { questionId: 1 })).toMatchObject({ ok: true });
    push();
    const seen = boards(bo);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.questions[0]!.votes).toBe(30);
    expect(modBoards(mo)).toHaveLength(1);
  });

  test('votes alone go out as their new counts, once per counts interval; the next other change sends the whole board again', async () => {
    const { room, ada, bo, mo, push } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'First' });
    await bo.request(EVENTS.questionAsk, { text: 'Second' });
    push();
    const voters = await Promise.all(Array.from({ length: 5 }, (_, i) => room.join(`w${i}`, 'attendee', ['skills'])));
    await room.settle();
    for (const s of [ada, bo, mo, ...voters]) s.flush();
    for (const v of voters) expect(await v.request(EVENTS.questionUpvote, { questionId: 2 })).toMatchObject({ ok: true });
    expect(await ada.request(EVENTS.questionUpvote, { questionId: 2 })).toMatchObject({ ok: true });
    push();
    expect(bo.flush()).toEqual([]);
    room.time.advanceBy(VOTE_COUNTS_INTERVAL_MS - QUESTIONS_PUSH_INTERVAL_MS);
    const sent = bo.flush();
    expect(sent.map((r) => r.event)).toEqual([EVENTS.questionsCounted]);
    expect(sent[0]!.args[0]).toEqual({ revision: expect.any(Number), votes: [{ id: 2, votes: 6 }] });
    expect(modBoards(mo).at(-1)?.questions.map((q) => q.votes)).toEqual([0, 6]);
    // Nothing new, nothing sent.
    room.time.advanceBy(VOTE_COUNTS_INTERVAL_MS);
    expect(bo.flush()).toEqual([]);
    // A vote, then a new question within the interval: one whole board carries both.
    await bo.request(EVENTS.questionUpvote, { questionId: 1 });
    await voters[0]!.request(EVENTS.questionAsk, { text: 'Third' });
    room.time.advanceBy(VOTE_COUNTS_INTERVAL_MS);
    const after = bo.flush();
    expect(after.map((r) => r.event)).toEqual([EVENTS.questionsChanged]);
    expect((after[0]!.args[0] as QuestionBoardView).questions.map((q) => [q.text, q.votes])).toEqual([['First', 1], ['Second', 6], ['Third', 0]]);
  });

  test('a new connection is told which questions it upvoted', async () => {
    const { room, ada, bo } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'Q' });
    await bo.request(EVENTS.questionUpvote, { questionId: 1 });
    const again = room.transport.connect({ participantId: 'bo', role: 'attendee' });
    const voted = again.flush().find((r) => r.event === EVENTS.questionsVoted);
    expect(voted?.args[0]).toEqual({ questionIds: [1] });
  });
});

describe('after a restart and after the event', () => {
  test('questions, votes, the pin and the moderation mode survive a new board on the same data file', async () => {
    const { room, ada, bo, mo } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'Kept?' });
    await bo.request(EVENTS.questionUpvote, { questionId: 1 });
    await mo.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'pin' } });
    await mo.request(EVENTS.questionConfigure, { moderation: 'approval' });
    const before = room.liveSegment.questions.roomView();
    room.liveSegment.close();
    const restarted = createLiveSegment({
      db: room.db, transport: () => room.transport, state: () => room.agenda.state, clock: room.time, scheduler: room.time, log: createLog('silent'), limiter: createRequestLimiter(),
    });
    expect({ ...restarted.questions.roomView(), revision: 0 }).toEqual({ ...before, revision: 0 });
    expect(restarted.questions.roomView()).toMatchObject({ moderation: 'approval', pinned: { id: 1, votes: 1 } });
    expect(restarted.questions.votedBy('bo')).toEqual([1]);
    expect(await restarted.questions.upvote('bo', 1)).toMatchObject({ ok: false, code: 'not_allowed_now' });
  });

  test('the export lists every question with its author, votes and answered state', async () => {
    const { room, ada, bo, mo } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'Exported', anonymous: true });
    await bo.request(EVENTS.questionUpvote, { questionId: 1 });
    await mo.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'answered', answered: true } });
    const { header, rows } = questionsTable(room.liveSegment.questions);
    expect(header).toContain('votes');
    expect(rows).toEqual([[1, expect.any(String), 'Person ada', true, 'Exported', 'approved', 1, expect.any(String), '', false]]);
  });

  test('a person\'s data: their questions and votes are in their export; erased, the questions stay without them', async () => {
    const { room, ada, bo } = await plenaryRoom();
    await ada.request(EVENTS.questionAsk, { text: 'Mine' });
    await bo.request(EVENTS.questionAsk, { text: 'Theirs' });
    await ada.request(EVENTS.questionUpvote, { questionId: 2 });
    expect(room.liveSegment.personalData.exportOf('ada')).toEqual({
      questionsAsked: [{ id: 1, text: 'Mine', anonymous: false, askedAt: expect.any(String), status: 'approved', votes: 0 }],
      questionsUpvoted: [2],
      pollAnswers: [],
      captionsWritten: [],
    });
    room.liveSegment.personalData.erase('ada', 'deleted participant');
    expect(room.liveSegment.personalData.exportOf('ada')).toEqual({ questionsAsked: [], questionsUpvoted: [], pollAnswers: [], captionsWritten: [] });
    const view = room.liveSegment.questions.roomView();
    expect(view.questions.map((q) => [q.text, q.author, q.votes])).toEqual([['Mine', null, 0], ['Theirs', 'Person bo', 1]]);
    expect(JSON.stringify(room.liveSegment.questions.moderatorView())).not.toContain('"ada"');
    const row = room.db.prepare(`SELECT COUNT(*) AS n FROM question_votes WHERE voter_id = 'ada'`).get() as { n: number };
    expect(row.n).toBe(0);
  });
});

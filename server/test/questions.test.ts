// Questions over real Socket.IO clients: what other clients receive, the per-person limit, the
// CSV export and a person's data, and the board as it was after the app restarts on its data file.
import { afterEach, expect, test } from 'vitest';
import { EVENTS, QUESTIONS_PER_MINUTE, type QuestionBoardView } from '@live-workshop/shared';
import type { App } from '../src/app.js';
import { register, staffCredential, startTestApp, tempDbPath, TestClient } from './harness.js';

const clients: TestClient[] = [];
const apps: App[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const a of apps.splice(0)) await a.close();
});

async function started(dbPath: string) {
  const { app, url } = await startTestApp({ dbPath });
  apps.push(app);
  const connect = async (credential: string) => {
    const c = new TestClient(url, credential);
    clients.push(c);
    await c.connected();
    return c;
  };
  const moderator = await connect(await staffCredential(app, 'anastasia-pouliou'));
  return { app, url, connect, moderator };
}

test('asked, upvoted, pinned: the others hear it; limits hold; exported; and after a restart it is all still there', async () => {
  const dbPath = tempDbPath();
  const { app, url, connect, moderator } = await started(dbPath);
  const [ada, bo] = await Promise.all(['Ada', 'Bo'].map((n) => register(url, { name: `${n} Asker`, email: `${n.toLowerCase()}@example.org`, preferences: ['skills'] })));
  const [adaC, boC] = [await connect(ada!.body.credential), await connect(bo!.body.credential)];
  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  await adaC.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');

  expect(await adaC.request(EVENTS.questionAsk, { text: 'Do credits stack?', anonymous: true })).toEqual({ ok: true, data: { id: 1, status: 'approved' } });
  expect(await boC.request(EVENTS.questionUpvote, { questionId: 1 })).toEqual({ ok: true, data: { votes: 1 } });
  expect(await boC.request(EVENTS.questionUpvote, { questionId: 1 })).toMatchObject({ ok: false, code: 'not_allowed_now' });
  expect(await boC.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'pin' } })).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await moderator.request(EVENTS.questionModerate, { questionId: 1, action: { type: 'pin' } })).toMatchObject({ ok: true });
  const seen = await boC.next(EVENTS.questionsChanged, (b) => b.pinned?.id === 1);
  expect(seen.pinned).toEqual({ id: 1, text: 'Do credits stack?', author: null, askedAt: expect.any(Number), votes: 1, answered: false });
  const moderated = await moderator.next(EVENTS.questionsModerated, (b) => b.pinnedId === 1);
  expect(moderated.questions[0]).toMatchObject({ authorName: 'Ada Asker', anonymous: true });

  for (let i = 1; i < QUESTIONS_PER_MINUTE; i++) expect(await adaC.request(EVENTS.questionAsk, { text: `More ${i}` })).toMatchObject({ ok: true });
  expect(await adaC.request(EVENTS.questionAsk, { text: 'Too many' })).toMatchObject({ ok: false, code: 'rate_limited' });
  expect(await adaC.request(EVENTS.questionAsk, { text: 42 } as never)).toMatchObject({ ok: false, code: 'invalid_payload' });

  const modCredential = await staffCredential(app, 'anastasia-pouliou');
  const csv = await fetch(`${url}/api/moderator/questions.csv`, { headers: { authorization: `Bearer ${modCredential}` } });
  expect(csv.status).toBe(200);
  const text = await csv.text();
  expect(text).toContain('"1","');
  expect(text).toContain('"Ada Asker","yes","Do credits stack?","approved","1","","","yes"');
  expect((await fetch(`${url}/api/moderator/questions.csv`, { headers: { authorization: `Bearer ${ada!.body.credential}` } })).status).toBe(403);

  const mine = await (await fetch(`${url}/api/me/data`, { headers: { authorization: `Bearer ${bo!.body.credential}` } })).json() as { questionsUpvoted: number[] };
  expect(mine.questionsUpvoted).toEqual([1]);

  for (const c of clients.splice(0)) c.close();
  await apps.splice(0)[0]!.close();
  const again = await started(dbPath);
  const boAgain = await again.connect(bo!.body.credential);
  const board: QuestionBoardView = await boAgain.next(EVENTS.questionsChanged);
  expect(board.pinned).toMatchObject({ id: 1, votes: 1 });
  expect(board.questions.map((q) => q.text)).toEqual(['Do credits stack?', 'More 1', 'More 2']);
  expect(await boAgain.next(EVENTS.questionsVoted)).toEqual({ questionIds: [1] });
  expect(await boAgain.request(EVENTS.questionUpvote, { questionId: 1 })).toMatchObject({ ok: false, code: 'not_allowed_now' });
});

// The live segment in real browsers, for the seed journey's ReferNet segment: attendees ask and
// upvote questions, the moderator approves and pins one, the speakers and everyone see it.
import { waitFor } from '@live-workshop/testkit';
import type { Person } from './workshop.js';

/** Who takes part in the live segment's steps. */
export interface LiveSegmentCast {
  readonly moderator: Person;
  readonly speakers: readonly Person[];
  readonly attendees: readonly Person[];
}

const POLL_MS = 250;

/** The question on a page whose text is `text` (in a list with test id `list`). */
const questionIn = (p: Person, list: string, text: string) =>
  p.testId(list).getByTestId(list === 'qa-moderation' ? 'qa-mod-question' : 'question').filter({ hasText: text });

async function ask(p: Person, text: string, anonymous: boolean): Promise<void> {
  await p.testId('question-input').fill(text);
  if (anonymous) await p.testId('question-anonymous').check();
  await p.testId('question-ask').click();
  await waitFor(async () => (await p.testId('question-input').inputValue()) === '', { intervalMs: POLL_MS, what: `${p.key}: the question to be sent` });
}

/**
 * Questions (the event asks for approval): two attendees ask (one anonymously), the moderator
 * approves both, four attendees upvote the first, the moderator pins it; every attendee sees it
 * above the stage and each speaker in their queue. Returns a line for the summary.
 */
export async function questionsFromTheAudience({ moderator, speakers, attendees }: LiveSegmentCast): Promise<string> {
  const [asker, anonymousAsker, ...voters] = attendees;
  if (!asker || !anonymousAsker || voters.length < 4) throw new Error('the questions step needs six attendees');
  const popular = 'How will microcredentials be recognised across borders?';
  const other = 'Who pays for the assessment?';
  await ask(asker, popular, false);
  await ask(anonymousAsker, other, true);
  await waitFor(async () => (await anonymousAsker.textOf('question-message'))?.includes('approved') ?? false, { intervalMs: POLL_MS, what: 'the asker to hear the question waits for approval' });
  // Nothing reaches the room before a moderator approves it.
  if ((await voters[0]!.testId('question-list').getByTestId('question').count()) !== 0) throw new Error('a question reached the room before approval');

  for (const text of [popular, other]) {
    const row = questionIn(moderator, 'qa-moderation', text);
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('qa-approve').click();
  }
  const anonymousRow = questionIn(moderator, 'qa-moderation', other);
  await waitFor(async () => ((await anonymousRow.textContent()) ?? '').includes(`${anonymousAsker.name} (anonymous to the room)`), { intervalMs: POLL_MS, what: 'the moderator to see who asked anonymously' });

  const started = Date.now();
  await Promise.all(voters.slice(0, 4).map(async (v) => {
    const row = questionIn(v, 'question-list', popular);
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('question-upvote').click();
    await waitFor(async () => (await row.getByTestId('question-upvote').textContent())?.startsWith('Upvoted') ?? false, { intervalMs: POLL_MS, what: `${v.key}: the upvote to count` });
  }));
  await waitFor(async () => (await questionIn(asker, 'question-list', popular).getByTestId('question-votes').textContent()) === '4', {
    intervalMs: POLL_MS, what: 'four votes to show on the asker\'s page',
  });
  const votesSeenMs = Date.now() - started;
  const anonymousShown = (await questionIn(asker, 'question-list', other).textContent()) ?? '';
  if (!anonymousShown.includes('Anonymous') || anonymousShown.includes(anonymousAsker.name)) throw new Error(`the anonymous question names its author: ${anonymousShown}`);
  // By votes, the popular question comes first.
  const first = await asker.testId('question-list').getByTestId('question').first().textContent();
  if (!first?.includes(popular)) throw new Error(`the most upvoted question is not first: ${first}`);

  await questionIn(moderator, 'qa-moderation', popular).getByTestId('qa-pin').click();
  const pinnedAt = Date.now();
  await Promise.all(attendees.map((a) => waitFor(async () => (await a.textOf('pinned-question-text')) === popular, { intervalMs: POLL_MS, what: `${a.key}: the pinned question above the stage` })));
  await Promise.all(speakers.map((s) => waitFor(async () => (await s.textOf('speaker-pinned'))?.includes(popular) ?? false, { intervalMs: POLL_MS, what: `${s.key}: the pinned question in the speaker's queue` })));
  for (const s of speakers) {
    if ((await s.testId('speaker-question-list').getByTestId('question').count()) !== 2) throw new Error(`${s.key} does not see both approved questions`);
  }
  return `4 upvotes shown to the asker ${votesSeenMs} ms after the first click; pinned question on every page ${Date.now() - pinnedAt} ms after the click`;
}

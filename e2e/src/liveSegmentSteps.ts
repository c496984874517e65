// The live segment in real browsers, for the seed journey's ReferNet segment: attendees ask and
// upvote questions, the moderator approves and pins one, the speakers and everyone see it; a poll
// runs and its result is shown; reactions are counted; a captioner's lines appear on attendees' pages.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RoomServiceClient } from 'livekit-server-sdk';
import { waitFor } from '@live-workshop/testkit';
import { joinWorkshop, openPerson, type Person } from './workshop.js';

/** Who takes part in the live segment's steps. */
export interface LiveSegmentCast {
  readonly moderator: Person;
  readonly speakers: readonly Person[];
  readonly attendees: readonly Person[];
}

/** What the captions step needs besides the cast: a browser for the captioner, their link, LiveKit's room list. */
export interface LiveSegmentStage extends LiveSegmentCast {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly captionerLink: string;
  readonly captionerId: string;
  readonly rooms: RoomServiceClient;
  readonly plenaryRoom: string;
  /** Where the step's screenshots go. */
  readonly shotsDir: string;
}

const POLL_MS = 250;

/** The question on a page whose text is `text` (in a list with test id `list`). */
const questionIn = (p: Person, list: string, text: string) =>
  // By the question's own text: a moderator's row also names the other questions (merge into …).
  p.testId(list).getByTestId(list === 'qa-moderation' ? 'qa-mod-question' : 'question').filter({ has: p.page.locator('p.question-text').getByText(text, { exact: true }) });

async function ask(p: Person, text: string, anonymous: boolean): Promise<void> {
  await p.testId('question-input').fill(text);
  if (anonymous) await p.testId('question-anonymous').check();
  await p.testId('question-ask').click();
  await waitFor(async () => (await p.testId('question-input').inputValue()) === '', { intervalMs: POLL_MS, what: `${p.key}: the question to be sent` });
}

/**
 * Questions (the event asks for approval): two attendees ask (one anonymously), the moderator
 * approves both, the others (up to four) upvote the first, the moderator pins it; every attendee sees it
 * above the stage and each speaker in their queue. Returns a line for the summary.
 */
export async function questionsFromTheAudience({ moderator, speakers, attendees }: LiveSegmentCast): Promise<string> {
  const [asker, anonymousAsker, ...others] = attendees;
  const voters = others.slice(0, 4);
  if (!asker || !anonymousAsker || voters.length < 2) throw new Error('the questions step needs four attendees');
  const votes = String(voters.length);
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
  await Promise.all(voters.map(async (v) => {
    const row = questionIn(v, 'question-list', popular);
    await row.waitFor({ timeout: 15_000 });
    await row.getByTestId('question-upvote').click();
    // Pressed, in any language of the page (its words are the page's: "Upvoted", "Unterstützt", …).
    await waitFor(async () => (await row.getByTestId('question-upvote').getAttribute('aria-pressed')) === 'true', { intervalMs: POLL_MS, what: `${v.key}: the upvote to count` });
  }));
  await waitFor(async () => (await questionIn(asker, 'question-list', popular).getByTestId('question-votes').textContent()) === votes, {
    intervalMs: POLL_MS, what: `${votes} votes to show on the asker's page`,
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
  return `${votes} upvotes shown to the asker ${votesSeenMs} ms after the first click; pinned question on every page ${Date.now() - pinnedAt} ms after the click`;
}

/**
 * A prepared poll: the moderator launches it, every attendee answers (one changes their answer), the
 * moderator watches the live count, closes it and shows the result, which every attendee then sees.
 */
export async function pollWithResult({ moderator, attendees }: LiveSegmentCast): Promise<string> {
  await moderator.testId('poll-launch-recognition').click();
  const openedAt = Date.now();
  await Promise.all(attendees.map((a) => a.testId('poll-question').waitFor({ timeout: 15_000 })));
  const opened = Date.now() - openedAt;
  await Promise.all(attendees.map(async (a, i) => {
    await a.testId('poll-option').nth(i % 2).check();
    await a.testId('poll-submit').click();
    await waitFor(async () => (await a.testId('poll-submit').textContent()) === a.say('polls.change'), { intervalMs: POLL_MS, what: `${a.key}: the answer to be taken` });
  }));
  // One attendee changes their mind: still one answer, now for the third option.
  const [changer] = attendees;
  await changer!.testId('poll-option').nth(2).check();
  await changer!.testId('poll-submit').click();
  await waitFor(async () => (await moderator.textOf('poll-live-results-voters')) === `${attendees.length} answers`, { intervalMs: POLL_MS, what: 'the moderator\'s live count' });
  const counts = async (p: Person, list: string) => Promise.all((await p.testId(list).getByTestId('poll-result-count').all()).map(async (c) => Number(await c.textContent())));
  const expected = [Math.ceil(attendees.length / 2) - 1, Math.floor(attendees.length / 2), 1, 0];
  await waitFor(async () => JSON.stringify(await counts(moderator, 'poll-live-results')) === JSON.stringify(expected), { intervalMs: POLL_MS, what: `the moderator's bars to read ${expected}` });
  await moderator.testId('poll-close').click();
  await moderator.testId('poll-show-results').click();
  await Promise.all(attendees.map((a) => waitFor(async () => JSON.stringify(await counts(a, 'poll-results')) === JSON.stringify(expected), {
    intervalMs: POLL_MS, what: `${a.key}: the poll result`,
  })));
  return `poll on every attendee page ${opened} ms after launch; result ${expected.join('/')} shown to all`;
}

/** Attendees clap (and one celebrates); the speakers see the count. */
export async function reactionsCounted({ speakers, attendees }: LiveSegmentCast): Promise<string> {
  const clappers = attendees.slice(0, 6);
  const started = Date.now();
  await Promise.all(clappers.map(async (a) => {
    await a.testId('react-clap').click();
    await a.testId('react-clap').click();
  }));
  await attendees[0]!.testId('react-party').click();
  const claps = String(clappers.length * 2);
  await Promise.all(speakers.map((s) => waitFor(async () => (await s.textOf('reaction-total-clap')) === claps && (await s.textOf('reaction-total-party')) === '1', {
    intervalMs: POLL_MS, what: `${s.key}: ${claps} claps and a celebration`,
  })));
  return `${claps} claps seen by the speakers ${Date.now() - started} ms after the first click`;
}

/**
 * A captioner joins by their link and types; attendees who turned captions on see the lines under
 * the stage, and the transcript downloads. The captioner leaves again (the journey's rooms end empty).
 */
export async function captionsFromACaptioner(stage: LiveSegmentStage): Promise<string> {
  const { attendees } = stage;
  const captioner = await openPerson(stage.browser, 'captioner', 'Live captioner', 'attendee');
  try {
    await joinWorkshop(captioner, stage.captionerLink);
    await captioner.testId('captioner-console').waitFor({ timeout: 30_000 });
    await Promise.all(attendees.map((a) => a.testId('captions-toggle').click()));
    const line = 'ReferNet experts compare national approaches to microcredentials.';
    const input = captioner.testId('captioner-input');
    await input.pressSequentially('ReferNet experts compare', { delay: 20 });
    await Promise.all(attendees.slice(0, 2).map((a) => waitFor(async () => ((await a.textOf('caption-interim')) ?? '').startsWith('ReferNet'), { intervalMs: POLL_MS, what: `${a.key}: interim captions` })));
    await input.pressSequentially(' national approaches to microcredentials.', { delay: 10 });
    const sentAt = Date.now();
    await input.press('Enter');
    await Promise.all(attendees.map((a) => waitFor(async () => (await a.testId('caption-line').last().textContent().catch(() => null)) === line, { intervalMs: POLL_MS, what: `${a.key}: the caption line` })));
    const shownMs = Date.now() - sentAt;
    const transcript = await fetch(`${stage.baseUrl}/api/captions/transcript?roomId=plenary`, { headers: { authorization: `Bearer ${attendees[0]!.credential}` } });
    const text = await transcript.text();
    if (!text.includes(line)) throw new Error(`the transcript lacks the line: ${text}`);
    await Promise.all([stage.moderator, ...stage.speakers, ...attendees.slice(0, 1)].map((p) => p.page.screenshot({ path: join(stage.shotsDir, `live-segment-${p.key}.png`), fullPage: true })));
    return `caption line on every attendee page ${shownMs} ms after Enter; transcript ${text.trim().split('\n').length} line(s)`;
  } finally {
    await captioner.context.close();
    // Gone from LiveKit before the journey counts who is in which room.
    await stage.rooms.removeParticipant(stage.plenaryRoom, stage.captionerId).catch(() => undefined);
    await waitFor(async () => !(await stage.rooms.listParticipants(stage.plenaryRoom)).some((p) => p.identity === stage.captionerId), {
      intervalMs: POLL_MS, what: 'the captioner to leave the plenary room',
    });
  }
}

/** The whole live segment, step by step; one line for the summary. */
export async function liveSegment(stage: LiveSegmentStage): Promise<string> {
  return [await questionsFromTheAudience(stage), await pollWithResult(stage), await reactionsCounted(stage), await captionsFromACaptioner(stage)].join('; ');
}

// Steps people take in a journey through the workshop's pages, for journeys that are not the
// seed journey (workshop-journey.test.ts keeps its own, with more checks along the way).
import type { EventConfig } from '@live-workshop/shared';
import { waitFor, type MailReader } from '@live-workshop/testkit';
import { registerOnEventPage as fillRegistrationForm } from './registerPage.js';
import type { MoveMetric, Person } from './workshop.js';

/** What an attendee types into the registration form. */
export interface AttendeeForm {
  readonly name: string;
  readonly country: string;
  readonly stakeholderType: string;
  /** Breakout ids, first choice first (two of them). */
  readonly choices: readonly [string, string];
}

/**
 * Register through the event page at `baseUrl` like a person would, and take the join link from
 * the mail in `inbox`; fills in the person's identity and join link (opening it is the next step).
 */
export async function registerOnEventPage(person: Person, baseUrl: string, form: AttendeeForm, inbox: MailReader): Promise<void> {
  const answer = await fillRegistrationForm(person.page, `${baseUrl}/`, {
    name: form.name, email: `${form.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, organisation: 'Deployment Test Organisation',
    country: form.country, stakeholderType: form.stakeholderType, preferences: form.choices,
  }, inbox);
  if (answer.status !== 202) throw new Error(`${person.key}: registration answered ${answer.status} ${JSON.stringify(answer.body)}`);
  person.identity = answer.participantId;
  person.credential = answer.credential;
  person.joinUrl = answer.joinUrl;
}

/** The moderator's cue: the button (checked by its label), then the confirmation. Resolves with the time of the confirm click. */
export async function cue(moderator: Person, testId: 'moderator-next' | 'moderator-end-breakouts', label: string, pollMs = 250): Promise<number> {
  const button = moderator.testId(testId);
  await waitFor(async () => ((await button.textContent()) ?? '').trim() === label, { timeoutMs: 30_000, intervalMs: pollMs, what: `the moderator's "${label}" button` });
  await button.click();
  const confirm = moderator.testId('moderator-confirm');
  await confirm.waitFor({ state: 'visible' });
  const clickedAt = Date.now();
  await confirm.click();
  await confirm.waitFor({ state: 'detached' });
  return clickedAt;
}

/** Wait until a test id shows exactly `text` on each of `people`'s pages. */
export async function waitForText(people: readonly Person[], testId: string, text: string | ((p: Person) => string), timeoutMs = 30_000): Promise<void> {
  await Promise.all(people.map((p) => {
    const wanted = typeof text === 'function' ? text(p) : text;
    return waitFor(async () => (await p.textOf(testId)) === wanted, { timeoutMs, intervalMs: 250, what: `${p.key}: ${testId} "${wanted}"` })
      .catch(async (e: Error) => {
        throw new Error(`${e.message}; it shows ${JSON.stringify(await p.textOf(testId))}`);
      });
  }));
}

/** How many moves each person's page has recorded so far. */
export async function moveCounts(people: readonly Person[]): Promise<Map<Person, number>> {
  return new Map(await Promise.all(people.map(async (p) => [p, (await p.moves()).length] as const)));
}

/** The move into `roomId` each person recorded since `before` (waiting for it). */
export async function movesInto(before: ReadonlyMap<Person, number>, roomId: (p: Person) => string, timeoutMs = 60_000): Promise<Map<Person, MoveMetric>> {
  const result = new Map<Person, MoveMetric>();
  await Promise.all([...before].map(async ([p, count]) => {
    const move = await waitFor(async () => (await p.moves()).slice(count).find((m) => m.roomId === roomId(p)), {
      timeoutMs, intervalMs: 250, what: `${p.key}'s move into ${roomId(p)} to be recorded`,
    });
    result.set(p, move);
  }));
  return result;
}

/** "Breakout 2: Building Trust: …", as the room title shows it. */
export function breakoutTitle(event: EventConfig, id: string): string {
  const index = event.breakouts.findIndex((b) => b.id === id);
  return `Breakout ${index + 1}: ${event.breakouts[index]!.title}`;
}

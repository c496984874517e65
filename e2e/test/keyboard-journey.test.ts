// The workshop with the keyboard only (Tab, Enter, Space, typing; page.keyboard, never a click): an
// attendee registers, joins, raises a hand and chats; the moderator opens the doors, starts and
// moves everyone to the breakouts, where the attendee chats again. Every control reached shows a
// focus ring, and focus lands somewhere meaningful after registering, joining and moving; axe-core
// checks the pages it passes through.
//   node scripts/netns.mjs -- npx vitest run --project e2e test/keyboard-journey.test.ts
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinLinkOf, waitFor } from '@live-workshop/testkit';
import { expectNoAxeViolations } from '../src/axe';
import { chooseWithArrows, focusedId, tabTo, typeInto } from '../src/keyboard';
import { openSeedWorkshop, type SeedWorkshop } from '../src/seedWorkshop';
import { openPerson, type Person } from '../src/workshop';

const POLL_MS = 250;
let w: SeedWorkshop;

beforeAll(async () => {
  w = await openSeedWorkshop('lw-e2e-keys-');
});

afterAll(async () => {
  await w?.close();
});

/** Join from the pre-join check: Tab to "Join the workshop", Enter; focus goes to the view's heading. */
async function joinByKeyboard(p: Person, url: string): Promise<void> {
  await p.page.goto(url);
  await waitFor(() => p.testId('join-button').isEnabled(), { timeoutMs: 30_000, intervalMs: POLL_MS, what: `${p.key}: the join button to be enabled` });
  await tabTo(p.page, '[data-testid="join-button"]');
  await p.page.keyboard.press('Enter');
  await waitFor(async () => (await p.page.evaluate(() => document.activeElement?.tagName)) === 'H2', { timeoutMs: 15_000, intervalMs: POLL_MS, what: `${p.key}: focus on the view's heading after joining` });
}

/** The moderator's cue by keyboard: Tab to the cue button, Enter; the confirmation takes focus; Enter. */
async function cueByKeyboard(moderator: Person, label: string, testId = 'moderator-next'): Promise<void> {
  const button = moderator.testId(testId);
  await waitFor(async () => ((await button.textContent()) ?? '').trim() === label, { timeoutMs: 30_000, intervalMs: POLL_MS, what: `the "${label}" cue` });
  await tabTo(moderator.page, `[data-testid="${testId}"]`);
  await moderator.page.keyboard.press('Enter');
  const confirm = moderator.testId('moderator-confirm');
  await confirm.waitFor({ state: 'visible' });
  await waitFor(async () => (await moderator.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)) === 'moderator-confirm',
    { timeoutMs: 5_000, intervalMs: 50, what: 'the confirmation to take focus' });
  await moderator.page.keyboard.press('Enter');
  await confirm.waitFor({ state: 'detached' });
}

/** Say something in the room's chat by keyboard; it shows in the chat log of every page in `readers`. */
async function chatByKeyboard(p: Person, text: string, readers: readonly Person[]): Promise<void> {
  await typeInto(p.page, '[data-testid="chat-input"]', text);
  await p.page.keyboard.press('Enter');
  await Promise.all(readers.map((r) => waitFor(async () => ((await r.textOf('chat-log')) ?? '').includes(text), { intervalMs: POLL_MS, what: `${r.key}: "${text}" in the chat` })));
}

describe('the workshop by keyboard only', () => {
  it('register, join, raise a hand, chat; open the doors, start, move to the breakouts', async () => {
    const attendee = await openPerson(w.browser, 'keyboard-attendee', 'Kira Keys', 'attendee');
    const moderator = await openPerson(w.browser, 'keyboard-moderator', w.event.moderators[0]!.name, 'moderator');
    w.people.push(attendee, moderator);
    const { page } = attendee;
    const email = 'kira.keys@example.org';

    // Registration: "Register" near the top takes focus to the form; then field by field.
    await page.goto(`${w.stack.url}/`);
    await attendee.testId('register-form').waitFor({ timeout: 30_000 });
    await expectNoAxeViolations(page, 'event page');
    await tabTo(page, '[data-testid="register-jump"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.closest('form')?.id)).toBe('register');
    await typeInto(page, 'input[name="name"]', 'Kira Keys');
    await typeInto(page, 'input[name="email"]', email);
    await chooseWithArrows(page, 'select[name="country"]', 'BE');
    await chooseWithArrows(page, 'select[name="stakeholderType"]', 'researcher');
    await chooseWithArrows(page, 'select[name="first"]', w.event.breakouts[0]!.id);
    await tabTo(page, 'input[name="consent"]');
    await page.keyboard.press('Space');
    expect(await page.locator('input[name="consent"]').isChecked()).toBe(true);
    await tabTo(page, '[data-testid="register-form"] button[type="submit"]');
    const before = await w.stack.server.mail!.count(email);
    await page.keyboard.press('Enter');
    await attendee.testId('registration-done').waitFor();
    expect(await focusedId(page)).toBe('join-card-heading');
    await expectNoAxeViolations(page, 'registration confirmation');
    const joinUrl = joinLinkOf(await w.stack.server.mail!.next(email, before));

    // Both join by keyboard; the moderator opens the doors and starts.
    await joinByKeyboard(moderator, w.stack.link('moderator'));
    await moderator.testId('moderator-console').waitFor();
    await joinByKeyboard(attendee, joinUrl);
    await cueByKeyboard(moderator, 'Open the doors');
    await waitFor(async () => (await attendee.textOf('phase-title')) === 'Lobby', { intervalMs: POLL_MS, what: 'the lobby' });
    await cueByKeyboard(moderator, `Start: ${w.event.agenda[0]!.title}`);
    await waitFor(async () => (await attendee.textOf('room-title')) === 'Plenary', { timeoutMs: 30_000, intervalMs: POLL_MS, what: 'the plenary' });

    // Raise a hand with Space; the moderator's console lists it.
    await tabTo(page, '[data-testid="raise-hand"]');
    await page.keyboard.press('Space');
    await waitFor(async () => (await attendee.testId('raise-hand').getAttribute('aria-pressed')) === 'true', { intervalMs: POLL_MS, what: 'the hand to be raised' });
    await waitFor(async () => ((await moderator.textOf('moderator-hands')) ?? '').includes('Kira Keys'), { intervalMs: POLL_MS, what: 'the hand on the console' });
    await chatByKeyboard(attendee, 'Hello from the keyboard', [attendee, moderator]);
    await Promise.all([expectNoAxeViolations(page, 'plenary, hand raised'), expectNoAxeViolations(moderator.page, 'moderator console, a hand raised')]);

    // To the breakouts: the attendee arrives in their room with focus on its heading, and chats there.
    await cueByKeyboard(moderator, `Next: ${w.event.agenda[1]!.title}`);
    const room = `Breakout 1: ${w.event.breakouts[0]!.title}`;
    await waitFor(async () => (await attendee.textOf('room-title')) === room, { timeoutMs: 45_000, intervalMs: POLL_MS, what: 'the breakout room' });
    await waitFor(async () => (await focusedId(page)) === 'room-heading', { timeoutMs: 10_000, intervalMs: POLL_MS, what: 'focus on the breakout\'s heading' });
    await chatByKeyboard(attendee, 'Hello, breakout 1', [attendee]);
    await Promise.all([expectNoAxeViolations(page, 'breakout room'), expectNoAxeViolations(moderator.page, 'moderator console, breakouts')]);
  }, 5 * 60_000);
});

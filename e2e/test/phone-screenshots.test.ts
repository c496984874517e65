// The attendee's pages on a 390 × 844 phone, in English and in German: the event page, the pre-join
// check and a breakout room. Checks what must be in the first screen (Register, Join, the room's
// chat) and that nothing scrolls sideways; writes the screenshots to docs/screenshots/ (looked at
// by a person before they are committed).
//   node scripts/netns.mjs -- npx vitest run --project e2e test/phone-screenshots.test.ts
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { register, REPO_ROOT, waitFor } from '@live-workshop/testkit';
import { cue } from '../src/journeySteps';
import { openSeedWorkshop, type SeedWorkshop } from '../src/seedWorkshop';
import { joinWorkshop, openPerson, type Person } from '../src/workshop';

const SHOTS = join(REPO_ROOT, 'docs', 'screenshots');
/** An iPhone 12–15 sized screen (CSS pixels). */
const PHONE = { width: 390, height: 844 };
const POLL_MS = 250;
/** A joined page's header in two lines: a 36 px row (role, Leave) and the phase's title, with padding. */
const HEADER_TWO_LINES_PX = 80;
let w: SeedWorkshop;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  w = await openSeedWorkshop('lw-e2e-phone-');
});

afterAll(async () => {
  await w?.close();
});

/** Where an element is on the page as first shown (document coordinates, before any scrolling). */
const boxOf = (p: Person, testId: string) => p.page.evaluate((id) => {
  const r = document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect();
  return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, left: r.left, right: r.right };
}, testId);

/** The page neither scrolls nor overflows sideways at this width. */
async function expectNoSidewaysScroll(p: Person, view: string): Promise<void> {
  const widths = await p.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${view} (${p.language}): ${widths.scroll} px wide content in a ${widths.client} px screen`).toBeLessThanOrEqual(widths.client);
}

/** Fully inside the first screen. */
const inFirstScreen = (box: { top: number; bottom: number }) => box.top >= 0 && box.bottom <= PHONE.height;

async function shoot(p: Person, name: string): Promise<void> {
  await p.page.evaluate(() => window.scrollTo(0, 0));
  await p.page.screenshot({ path: join(SHOTS, `phone-${name}-${p.language}.png`) });
}

describe('the attendee pages on a phone', () => {
  it('event page, pre-join and breakout room: what must be in the first screen is, nothing scrolls sideways (EN, DE)', async () => {
    const attendees = await Promise.all([
      openPerson(w.browser, 'phone-en', 'Amira Haddad', 'attendee', { viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-GB' }),
      openPerson(w.browser, 'phone-de', 'Elif Yilmaz', 'attendee', { viewport: PHONE, isMobile: true, hasTouch: true, locale: 'de-DE' }),
    ]);
    w.people.push(...attendees);
    const facts: string[] = [];

    // The event page: "Register" in the first screen, the form a tap away.
    for (const a of attendees) {
      await a.page.goto(`${w.stack.url}/`);
      await a.testId('register-form').waitFor({ timeout: 30_000 });
      const jump = await boxOf(a, 'register-jump');
      const form = await boxOf(a, 'register-form');
      facts.push(`${a.language} event page: Register button at ${Math.round(jump.top)}–${Math.round(jump.bottom)} px, the form starts at ${Math.round(form.top)} px`);
      expect(inFirstScreen(jump), `${a.language}: the Register button in the first screen`).toBe(true);
      await expectNoSidewaysScroll(a, 'event page');
      await shoot(a, 'event-page');
    }

    // The pre-join check: Join in the first screen.
    for (const a of attendees) {
      const registered = await register(w.stack.url, { name: a.name, email: `phone-${a.language}@example.org`, preferences: [w.event.breakouts[0]!.id], language: a.language }, { mail: w.stack.server.mail! });
      expect(registered.status).toBe(202);
      a.joinUrl = registered.body.joinUrl;
      await a.page.goto(a.joinUrl);
      await waitFor(() => a.testId('join-button').isEnabled(), { timeoutMs: 30_000, intervalMs: POLL_MS, what: `${a.key}: Join enabled` });
      const join = await boxOf(a, 'join-button');
      const height = await a.page.evaluate(() => document.documentElement.scrollHeight);
      facts.push(`${a.language} pre-join: Join at ${Math.round(join.top)}–${Math.round(join.bottom)} px of a ${height} px page`);
      expect(inFirstScreen(join), `${a.language}: Join in the first screen`).toBe(true);
      await expectNoSidewaysScroll(a, 'pre-join');
      await shoot(a, 'prejoin');
    }

    // The breakout room: the moderator runs the agenda to the breakouts; the chat starts in the first screen.
    const moderator = await openPerson(w.browser, 'moderator', w.event.moderators[0]!.name, 'moderator');
    w.people.push(moderator);
    await joinWorkshop(moderator, w.stack.link('moderator'));
    await Promise.all(attendees.map((a) => joinWorkshop(a, null)));
    await cue(moderator, 'moderator-next', 'Open the doors');
    await cue(moderator, 'moderator-next', `Start: ${w.event.agenda[0]!.title}`);
    await Promise.all(attendees.map((a) => waitFor(async () => (await a.textOf('room-title')) === a.say('stage.plenary'), { timeoutMs: 30_000, intervalMs: POLL_MS, what: `${a.key}: the plenary` })));
    await cue(moderator, 'moderator-next', `Next: ${w.event.agenda[1]!.title}`);
    const title = (a: Person) => a.say('rooms.breakout', { number: 1, title: w.event.breakouts[0]!.title });
    await Promise.all(attendees.map((a) => waitFor(async () => (await a.textOf('room-title')) === title(a), { timeoutMs: 45_000, intervalMs: POLL_MS, what: `${a.key}: the breakout` })));
    // Both in the room: each sees the other's tile.
    await Promise.all(attendees.map((a) => a.page.locator('video[data-testid="remote-video"]').first().waitFor({ timeout: 30_000 })));
    for (const a of attendees) {
      const header = await a.page.evaluate(() => document.querySelector('.session-header')!.getBoundingClientRect().height);
      const chat = await boxOf(a, 'chat-input');
      facts.push(`${a.language} breakout: header ${Math.round(header)} px tall, chat input at ${Math.round(chat.top)}–${Math.round(chat.bottom)} px`);
      // Two lines (the event with the role and Leave, then the phase), not three or more.
      expect(header, `${a.language}: the header's height`).toBeLessThanOrEqual(HEADER_TWO_LINES_PX);
      expect(inFirstScreen(chat), `${a.language}: the room's chat in the first screen`).toBe(true);
      await expectNoSidewaysScroll(a, 'breakout room');
      await shoot(a, 'breakout');
    }
    console.log(['', 'Phone (390 × 844) first-screen facts', ...facts].join('\n'));
  }, 5 * 60_000);
});

// The moderator console as a control room on a laptop screen (issue 17), in real Chromium against the
// real stack, in English and German: at 1440×900 the agenda with its next cue and the queues that need
// a person (help, hands, questions) are in the first viewport, nothing scrolls sideways, the skip link
// lands on the console, and the assignment table's room choice is not cut off. Saves
// docs/screenshots/console-1440-en.png and console-1440-de.png (looked at, not compared).
// Run inside the loopback-only namespace:
//   node scripts/netns.mjs -- npx vitest run --root e2e test/screenshots.test.ts
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventConfig } from '@live-workshop/shared';
import { launchChromium, register } from '@live-workshop/testkit';
import { startStack, type Stack } from '../src/stack.js';
import { ARTIFACTS_DIR, eventFileStartingSoon, joinWorkshop, openPerson, type Person } from '../src/workshop.js';

const SEED_EVENT_FILE = join(import.meta.dirname, '../../server/events/microcredentials-2025.yaml');
const DOCS_SHOTS_DIR = join(import.meta.dirname, '../../docs/screenshots');
const LAPTOP = { width: 1440, height: 900 };
const ATTENDEES = ['Amira Haddad', 'Bruno Costa', 'Chiara Rossi', 'Dmitri Ivanov', 'Elif Yilmaz', 'Femke de Vries'];

let stack: Stack;
let browser: Browser;
let event: EventConfig;
const people: Person[] = [];

beforeAll(async () => {
  if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
  mkdirSync(DOCS_SHOTS_DIR, { recursive: true });
  const eventFile = eventFileStartingSoon(SEED_EVENT_FILE, mkdtempSync(join(tmpdir(), 'lw-e2e-console-')));
  [stack, browser] = await Promise.all([startStack(eventFile), launchChromium()]);
  event = ((await (await fetch(`${stack.url}/api/event`)).json()) as { event: EventConfig }).event;
  // Registrations give the rooms, the assignment table and the preference counts something to show.
  for (const [i, name] of ATTENDEES.entries()) {
    const registered = await register(stack.url, {
      name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, country: 'BE', stakeholderType: 'researcher',
      preferences: [event.breakouts[i % event.breakouts.length]!.id, event.breakouts[(i + 1) % event.breakouts.length]!.id],
    }, { mail: stack.server.mail! });
    expect(registered.status, JSON.stringify(registered.body)).toBe(202);
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await stack?.stop();
});

/** Where an element is on the page, in CSS pixels from the top of the first viewport. */
async function boxOf(person: Person, selector: string) {
  const box = await person.page.locator(selector).first().boundingBox();
  expect(box, `${selector} is on the page`).not.toBeNull();
  return box!;
}

describe('the moderator console at 1440 × 900', () => {
  it.each([
    { locale: 'en-GB', language: 'en', agenda: 'Agenda', help: /^Help requests/, next: 'Open the doors' },
    { locale: 'de-DE', language: 'de', agenda: 'Programm', help: /^Hilfeanfragen/, next: 'Türen öffnen' },
  ])('in $language: agenda, next cue and the queues in the first viewport, no sideways scroll', async ({ locale, language, agenda, help, next }) => {
    const moderator = await openPerson(browser, `moderator-${language}`, event.moderators[0]!.name, 'moderator', { locale });
    people.push(moderator);
    await moderator.page.setViewportSize(LAPTOP);
    await joinWorkshop(moderator, stack.link('moderator'));
    await moderator.testId('moderator-console').waitFor({ timeout: 30_000 });
    await moderator.testId('preference-summary').waitFor({ timeout: 30_000 });
    await moderator.page.getByRole('heading', { name: agenda, exact: true }).waitFor();
    expect(await moderator.page.evaluate(() => document.documentElement.lang)).toBe(language);
    expect((await moderator.testId('moderator-next').textContent())?.trim()).toBe(next);

    // Joining moved focus to the moderator's room heading (a small panel of the console) without scrolling the console away.
    expect(await moderator.page.evaluate(() => window.scrollY)).toBe(0);
    const inFirstViewport = async (selector: string) => {
      const box = await boxOf(moderator, selector);
      expect(box.y, `${selector} starts within the first ${LAPTOP.height} px`).toBeLessThan(LAPTOP.height);
      expect(box.y + Math.min(box.height, 40)).toBeGreaterThan(0);
    };
    await inFirstViewport('#agenda-panel-heading');
    await inFirstViewport('[data-testid="moderator-next"]');
    await inFirstViewport('[data-testid="needs-help"]');
    await inFirstViewport('[data-testid="needs-hands"]');
    await inFirstViewport('[data-testid="needs-questions"]');
    await inFirstViewport('#help-panel-heading');
    expect(await moderator.page.getByRole('heading', { name: help }).count()).toBe(1);

    // Three columns side by side: the agenda left of the rooms, the help queue right of them.
    const [agendaBox, roomsBox, helpBox] = [await boxOf(moderator, '#agenda-panel-heading'), await boxOf(moderator, '#rooms-heading'), await boxOf(moderator, '#help-panel-heading')];
    expect(agendaBox.x).toBeLessThan(roomsBox.x);
    expect(roomsBox.x).toBeLessThan(helpBox.x);

    // Nothing scrolls sideways, on the page or in the assignment table, and each room choice shows its whole option.
    const overflow = await moderator.page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tables: Array.from(document.querySelectorAll('table')).map((t) => t.scrollWidth - t.clientWidth),
      selects: Array.from(document.querySelectorAll<HTMLSelectElement>('table.assignments select')).map((s) => {
        const probe = document.createElement('span');
        probe.style.cssText = `position:absolute;visibility:hidden;white-space:pre;font:${getComputedStyle(s).font}`;
        probe.textContent = s.selectedOptions[0]?.textContent ?? '';
        document.body.append(probe);
        const needed = probe.getBoundingClientRect().width;
        probe.remove();
        return Math.round(needed - s.clientWidth + 32);
      }),
      removeVisible: Array.from(document.querySelectorAll('table.assignments td:last-child button')).every((b) => b.getBoundingClientRect().right <= document.documentElement.clientWidth),
    }));
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.tables.every((o) => o <= 0), `tables scrolling sideways: ${overflow.tables.join(', ')}`).toBe(true);
    expect(overflow.selects.length).toBe(ATTENDEES.length);
    expect(overflow.selects.every((o) => o <= 0), `room choices cut off by ${overflow.selects.join(', ')} px`).toBe(true);
    expect(overflow.removeVisible).toBe(true);

    // The skip link lands on the console itself.
    expect(await moderator.page.locator('a.skip-link').getAttribute('href')).toBe('#main');
    expect(await moderator.page.locator('#main').getAttribute('data-testid')).toBe('moderator-console');

    await moderator.page.screenshot({ path: join(DOCS_SHOTS_DIR, `console-1440-${language}.png`) });
    // The whole console, below the first screen too, for people to look at after a run.
    mkdirSync(join(ARTIFACTS_DIR, 'console'), { recursive: true });
    await moderator.page.screenshot({ path: join(ARTIFACTS_DIR, 'console', `console-1440-${language}-full.png`), fullPage: true });
    await moderator.context.close();
  }, 180_000);
});

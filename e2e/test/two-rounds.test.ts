// Two rounds of breakouts in real browsers (issue 13): the Lisbon forum (e2e/fixtures/lisbon-forum.yaml).
// Four attendees register with preferences for round 1 (six rooms of unequal capacity) and round 2;
// the moderator cues round 1 and LiveKit lists each attendee in their round-1 room; during the break
// three of them pick a round-2 room in the page's radio group (live counts; a room filled by others
// closes), the fourth does not; at the round-2 cue LiveKit lists the pickers in their picks and the
// fourth in the room placed by preferences; then the live panel brings everyone back.
// Run inside the loopback-only namespace:
//   node scripts/netns.mjs -- npx vitest run --root e2e test/two-rounds.test.ts
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livekitRoomName, type EventConfig, type RoomId } from '@live-workshop/shared';
import { launchChromium, register, waitFor } from '@live-workshop/testkit';
import { cue } from '../src/journeySteps.js';
import { startStack, type Stack } from '../src/stack.js';
import { joinWorkshop, openPerson, waitForPlacement, type Person } from '../src/workshop.js';

const EVENT_FILE = join(import.meta.dirname, '../fixtures/lisbon-forum.yaml');
const MOVE_TIMEOUT_MS = 60_000;

/** Who registers, with their choices per round, and what they pick in the break (null: no pick). */
const ATTENDEES = [
  { key: 'ines', name: 'Ines Almeida', round1: ['tourism', 'health'], round2: ['funding'], pick: 'quality' },
  { key: 'joao', name: 'Joao Costa', round1: ['tourism', 'green'], round2: ['funding'], pick: 'quality' },
  { key: 'marta', name: 'Marta Silva', round1: ['digital', 'health'], round2: ['quality'], pick: 'recognition' },
  { key: 'rui', name: 'Rui Pereira', round1: ['public', 'industry'], round2: ['funding', 'quality'], pick: null },
] as const;

let stack: Stack;
let browser: Browser;
let event: EventConfig;
let moderator: Person;
const attendees = new Map<string, Person>();

const room = (roomId: RoomId) => livekitRoomName(event.id, roomId);
const allRooms = () => [
  room('plenary'), room('backstage'),
  ...event.agenda.flatMap((i) => (i.kind === 'breakouts' ? (i.rooms ?? []) : [])).map((b) => room(`breakout:${b.id}` as RoomId)),
];
/** Everyone's expected LiveKit room: the moderator where `staff` says, each attendee by `of`. */
function expected(staff: RoomId, of: (a: (typeof ATTENDEES)[number]) => RoomId): Map<string, string> {
  const map = new Map<string, string>([[event.moderators[0]!.id, room(staff)]]);
  for (const a of ATTENDEES) map.set(attendees.get(a.key)!.identity, room(of(a)));
  return map;
}

beforeAll(async () => {
  if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
  [stack, browser] = await Promise.all([startStack(EVENT_FILE), launchChromium({ fakeCameraFps: 10 })]);
  event = ((await (await fetch(`${stack.url}/api/event`)).json()) as { event: EventConfig }).event;
}, 120_000);

afterAll(async () => {
  await Promise.all([moderator, ...attendees.values()].filter(Boolean).map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await stack?.stop();
});

describe('the Lisbon forum: two rounds of breakouts', () => {
  it('registers per round, places round 1 by preferences, round 2 by picks and preferences; LiveKit agrees after each cue', async () => {
    const t0 = Date.now();
    const lap = (what: string) => console.log(`[two-rounds] ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    for (const a of ATTENDEES) {
      const registered = await register(stack.url, {
        name: a.name, email: `${a.key}@example.org`, country: 'PT', stakeholderType: 'learner', preferences: [],
        roundPreferences: { 'round-1': [...a.round1], 'round-2': [...a.round2] },
      }, { mail: stack.server.mail! });
      expect(registered.status, JSON.stringify(registered.body)).toBe(202);
      const person = await openPerson(browser, a.key, a.name, 'attendee');
      person.identity = registered.body.participantId;
      person.joinUrl = registered.body.joinUrl!;
      attendees.set(a.key, person);
    }
    lap('registered 4');
    moderator = await openPerson(browser, 'moderator', event.moderators[0]!.name, 'moderator');
    await Promise.all([joinWorkshop(moderator, stack.link('moderator')), ...[...attendees.values()].map((p) => joinWorkshop(p, p.joinUrl))]);
    await cue(moderator, 'moderator-next', 'Open the doors');
    await cue(moderator, 'moderator-next', `Start: ${event.agenda[0]!.title}`);
    await waitForPlacement(stack.rooms, allRooms(), expected('plenary', () => 'plenary'), MOVE_TIMEOUT_MS);
    lap('everyone in the plenary');

    // Round 1: tourism has five places, so both who want it get it; the others their first choice.
    await cue(moderator, 'moderator-next', `Next: ${event.agenda[1]!.title}`);
    await waitForPlacement(stack.rooms, allRooms(), expected('backstage', (a) => `breakout:${a.round1[0]}`), MOVE_TIMEOUT_MS);
    const ines = attendees.get('ines')!;
    await waitFor(async () => (await ines.textOf('room-title'))?.includes('Tourism and hospitality') ?? false, { timeoutMs: 30_000, intervalMs: 250, what: 'the round-1 room title' });
    lap('round 1: LiveKit lists each attendee in their room');

    // The break: attendees pick a round-2 room; the counts are live on every page.
    await cue(moderator, 'moderator-next', `Next: ${event.agenda[2]!.title}`);
    await waitForPlacement(stack.rooms, allRooms(), expected('plenary', () => 'plenary'), MOVE_TIMEOUT_MS);
    for (const a of ATTENDEES) {
      if (!a.pick) continue;
      const page = attendees.get(a.key)!;
      await page.testId('room-picker').waitFor({ state: 'visible', timeout: 30_000 });
      // The radio follows the server: it is checked once the pick is accepted.
      const radio = page.testId(`pick-${a.pick}`);
      await radio.click();
      await waitFor(() => radio.isChecked(), { timeoutMs: 15_000, intervalMs: 250, what: `${a.key}'s pick of ${a.pick} to be accepted` });
    }
    const rui = attendees.get('rui')!;
    // Both counts are pushed to rui's page; each arrives on its own (reading one after waiting for the other raced).
    await waitFor(async () => (await rui.textOf('pick-count-quality')) === '(2 of 20)', { timeoutMs: 15_000, intervalMs: 250, what: 'rui to see two picks of quality' });
    await waitFor(async () => (await rui.textOf('pick-count-recognition')) === '(1 of 20)', { timeoutMs: 15_000, intervalMs: 250, what: 'rui to see one pick of recognition' });
    lap('picked');

    // Round 2: the pickers in their picks, rui placed by his first choice.
    await cue(moderator, 'moderator-next', `Next: ${event.agenda[3]!.title}`);
    await waitForPlacement(stack.rooms, allRooms(), expected('backstage', (a) => `breakout:${a.pick ?? a.round2[0]}`), MOVE_TIMEOUT_MS);
    await waitFor(async () => (await rui.textOf('room-title'))?.includes('Funding and incentives') ?? false, { timeoutMs: 30_000, intervalMs: 250, what: 'the round-2 room title' });
    lap('round 2: LiveKit lists each attendee in their room');

    await cue(moderator, 'moderator-next', `Next: ${event.agenda[4]!.title}`);
    await waitForPlacement(stack.rooms, allRooms(), expected('plenary', () => 'plenary'), MOVE_TIMEOUT_MS);
    lap('the live panel: everyone back');
    for (const p of [moderator, ...attendees.values()]) expect(p.pageErrors, p.key).toStrictEqual([]);
  }, 240_000);
});

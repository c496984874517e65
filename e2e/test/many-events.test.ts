// Many events on one server, in real browsers (issue 13 §3): the organiser opens the printed
// organiser link, uploads the Lisbon forum's event file in the organiser home and is shown its
// moderator link; the forum's page at /e/<id> is the forum's; an attendee's join link
// (/e/<id>/join/…) and the moderator's work there, and the moderator's cue puts both in the
// forum's LiveKit plenary, while the default event's agenda does not move.
// Run inside the loopback-only namespace:
//   node scripts/netns.mjs -- npx vitest run --root e2e test/many-events.test.ts
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { livekitRoomName } from '@live-workshop/shared';
import { launchChromium, register, waitFor } from '@live-workshop/testkit';
import { cue } from '../src/journeySteps.js';
import { startStack, type Stack } from '../src/stack.js';
import { agendaPositionAt, joinWorkshop, openPerson, waitForPlacement, type Person } from '../src/workshop.js';

const DEFAULT_EVENT_FILE = join(import.meta.dirname, '../fixtures/e2e-event.yaml');
const FORUM_FILE = join(import.meta.dirname, '../fixtures/lisbon-forum.yaml');
const FORUM = 'lisbon-forum-2026';

let stack: Stack;
let browser: Browser;
const people: Person[] = [];

beforeAll(async () => {
  if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
  [stack, browser] = await Promise.all([startStack(DEFAULT_EVENT_FILE), launchChromium({ fakeCameraFps: 10 })]);
}, 120_000);

afterAll(async () => {
  await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await stack?.stop();
});

describe('two events on one server', () => {
  it('the organiser creates the forum from its file; its people join at /e/<id> and move in its own rooms only', async () => {
    const organiserLink = /Organiser home \([^)]*\): {2}(\S+)/.exec(stack.server.output())?.[1];
    expect(organiserLink).toBeTruthy();
    const organiser = await openPerson(browser, 'organiser', 'Organiser', 'moderator');
    people.push(organiser);
    await organiser.page.goto(organiserLink!);
    await organiser.page.getByRole('heading', { level: 1, name: 'Organiser home' }).waitFor({ timeout: 30_000 });
    expect(new URL(organiser.page.url()).pathname).toBe('/organiser');
    await organiser.testId('organiser-file').setInputFiles(FORUM_FILE);
    await organiser.page.getByRole('button', { name: 'Create from the file' }).click();
    const created = organiser.testId('organiser-created');
    await created.waitFor({ timeout: 30_000 });
    const moderatorLink = await organiser.testId('staff-link-forum-chair').inputValue();
    expect(moderatorLink).toBe(`${stack.url}/e/${FORUM}/join/${moderatorLink.split('/join/')[1]}`);
    await organiser.testId(`hosted-event-${FORUM}`).waitFor();

    // The forum's page is the forum's (its API under /e/<id>).
    const visitor = await openPerson(browser, 'visitor', 'Visitor', 'attendee');
    people.push(visitor);
    await visitor.page.goto(`${stack.url}/e/${FORUM}/`);
    await visitor.page.getByRole('heading', { level: 1, name: 'Regional Forum on Skills and Microcredentials' }).waitFor({ timeout: 30_000 });

    const registered = await register(`${stack.url}/e/${FORUM}`, {
      name: 'Ines Almeida', email: 'ines@example.org', country: 'PT', stakeholderType: 'learner', preferences: [],
      roundPreferences: { 'round-1': ['tourism', 'health'], 'round-2': ['funding'] },
    }, { mail: stack.server.mail! });
    expect(registered.status, JSON.stringify(registered.body)).toBe(202);
    expect(registered.body.joinUrl).toMatch(new RegExp(`/e/${FORUM}/join/`));
    const attendee = await openPerson(browser, 'ines', 'Ines Almeida', 'attendee');
    people.push(attendee);
    const moderator = await openPerson(browser, 'moderator', 'Forum chair', 'moderator');
    people.push(moderator);
    await Promise.all([joinWorkshop(moderator, moderatorLink), joinWorkshop(attendee, registered.body.joinUrl!)]);

    const defaultBefore = await (await fetch(`${stack.url}/api/health`)).json();
    await cue(moderator, 'moderator-next', 'Open the doors');
    await cue(moderator, 'moderator-next', 'Start: Welcome');
    const rooms = [livekitRoomName(FORUM, 'plenary'), livekitRoomName(FORUM, 'backstage')];
    await waitForPlacement(stack.rooms, rooms, new Map([['forum-chair', rooms[0]!], [registered.body.participantId, rooms[0]!]]), 60_000, agendaPositionAt(`${stack.url}/e/${FORUM}`));
    await waitFor(async () => (await attendee.page.getByText('Regional Forum on Skills and Microcredentials').count()) > 0, { timeoutMs: 15_000, intervalMs: 250, what: 'the forum on the attendee\'s page' });

    // The default event did not move, and its LiveKit rooms hold nobody.
    expect(await (await fetch(`${stack.url}/api/health`)).json()).toEqual(defaultBefore);
    const defaultId = ((await (await fetch(`${stack.url}/api/event`)).json()) as { event: { id: string } }).event.id;
    const listed = await stack.rooms.listRooms();
    expect(listed.map((r) => r.name).filter((n) => n.startsWith(`${defaultId}--`))).toEqual([]);
    for (const p of people) expect(p.pageErrors, p.key).toStrictEqual([]);
  }, 240_000);
});

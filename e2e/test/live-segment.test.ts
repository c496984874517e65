// The ReferNet live segment alone, in real browsers against the real server and LiveKit: the same
// steps as the seed journey's (e2e/src/liveSegmentSteps.ts) — questions asked, upvoted, approved
// and pinned; a poll and its result; reactions counted; a captioner's lines — with everyone joined
// to watch (no camera), so it runs in a fraction of the journey's time and load.
// Run inside the loopback-only namespace:
//   node scripts/netns.mjs -- npx vitest run --project e2e e2e/test/live-segment.test.ts
// Screenshots: e2e/artifacts/live-segment/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { EVENTS, livekitRoomName, type EventConfig } from '@live-workshop/shared';
import { launchChromium, register, TestClient, waitFor } from '@live-workshop/testkit';
import { liveSegment } from '../src/liveSegmentSteps';
import { startStack, type Stack } from '../src/stack';
import { ARTIFACTS_DIR, openPerson, type Person } from '../src/workshop';

const EVENT_FILE = join(import.meta.dirname, '../fixtures/e2e-event.yaml');
const SHOTS_DIR = join(ARTIFACTS_DIR, 'live-segment');
const NAMES = ['Amira Haddad', 'Bruno Costa', 'Chiara Rossi', 'Dmitri Ivanov', 'Elif Yilmaz', 'Femke de Vries'];

let stack: Stack;
let browser: Browser;
let event: EventConfig;
const people: Person[] = [];

beforeAll(async () => {
  if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
  mkdirSync(SHOTS_DIR, { recursive: true });
  [stack, browser] = await Promise.all([startStack(EVENT_FILE), launchChromium({ fakeCameraFps: 5 })]);
  event = ((await (await fetch(`${stack.url}/api/event`)).json()) as { event: EventConfig }).event;
});

afterAll(async () => {
  await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await stack?.stop();
});

/** Open a join link and join to watch (no camera or microphone): the live segment needs no media of one's own. */
async function joinToWatch(key: string, name: string, role: Person['role'], url: string): Promise<Person> {
  const p = await openPerson(browser, key, name, role);
  people.push(p);
  await p.page.goto(url);
  await p.testId('join-watch-only').click({ timeout: 30_000 });
  await waitFor(async () => (await p.textOf('room-title')) === 'Plenary: live segment', { timeoutMs: 30_000, intervalMs: 250, what: `${key} on the live segment's stage` });
  return p;
}

it('questions, a poll, reactions and captions in the live segment, seen on everyone\'s page', async () => {
  // The moderator's credential runs the agenda straight to the live segment before anyone's page opens.
  const credentialOf = (link: string) => link.split('/join/')[1]!;
  const agenda = new TestClient(stack.url, credentialOf(stack.link('moderator')));
  await agenda.connected();
  let version = (await agenda.next(EVENTS.agendaChanged)).version;
  for (const action of [{ type: 'openDoors' }, { type: 'start' }, { type: 'goTo', itemIndex: 2 }] as const) {
    const answer = await agenda.command(action, version);
    expect(answer, action.type).toMatchObject({ ok: true });
    version = answer.ok ? answer.data.version : version;
  }
  agenda.close();

  const registered = await Promise.all(NAMES.map((name, i) => register(stack.url, {
    name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`, preferences: [event.breakouts[i % event.breakouts.length]!.id],
  })));
  const moderator = await joinToWatch('moderator', event.moderators[0]!.name, 'moderator', stack.link('moderator'));
  const speakers = await Promise.all(event.speakers.map((s, i) => joinToWatch(`speaker-${i + 1}`, s.name, 'speaker', stack.link('speaker', i))));
  const attendees = await Promise.all(registered.map(async (r, i) => {
    const p = await joinToWatch(`attendee-${i + 1}`, NAMES[i]!, 'attendee', `${stack.url}/join/${r.body.credential}`);
    p.identity = r.body.participantId;
    p.credential = r.body.credential;
    return p;
  }));

  const summary = await liveSegment({
    moderator, speakers, attendees, browser, baseUrl: stack.url, captionerLink: stack.link('captioner'), captionerId: event.captioners![0]!.id,
    rooms: stack.rooms, plenaryRoom: livekitRoomName(event.id, 'plenary'), shotsDir: SHOTS_DIR,
  });
  console.log(`live segment: ${summary}`);
  expect(people.flatMap((p) => p.pageErrors)).toEqual([]);
}, 5 * 60_000);

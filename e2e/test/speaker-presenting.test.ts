// A speaker presents live in real browsers, on the seed workshop, against the real LiveKit server:
// a screen share that every attendee's page decodes (frame rate, size and bit rate measured), an
// attendee's share refused by LiveKit, slides (a PDF made here with pdf-lib) turned page by page
// with the latency to every attendee page measured, a moderator taking over, and talk-back that
// reaches the moderator and no attendee. Chromium's fake capture answers the share
// (--use-fake-ui-for-media-stream picks a screen without asking, in every test browser).
// Run inside the loopback-only namespace:
//   node scripts/netns.mjs -- npx vitest run --project e2e e2e/test/speaker-presenting.test.ts
// Screenshots: e2e/artifacts/speaker-presenting/ (git-ignored); the three for people in docs/screenshots/.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, PROTOCOL_VERSION, livekitRoomName, type Assignment, type EventConfig } from '@live-workshop/shared';
import { launchChromium, LkPage, makeTestPdf, register as registerByMail, startLkTestPage, waitFor } from '@live-workshop/testkit';
import { cue, waitForText } from '../src/journeySteps';
import { recordPeerConnections } from '../src/mediaChecks';
import { largestReceivedVideo, sentScreenShareKbps, type ReceivedVideo } from '../src/shareStats';
import { startStack, type Stack } from '../src/stack';
import { ARTIFACTS_DIR, describeTimes, eventFileStartingSoon, joinWorkshop, openPerson, type Person } from '../src/workshop';

const SEED_EVENT_FILE = join(import.meta.dirname, '../../server/events/microcredentials-2025.yaml');
const SHOTS_DIR = join(ARTIFACTS_DIR, 'speaker-presenting');
const DOCS_SHOTS_DIR = join(import.meta.dirname, '../../docs/screenshots');
const POLL_MS = 100;
/** The share's size as captured and sent (screenShareEncoding.ts), and the least frame rate an attendee must decode. */
const SHARE = { width: 1280, height: 720, minFps: 5 };
const TIMEOUT_MS = 6 * 60_000;

let stack: Stack;
let browser: Browser;
let event: EventConfig;
let moderator: Person;
let speaker: Person;
const attendees: Person[] = [];
/** Every Socket.IO frame each attendee's page received, as text (watched, never changed). */
const framesOf = new Map<Person, string[]>();
const everyone = () => [moderator, speaker, ...attendees].filter((p): p is Person => p !== undefined);
const notes: string[] = [];

beforeAll(async () => {
  if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
  rmSync(SHOTS_DIR, { recursive: true, force: true });
  mkdirSync(SHOTS_DIR, { recursive: true });
  const eventFile = eventFileStartingSoon(SEED_EVENT_FILE, mkdtempSync(join(tmpdir(), 'lw-e2e-present-')));
  [stack, browser] = await Promise.all([startStack(eventFile), launchChromium()]);
  event = ((await (await fetch(`${stack.url}/api/event`)).json()) as { event: EventConfig }).event;
});

afterAll(async () => {
  for (const p of everyone()) p.saveConsole(join(SHOTS_DIR, 'console'));
  await Promise.all(everyone().map((p) => p.context.close().catch(() => undefined)));
  if (stack) {
    copyFileSync(stack.livekit.logFile, join(SHOTS_DIR, 'livekit.log'));
    writeFileSync(join(SHOTS_DIR, 'server.log'), stack.server.output());
  }
  writeFileSync(join(SHOTS_DIR, 'measurements.txt'), `${notes.join('\n')}\n`);
  console.log(`\nspeaker presenting, as measured:\n  ${notes.join('\n  ')}\n`);
  await browser?.close();
  await stack?.stop();
});

async function shot(person: Person, name: string, docs = false): Promise<void> {
  await person.page.screenshot({ path: join(SHOTS_DIR, `${name}.png`), fullPage: true });
  if (docs) await person.page.screenshot({ path: join(DOCS_SHOTS_DIR, `${name}.png`), fullPage: true });
}

/** An attendee registered through the mail path, with their page watched (peer connections and socket frames). */
async function attendee(key: string, name: string, breakout: string): Promise<Person> {
  const registered = await registerByMail(stack.url, {
    name, email: `${key}@example.org`, country: 'BE', stakeholderType: 'researcher', preferences: [breakout],
  }, { mail: stack.server.mail! });
  expect(registered.status).toBe(202);
  const person = await openPerson(browser, key, name, 'attendee');
  person.identity = registered.body.participantId;
  person.joinUrl = registered.body.joinUrl;
  await recordPeerConnections(person.context);
  const frames: string[] = [];
  framesOf.set(person, frames);
  person.page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))));
  return person;
}

/** On each page, the wall-clock time at which the slides canvas has drawn `page` (recorded by the page itself). */
async function watchRenderedPage(people: readonly Person[], page: number): Promise<void> {
  await Promise.all(people.map((p) => p.page.evaluate((wanted) => {
    const w = window as unknown as { __lwRendered?: Record<number, number> };
    w.__lwRendered ??= {};
    const record = () => {
      const el = document.querySelector('[data-testid="slides-canvas"]');
      if (el?.getAttribute('data-rendered-page') === String(wanted) && w.__lwRendered![wanted] === undefined) w.__lwRendered![wanted] = Date.now();
    };
    new MutationObserver(record).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-rendered-page'], childList: true });
    record();
  }, page)));
}

const renderedAt = (p: Person, page: number) => p.page.evaluate((n) => (window as unknown as { __lwRendered?: Record<number, number> }).__lwRendered?.[n] ?? null, page);

async function waitForRenderedPage(people: readonly Person[], page: number): Promise<number[]> {
  return Promise.all(people.map((p) => waitFor(() => renderedAt(p, page), { timeoutMs: 30_000, intervalMs: POLL_MS, what: `${p.key} to draw slide ${page}` })));
}

describe('a speaker presents live', () => {
  it('shares a screen every attendee decodes, shows slides page by page, and talks to the moderator backstage', { timeout: TIMEOUT_MS }, async () => {
    moderator = await openPerson(browser, 'moderator', event.moderators[0]!.name, 'moderator');
    speaker = await openPerson(browser, 'speaker', event.speakers[0]!.name, 'speaker');
    await recordPeerConnections(speaker.context);
    attendees.push(await attendee('amira', 'Amira Haddad', 'skills'), await attendee('bruno', 'Bruno Costa', 'trust'));
    await Promise.all([joinWorkshop(moderator, stack.link('moderator')), joinWorkshop(speaker, stack.link('speaker', 0)), ...attendees.map((a) => joinWorkshop(a, a.joinUrl))]);

    // Backstage, before going live: the device check.
    await waitForText([speaker], 'room-title', 'Backstage (green room)');
    await speaker.testId('device-check').waitFor();
    expect(await speaker.testId('check-camera').getAttribute('data-ok')).toBe('true');
    expect(await speaker.testId('check-mic').getAttribute('data-ok')).toBe('true');
    await speaker.testId('check-share-button').click();
    await waitFor(async () => (await speaker.testId('check-share').getAttribute('data-status')) === 'ok', { intervalMs: POLL_MS, what: 'the screen-share check to pass' });
    await shot(speaker, 'speaker-backstage-device-check');

    await cue(moderator, 'moderator-next', 'Open the doors');
    await cue(moderator, 'moderator-next', `Start: ${event.agenda[0]!.title}`);
    await waitForText(attendees, 'room-title', 'Plenary');
    await speaker.testId('presenter-view').waitFor({ timeout: 30_000 });
    expect(await speaker.page.getByRole('status').filter({ hasText: 'You are live' }).count()).toBe(1);
    // The fake microphone beeps: the speaker's own meter moves.
    await waitFor(async () => Number(await speaker.testId('mic-level').first().getAttribute('data-level')) > 0, { intervalMs: 50, what: 'the speaker\'s mic meter to move' });

    // The share, decoded by every attendee's page at 1280×720.
    await speaker.testId('screen-share').click();
    await Promise.all(attendees.map((a) => a.testId('stage-share').waitFor({ timeout: 30_000 })));
    const received = new Map<Person, ReceivedVideo>();
    await Promise.all(attendees.map(async (a) => {
      received.set(a, await waitFor(async () => {
        const v = await largestReceivedVideo(a.page);
        return v && v.width === SHARE.width && v.height === SHARE.height && v.fps >= SHARE.minFps ? v : false;
      }, { timeoutMs: 60_000, intervalMs: POLL_MS, what: `${a.key} to decode the share at ${SHARE.width}×${SHARE.height}, ≥ ${SHARE.minFps} fps` }));
    }));
    const sent = await sentScreenShareKbps(speaker.page);
    for (const [a, v] of received) notes.push(`screen share on ${a.key}'s page: ${v.width}×${v.height}, ${v.fps} fps decoded, ${v.kbps} kbit/s received (3 s window)`);
    notes.push(`screen share sent by the speaker: ${sent.kbps} kbit/s over its layers ${sent.layers.join(', ')}`);
    for (const a of attendees) expect(await a.has('screen-share'), `${a.key} must not be offered a share`).toBe(false);
    await shot(attendees[0]!, 'stage-screen-share', true);

    // An attendee's own share: livekit-client refuses from its permissions, and LiveKit itself refuses it.
    notes.push(await attendeeShareRefused());

    // Stopping the share returns the stage to the cameras.
    await speaker.testId('screen-share').click();
    await Promise.all(attendees.map((a) => waitFor(async () => !(await a.has('stage-share')) && !(await a.has('stage-slides')), { intervalMs: POLL_MS, what: `${a.key}'s stage back to the cameras` })));

    // Slides: uploaded from the presenter view, drawn by every attendee's page.
    const pdf = Buffer.from(await makeTestPdf(6));
    await speaker.testId('slides-upload').setInputFiles({ name: 'Early findings.pdf', mimeType: 'application/pdf', buffer: pdf });
    await speaker.page.getByText('“Early findings.pdf” uploaded (6 pages).').waitFor();
    await watchRenderedPage(attendees, 1);
    await waitForRenderedPage(attendees, 1);
    await speaker.testId('slide-next').click();
    await speaker.page.getByText('Slide 2 of 6', { exact: true }).first().waitFor();
    await speaker.testId('slide-next').click();
    await watchRenderedPage(attendees, 3);
    await waitForRenderedPage(attendees, 3);
    await waitForText(attendees, 'slides-caption', 'Slide 3 of 6');
    await shot(attendees[1]!, 'stage-slides', true);

    // Page 4: one click, measured until every attendee page has drawn it.
    await watchRenderedPage(attendees, 4);
    const framesBefore = attendees.map((a) => framesOf.get(a)!.length);
    const clickedAt = Date.now();
    await speaker.testId('slide-next').click();
    const drawnAt = await waitForRenderedPage(attendees, 4);
    const latencies = drawnAt.map((t) => t - clickedAt);
    const messages = attendees.flatMap((a, i) => framesOf.get(a)!.slice(framesBefore[i]).filter((f) => f.includes(EVENTS.slidesShown)));
    expect(messages).toHaveLength(attendees.length);
    notes.push(`slide change 3 → 4, the speaker's click to the page drawn on each attendee page: ${describeTimes(latencies)} (${latencies.join(', ')} ms); the message: ${messages[0]!.length} bytes`);
    await waitForText(attendees, 'slides-caption', 'Slide 4 of 6');

    // A moderator takes over.
    await watchRenderedPage(attendees, 5);
    await moderator.testId('slide-next').click();
    await waitForRenderedPage(attendees, 5);
    await waitForText([speaker], 'slides-caption', 'Slide 5 of 6');

    // Talk-back: the speaker's line reaches the moderator, the moderator's the speaker, no attendee either.
    await speaker.testId('talkback-input').fill('Can you hear me clearly?');
    await speaker.testId('talkback-send').click();
    await moderator.testId('talkback-line').filter({ hasText: 'Can you hear me clearly?' }).waitFor();
    await moderator.testId('talkback-input').fill('Loud and clear; two minutes left');
    await moderator.testId('talkback-send').click();
    await speaker.testId('talkback-line').filter({ hasText: 'two minutes left' }).waitFor();
    for (const a of attendees) {
      expect(await a.has('talkback'), `${a.key} must not see the talk-back`).toBe(false);
      expect(framesOf.get(a)!.filter((f) => f.includes(EVENTS.talkbackPosted) || f.includes('Can you hear me clearly') || f.includes('two minutes left'))).toEqual([]);
    }
    notes.push(`talk-back: 2 lines reached the moderator and the speaker; ${attendees.length} attendee pages received none (of ${attendees.map((a) => framesOf.get(a)!.length).join(', ')} frames)`);
    await shot(speaker, 'presenter-view', true);
    await shot(moderator, 'moderator-talkback');

    const uncaught = everyone().flatMap((p) => p.pageErrors.map((e) => `${p.key}: ${e}`));
    expect(uncaught).toEqual([]);
  });
});

/** A probe attendee (through the mail path) with its plenary token in a bare LiveKit page: its share is refused twice. */
async function attendeeShareRefused(): Promise<string> {
  const registered = await registerByMail(stack.url, {
    name: 'Share Probe', email: 'share.probe@example.org', country: 'FR', stakeholderType: 'other', preferences: [event.breakouts[0]!.id],
  }, { mail: stack.server.mail! });
  expect(registered.status).toBe(202);
  const socket = io(stack.url, { path: '/socket.io', transports: ['websocket'], auth: { credential: registered.body.credential, protocolVersion: PROTOCOL_VERSION } });
  // Listened for before anything else is awaited: the assignment comes right after the handshake.
  const assigned = new Promise<Assignment>((resolve, reject) => {
    socket.once(EVENTS.assignmentChanged, resolve);
    socket.once('connect_error', reject);
  });
  const testPage = await startLkTestPage();
  const context = await browser.newContext();
  try {
    const assignment = await assigned;
    expect(assignment).toMatchObject({ roomId: 'plenary', canPublish: false });
    const lk = new LkPage(await context.newPage());
    await lk.open(testPage.url);
    expect(await lk.connect(assignment.livekitUrl, assignment.token!)).toMatchObject({ ok: true });
    expect(await lk.publishScreen()).toMatchObject({ ok: false, error: { source: 'client', status: 403 } });
    expect(await lk.publishScreen({ bypassClientCheck: true })).toMatchObject({ ok: false, error: { source: 'server', reason: 'NOT_ALLOWED' } });
    const listed = (await stack.rooms.listParticipants(livekitRoomName(event.id, 'plenary'))).find((p) => p.identity === registered.body.participantId);
    expect(listed?.tracks ?? null).toEqual([]);
    await lk.disconnect();
    return 'an attendee\'s screen share with their plenary token: livekit-client refused it (403), and LiveKit itself refused it (NOT_ALLOWED); LiveKit lists no track of theirs';
  } finally {
    socket.disconnect();
    await context.close();
    await testPage.close();
  }
}

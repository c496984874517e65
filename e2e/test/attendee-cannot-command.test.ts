// A moderator command sent from an attendee's page, through that page's own Socket.IO connection,
// is refused and changes nothing.
// Run inside the loopback-only namespace:
//   node scripts/netns.mjs -- npx vitest run --root e2e test/attendee-cannot-command.test.ts
//
// How the command reaches the socket: the production build exposes no socket, and a second
// connection with the attendee's credential would replace the page's session ("newest wins").
// So the test routes the page's own WebSocket through Playwright (`page.routeWebSocket`, which
// passes every frame through unchanged) and injects Socket.IO frames into that live, authenticated
// connection, with ack ids of its own; their answers are taken out before they reach the page.
// No change to the client or the server is needed.
import { join } from 'node:path';
import type { Browser, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientAction, EventConfig, Result } from '@live-workshop/shared';
import { launchChromium, register as registerByMail, waitFor } from '@live-workshop/testkit';
import { startStack, type Stack } from '../src/stack';
import { ARTIFACTS_DIR, joinWorkshop, openPerson, type Person } from '../src/workshop';

const EVENT_FILE = join(import.meta.dirname, '../fixtures/e2e-event.yaml');
const SHOTS_DIR = join(ARTIFACTS_DIR, 'attendee-cannot-command');
/** Ack ids far above the client's own counter (which starts at 0), so answers are never confused. */
const FIRST_INJECTED_ACK_ID = 900_000;
const POLL_MS = 100;

let stack: Stack;
let browser: Browser;
let event: EventConfig;
const people: Person[] = [];

beforeAll(async () => {
  if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
  [stack, browser] = await Promise.all([startStack(EVENT_FILE), launchChromium({ fakeCameraFps: 10 })]);
  event = ((await (await fetch(`${stack.url}/api/event`)).json()) as { event: EventConfig }).event;
});

afterAll(async () => {
  await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
  await browser?.close();
  await stack?.stop();
});

/** The page's Socket.IO WebSocket, passed through, with a way to inject requests into it. */
class SocketTap {
  private route: WebSocketRoute | null = null;
  private server: WebSocketRoute | null = null;
  private upgraded = false;
  private nextAckId = FIRST_INJECTED_ACK_ID;
  private readonly answers = new Map<number, (args: unknown[]) => void>();
  /** Event names the server sent to the page, in order. */
  readonly received: string[] = [];

  async install(person: Person): Promise<void> {
    await person.page.routeWebSocket((url) => url.pathname.startsWith('/socket.io/'), (ws) => {
      const server = ws.connectToServer();
      this.route = ws;
      this.server = server;
      this.upgraded = false;
      ws.onMessage((frame) => {
        // Engine.IO "5": the client switched this connection from long-polling to WebSocket.
        if (frame === '5') this.upgraded = true;
        server.send(frame);
      });
      server.onMessage((frame) => {
        const text = typeof frame === 'string' ? frame : frame.toString('utf8');
        const ack = /^43(\d+)(\[.*)$/s.exec(text);
        const id = ack ? Number(ack[1]) : NaN;
        if (ack && this.answers.has(id)) {
          this.answers.get(id)!(JSON.parse(ack[2]!) as unknown[]);
          this.answers.delete(id);
          return; // our answer, not the page's
        }
        const event = /^42\d*\["([^"]+)"/.exec(text);
        if (event) this.received.push(event[1]!);
        ws.send(frame);
      });
    });
  }

  /** Resolves once the page's socket runs over the routed WebSocket. */
  ready(): Promise<boolean> {
    return waitFor(() => this.upgraded && this.server !== null, { timeoutMs: 15_000, intervalMs: POLL_MS, what: 'the page socket to upgrade to WebSocket' });
  }

  /** Send a request on the page's connection, as the page itself would, and wait for its ack. */
  request<T>(event: string, payload: unknown): Promise<Result<T>> {
    const server = this.server;
    if (!server || !this.upgraded) throw new Error('the page socket is not routed yet');
    const id = this.nextAckId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ack for ${event} (${id})`)), 10_000);
      this.answers.set(id, ([result]) => {
        clearTimeout(timer);
        resolve(result as Result<T>);
      });
      server.send(`42${id}${JSON.stringify([event, payload])}`);
    });
  }
}

async function agendaVersion(): Promise<number> {
  return ((await (await fetch(`${stack.url}/api/health`)).json()) as { version: number }).version;
}

/** Register through the mail path: the form over HTTP, the join link from the mail to that address. */
async function register(): Promise<{ participantId: string; joinUrl: string }> {
  const registered = await registerByMail(stack.url, {
    name: 'Curious Attendee', email: 'curious.attendee@example.org', country: 'AT', stakeholderType: 'learner', preferences: [event.breakouts[0]!.id],
  }, { mail: stack.server.mail! });
  expect(registered.status).toBe(202);
  return registered.body;
}

describe('an attendee cannot run moderator commands', () => {
  it('refuses every moderator command sent through the attendee page\'s socket, and nothing changes', async () => {
    const moderator = await openPerson(browser, 'moderator', event.moderators[0]!.name, 'moderator');
    const attendee = await openPerson(browser, 'attendee', 'Curious Attendee', 'attendee');
    people.push(moderator, attendee);
    const registered = await register();
    attendee.identity = registered.participantId;
    const tap = new SocketTap();
    await tap.install(attendee);

    await Promise.all([joinWorkshop(moderator, stack.link('moderator')), joinWorkshop(attendee, registered.joinUrl)]);
    await moderator.testId('moderator-next').waitFor();
    // The moderator opens the doors: the attendee waits in the lobby.
    await moderator.testId('moderator-next').click();
    await moderator.testId('moderator-confirm').click();
    await waitFor(async () => (await attendee.textOf('phase-title')) === 'Lobby', { intervalMs: POLL_MS, what: 'the attendee in the lobby' });
    await waitFor(async () => (await moderator.textOf('moderator-next')) === `Start: ${event.agenda[0]!.title}`, { intervalMs: POLL_MS, what: 'the start cue' });
    await tap.ready();

    const version = await agendaVersion();
    const before = {
      version,
      attendeePhase: await attendee.textOf('phase-title'),
      moderatorPhase: await moderator.textOf('phase-title'),
      moderatorNext: await moderator.textOf('moderator-next'),
    };
    const receivedBefore = tap.received.length;
    const moderatorOnly: ClientAction[] = [
      { type: 'start' },
      { type: 'next' },
      { type: 'goTo', itemIndex: 1 },
      { type: 'extend', minutes: 30 },
      { type: 'end' },
      { type: 'broadcast', text: 'Everyone, please leave now.' },
      { type: 'autoBalance' },
      { type: 'reassign', participantId: attendee.identity, breakoutId: event.breakouts[3]!.id },
      { type: 'promoteToStage', participantId: attendee.identity },
      { type: 'remove', participantId: event.moderators[0]!.id },
    ];
    // The current version, so nothing but the sender's role can be the reason for a refusal.
    const results = await Promise.all(moderatorOnly.map((action) => tap.request<{ version: number }>('agenda:command', { expectedVersion: version, action })));
    for (const [i, result] of results.entries()) {
      expect(result, `${moderatorOnly[i]!.type} must be refused`).toMatchObject({ ok: false, code: 'forbidden' });
    }

    // An accepted command broadcasts its change before its ack; every ack is in, so nothing came.
    const sinceInjection = tap.received.slice(receivedBefore);
    expect(sinceInjection.filter((e) => e === 'agenda:changed' || e === 'broadcast:sent' || e === 'assignment:changed' || e === 'session:ended')).toEqual([]);
    expect(await agendaVersion()).toBe(before.version);
    expect({
      version: before.version,
      attendeePhase: await attendee.textOf('phase-title'),
      moderatorPhase: await moderator.textOf('phase-title'),
      moderatorNext: await moderator.textOf('moderator-next'),
    }).toStrictEqual(before);
    expect(await attendee.has('broadcast')).toBe(false);
    expect(await moderator.has('session-problem')).toBe(false);
    expect(await moderator.has('moderator-console')).toBe(true);
    const roster = await moderator.page.getByRole('row', { name: /Curious Attendee/ }).getByRole('combobox').inputValue();
    expect(roster, 'the attendee\'s breakout is unchanged').toBe(event.breakouts[0]!.id);
    await Promise.all(people.map((p) => p.page.screenshot({ path: join(SHOTS_DIR, `after-refusals-${p.key}.png`) })));

    // The same path carries what an attendee may do: raising a hand is accepted, and the moderator sees it.
    expect(await tap.request('agenda:command', { expectedVersion: version, action: { type: 'raiseHand' } })).toMatchObject({ ok: true });
    await waitFor(async () => ((await moderator.textOf('moderator-hands')) ?? '').includes('Curious Attendee'), { intervalMs: POLL_MS, what: 'the raised hand on the console' });
    // And a real change is seen on this socket: the moderator's start reaches the attendee.
    await moderator.testId('moderator-next').click();
    await moderator.testId('moderator-confirm').click();
    await waitFor(() => tap.received.slice(receivedBefore).includes('agenda:changed'), { intervalMs: POLL_MS, what: 'the start to reach the attendee' });
    expect(await agendaVersion()).toBe(before.version + 1);
    await waitFor(async () => (await attendee.textOf('phase-title')) === event.agenda[0]!.title, { intervalMs: POLL_MS, what: 'the attendee in the opening plenary' });

    const uncaught = people.flatMap((p) => p.pageErrors.map((e) => `${p.key}: ${e}`));
    expect(uncaught).toEqual([]);
  });
});

// Thousands of malformed payloads from attendee and moderator sockets: the server stays up,
// answers each with an error code, and the agenda is exactly as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  ERROR_CODES, EVENTS, agendaCommandPayload, chatSendPayload, emptyPayload, helpRequestPayload, moveReportPayload, visitRoomPayload,
} from '@live-workshop/shared';
import type { App } from '../src/app.js';
import { register, startTestApp, TestClient } from './harness.js';

let app: App;
let url: string;
let attendee: TestClient;
let moderator: TestClient;

beforeAll(async () => {
  ({ app, url } = await startTestApp({ requestsPerSecond: 1_000_000 }));
  const { body } = await register(url, { name: 'Fuzzy', email: 'fuzzy@example.org', preferences: ['trust'] });
  attendee = new TestClient(url, body.credential);
  const links = await app.staffLinks();
  moderator = new TestClient(url, links.find((l) => l.role === 'moderator')!.url.split('/join/')[1]!);
  await Promise.all([attendee.connected(), moderator.connected()]);
  await moderator.next(EVENTS.agendaChanged);
  expect(await moderator.command({ type: 'openDoors' })).toMatchObject({ ok: true });
  await attendee.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
});

afterAll(async () => {
  attendee?.close();
  moderator?.close();
  await app?.close();
});

const REQUESTS = [EVENTS.agendaCommand, EVENTS.chatSend, EVENTS.sessionResync, EVENTS.roomVisit, EVENTS.helpRequest, EVENTS.moveReport];
const ACTION_TYPES = ['openDoors', 'start', 'next', 'goTo', 'extend', 'endBreakouts', 'pause', 'resume', 'end', 'reassign', 'autoBalance',
  'promoteToStage', 'returnToAudience', 'lowerHand', 'remove', 'broadcast', 'raiseHand', 'lowerOwnHand', 'admit', 'deadlineReached'];

const SCHEMAS: Record<string, { safeParse(v: unknown): { success: boolean } }> = {
  [EVENTS.agendaCommand]: agendaCommandPayload, [EVENTS.chatSend]: chatSendPayload, [EVENTS.sessionResync]: emptyPayload,
  [EVENTS.roomVisit]: visitRoomPayload, [EVENTS.helpRequest]: helpRequestPayload, [EVENTS.moveReport]: moveReportPayload,
};

/** What the server receives: Socket.IO sends JSON, so undefined fields vanish. */
const asSent = (payload: unknown): unknown => {
  if (payload === undefined || Buffer.isBuffer(payload)) return payload;
  try {
    return JSON.parse(JSON.stringify(payload) ?? 'null');
  } catch {
    return payload;
  }
};

const deep = (depth: number): unknown => (depth === 0 ? 'bottom' : { nested: deep(depth - 1) });
const hostileKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');

/** Payloads that must all be refused: nothing here is a valid, current command. */
const malformed = fc.oneof(
  fc.anything({ maxDepth: 4, withBigInt: false, withTypedArray: false, withMap: false, withSet: false }),
  fc.string({ maxLength: 30_000 }),
  fc.integer({ min: 1, max: 400 }).map(deep),
  fc.uint8Array({ maxLength: 2048 }).map((bytes) => Buffer.from(bytes)),
  fc.dictionary(hostileKeys, fc.anything({ maxDepth: 2 })).map((d) => JSON.parse(JSON.stringify(d).replace(/"prototype"/, '"__proto__"'))),
  // Almost-valid commands: a real action with a stale or absurd version, or an extra field, or wrong types.
  fc.record({
    expectedVersion: fc.oneof(fc.integer({ min: -5, max: 1 }), fc.integer({ min: 1000, max: 2 ** 31 }), fc.string(), fc.constant(null)),
    action: fc.record({ type: fc.constantFrom(...ACTION_TYPES), participantId: fc.string(), minutes: fc.anything({ maxDepth: 1 }) }, { requiredKeys: ['type'] }),
  }, { requiredKeys: [] }),
  fc.record({ text: fc.oneof(fc.constant(''), fc.string({ minLength: 1001, maxLength: 5000 }), fc.integer(), fc.constant('   ')), extra: fc.anything({ maxDepth: 1 }) }),
  fc.record({ roomId: fc.oneof(fc.string(), fc.constant('breakout:../../etc'), fc.constant('breakout:UPPER')) }),
);

test('10,000 malformed requests: each answered with an error code, nothing changes, the server stays up', async () => {
  const before = structuredClone(app.agenda.state);
  const samples = fc.sample(fc.tuple(fc.constantFrom(...REQUESTS, 'agenda:delete', 'admin:everything', 'livekit:token'), malformed, fc.boolean()), { numRuns: 10_000, seed: 4242 });
  const codes = new Map<string, number>();
  let validSkipped = 0;
  const batch = 250;
  for (let i = 0; i < samples.length; i += batch) {
    const answers = await Promise.all(samples.slice(i, i + batch).map(([event, payload, fromModerator]) => {
      const client = fromModerator ? moderator : attendee;
      if (SCHEMAS[event]?.safeParse(asSent(payload)).success) {
        validSkipped++;
        return Promise.resolve({ ok: false, code: 'invalid_payload' }); // well-formed by chance: not part of this test
      }
      return new Promise<{ ok: boolean; code?: string }>((resolve) => {
        (client.socket.emit as (...args: unknown[]) => void)(event, payload, resolve);
      });
    }));
    for (const [j, a] of answers.entries()) {
      if (a.ok) throw new Error(`accepted: ${JSON.stringify(samples[i + j]).slice(0, 300)} -> ${JSON.stringify(a).slice(0, 200)}`);
      expect(ERROR_CODES).toContain(a.code);
      codes.set(a.code!, (codes.get(a.code!) ?? 0) + 1);
    }
  }
  expect(attendee.socket.connected && moderator.socket.connected).toBe(true);
  expect(app.agenda.state).toStrictEqual(before);
  expect(validSkipped).toBeLessThan(100);
  expect(codes.get('invalid_payload')).toBeGreaterThan(9_000);
  // Still fully working afterwards.
  expect(await moderator.command({ type: 'start' })).toMatchObject({ ok: true });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

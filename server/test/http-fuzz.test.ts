// 10,000 generated HTTP requests against every endpoint, from every kind of caller (nobody, an
// attendee, a speaker, a moderator, a forged or withdrawn link): no answer is a server error, every
// refusal is a JSON error with a code, and a refused request changes nothing — neither the agenda
// nor a row of the database (SQLite's data_version, read over a second connection, stays put).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ERROR_CODES } from '@live-workshop/shared';
import type { App } from '../src/app.js';
import { register, staffCredential, startTestApp } from './harness.js';

const ENDPOINTS: readonly (readonly [method: string, path: string])[] = [
  ['GET', '/api/event'], ['GET', '/api/health'], ['GET', '/api/privacy'], ['GET', '/api/registration/form'],
  ['POST', '/api/registrations'], ['GET', '/api/registrations/ics'], ['POST', '/api/me/confirm'],
  ['GET', '/api/me/data'], ['GET', '/api/me/attendance'], ['DELETE', '/api/me'],
  ['GET', '/api/certificates/mine'], ['GET', '/api/certificates/issuer'], ['GET', '/api/certificates/jwks'],
  ['GET', '/api/certificates/achievements/:id'], ['GET', '/api/certificates/:id/jwt'], ['GET', '/api/certificates/:id/verify'],
  ['POST', '/api/certificates/verify'], ['GET', '/certificates/:id'],
  ['GET', '/api/moderator/attendance'], ['GET', '/api/moderator/attendance.csv'], ['GET', '/api/moderator/autopilot'],
  ['POST', '/api/moderator/autopilot'], ['GET', '/api/moderator/certificates'], ['POST', '/api/moderator/certificates/:id/revoke'],
  ['GET', '/api/moderator/event'], ['PUT', '/api/moderator/event'], ['GET', '/api/moderator/occupancy'],
  ['GET', '/api/moderator/preferences'], ['GET', '/api/moderator/privacy'], ['PUT', '/api/moderator/privacy/retention'],
  ['POST', '/api/moderator/purge'], ['GET', '/api/moderator/registrations'], ['GET', '/api/moderator/registrations.csv'],
  ['GET', '/api/moderator/staff-links'], ['POST', '/api/moderator/people/:id/revoke'], ['POST', '/api/moderator/people/:id/readmit'],
  ['POST', '/livekit/webhook'], ['GET', '/no/such/page'], ['PATCH', '/api/event'],
];

let app: App;
let url: string;
let dataVersion: () => number;
let closeReader: () => void;
const callers: Record<string, string | null> = {};

beforeAll(async () => {
  const started = await startTestApp({ requestsPerSecond: 1_000_000 });
  ({ app, url } = started);
  const reader = new Database(started.dbPath, { readonly: true });
  const version = reader.prepare('PRAGMA data_version').pluck();
  dataVersion = () => version.get() as number;
  closeReader = () => reader.close();
  const ann = await register(url, { name: 'Ann Fuzz', email: 'ann@example.org', preferences: ['trust'] });
  const old = await register(url, { name: 'Old Link', email: 'old@example.org' });
  const moderator = await staffCredential(app, 'anastasia-pouliou');
  // A withdrawn link: the moderator replaced it.
  expect((await fetch(`${url}/api/moderator/people/${old.body.participantId}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${moderator}` } })).status).toBe(200);
  Object.assign(callers, {
    nobody: null, attendee: ann.body.credential, speaker: await staffCredential(app, 'research-lead'), moderator,
    withdrawn: old.body.credential, forged: `${ann.body.credential.slice(0, -4)}AAAA`, garbage: 'not-a-credential',
  });
});

afterAll(async () => {
  closeReader?.();
  await app?.close();
});

const hostile = fc.constantFrom('../../etc/passwd', '%00', '%2e%2e%2f', 'a'.repeat(5000), '__proto__', 'constructor', "' OR 1=1 --", '<script>x</script>', 'a-anyone');
const idPart = fc.oneof(hostile, fc.string({ maxLength: 40 }).map(encodeURIComponent), fc.constantFrom('anastasia-pouliou', 'research-lead', 'microcredentials-2025'));
const jsonBody = fc.oneof(
  fc.anything({ maxDepth: 3, withBigInt: false, withTypedArray: false, withMap: false, withSet: false }).map((v) => JSON.stringify(v) ?? 'null'),
  fc.record({
    name: fc.oneof(fc.string(), fc.constant('')), email: fc.oneof(fc.emailAddress(), fc.string()), country: fc.string({ maxLength: 3 }),
    consent: fc.anything({ maxDepth: 0 }), preferences: fc.anything({ maxDepth: 1 }), privacyNoticeVersion: fc.string(),
    title: fc.string(), retentionDays: fc.anything({ maxDepth: 0 }), enabled: fc.anything({ maxDepth: 0 }), jwt: fc.string(),
  }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{', '[]', 'null', '"x"', '1e309'),
  fc.constant('x'.repeat(300_000)),
);
const request = fc.record({
  endpoint: fc.constantFrom(...ENDPOINTS),
  id: idPart,
  caller: fc.constantFrom('nobody', 'attendee', 'speaker', 'moderator', 'withdrawn', 'forged', 'garbage'),
  viaQuery: fc.boolean(),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/webhook+json', null),
  body: fc.option(jsonBody, { nil: undefined }),
  query: fc.option(fc.dictionary(fc.constantFrom('lang', 'credential', 'format', 'since'), fc.oneof(hostile, fc.string({ maxLength: 20 }))), { nil: undefined }),
});

test('10,000 generated HTTP requests: no server error; every refusal is a coded JSON error and changes nothing', async () => {
  const samples = fc.sample(request, { numRuns: 10_000, seed: 20261202 });
  const statuses = new Map<number, number>();
  for (const r of samples) {
    const [method, template] = r.endpoint;
    const credential = callers[r.caller] ?? null;
    const params = new URLSearchParams(r.query ?? {});
    if (credential && r.viaQuery) params.set('credential', credential);
    const path = template.replace(':id', r.id);
    const headers: Record<string, string> = {};
    if (credential && !r.viaQuery) headers.authorization = `Bearer ${credential}`;
    if (r.contentType) headers['content-type'] = r.contentType;
    const agendaBefore = JSON.stringify(app.agenda.state);
    const rowsBefore = dataVersion();
    const res = await fetch(`${url}${path}${params.size ? `?${params}` : ''}`, {
      method, headers, body: method === 'GET' || method === 'DELETE' ? undefined : r.body,
    });
    const text = await res.text();
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    const what = `${method} ${path.slice(0, 80)} as ${r.caller} -> ${res.status} ${text.slice(0, 200)}`;
    expect(res.status, what).toBeLessThan(500);
    // Only the certificate page (for browsers) refuses with a page, and without any server detail.
    const page = res.status >= 400 && !res.headers.get('content-type')?.includes('json');
    if (page) {
      expect(template, what).toBe('/certificates/:id');
      expect(text, what).not.toMatch(/\bat .*\.ts:\d+|Error:/);
    }
    if (res.status >= 400 && !page) {
      const error = (() => {
        try {
          return JSON.parse(text) as { code?: string; message?: string };
        } catch {
          throw new Error(`not a JSON error: ${what}`);
        }
      })();
      expect([...ERROR_CODES, 'not_found'], what).toContain(error.code);
      expect(typeof error.message, what).toBe('string');
    }
    if (res.status >= 400) {
      expect(JSON.stringify(app.agenda.state), what).toBe(agendaBefore);
      expect(dataVersion(), what).toBe(rowsBefore);
    }
  }
  // The run reached the endpoints (not only the front door): refusals of every kind, and successes.
  expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 401, 403, 404]));
  expect((await fetch(`${url}/api/health`)).status).toBe(200);
}, 300_000);

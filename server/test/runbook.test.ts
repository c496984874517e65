// docs/runbook.md names only what exists: every `$APP/…` request it gives reaches a route of the
// app (no "no such page"), every `npm run` script is in package.json, and every console button
// it names is in the moderator console.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { staffCredential, startTestApp } from './harness.js';

const ROOT = join(import.meta.dirname, '../..');
const runbook = readFileSync(join(ROOT, 'docs/runbook.md'), 'utf8');
const SAMPLE_IDS: Record<string, string> = { '<staff id>': 'research-lead', '<participant id>': 'a-nobody' };

let started: Awaited<ReturnType<typeof startTestApp>>;
let moderator: string;
beforeAll(async () => {
  started = await startTestApp();
  moderator = await staffCredential(started.app, 'anastasia-pouliou');
});
afterAll(() => started.app.close());

/** Each request of the runbook: the method (curl -X) and the path after $APP. */
function requestsOf(text: string): { method: string; path: string }[] {
  const requests: { method: string; path: string }[] = [];
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(/\$APP(\/(?:<[^>]+>|[^\s"'`)<])*)/g)) {
      const method = /-X (POST|PUT|DELETE)\b/.exec(line.slice(0, match.index))?.[1] ?? 'GET';
      requests.push({ method, path: match[1]!.replace(/<[^>]+>/g, (id) => SAMPLE_IDS[id] ?? id) });
    }
  }
  return requests;
}

test('every request in the runbook reaches a route of the app', async () => {
  const requests = requestsOf(runbook);
  expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining([
    'GET /readyz', 'GET /healthz', 'POST /api/moderator/people/research-lead/revoke', 'GET /api/moderator/staff-links',
    'POST /api/moderator/backups', 'POST /api/moderator/autopilot', 'POST /api/moderator/people/a-nobody/readmit',
  ]));
  for (const { method, path } of requests) {
    const res = await fetch(`${started.url}${path}`, { method, headers: { authorization: `Bearer ${moderator}` } });
    const body = await res.json() as { code?: string };
    expect({ method, path, code: body.code }).not.toMatchObject({ code: 'not_found' });
  }
});

test('every npm script and console button the runbook names exists', () => {
  const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
  const named = [...runbook.matchAll(/npm run (\w+)/g)].map((m) => m[1]!);
  expect(named).toContain('restore');
  for (const script of named) expect(scripts).toContain(script);

  const consoleDir = join(ROOT, 'client/src/moderator');
  const consoleSource = readdirSync(consoleDir).filter((f) => f.endsWith('.tsx')).map((f) => readFileSync(join(consoleDir, f), 'utf8')).join('\n');
  const buttons = [...runbook.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!);
  expect(buttons).toEqual(['Pause the clock', 'Resume the clock']);
  for (const label of buttons) expect(consoleSource).toContain(label);
});

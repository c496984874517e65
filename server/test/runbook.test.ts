// docs/runbook.md names only what exists: every `$APP/…` request it gives reaches a route of the
// app (no "no such page"), every `npm run` script is in package.json, every console button (bold)
// it names is in the moderator console, every dashboard panel or check line (italics) is on the
// dashboard or among the pre-event checks, and every `docker compose` service and profile it names
// is in docker-compose.yml.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { staffCredential, startTestApp } from './harness.js';

const ROOT = join(import.meta.dirname, '../..');
const runbook = readFileSync(join(ROOT, 'docs/runbook.md'), 'utf8');
const SAMPLE_IDS: Record<string, string> = { '<staff id>': 'research-lead', '<participant id>': 'a-nobody' };

let started: Awaited<ReturnType<typeof startTestApp>>;
let moderator: string;
beforeAll(async () => {
  // As deployed with METRICS_TOKEN set (the runbook's metrics requests need it).
  started = await startTestApp({ metricsToken: 'runbook-metrics-token-0123' });
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
    'POST /api/moderator/backups', 'POST /api/moderator/autopilot', 'POST /api/moderator/people/a-nobody/readmit', 'GET /metrics',
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
  expect(named).toEqual(expect.arrayContaining(['restore', 'check']));
  for (const script of named) expect(scripts).toContain(script);

  const consoleDir = join(ROOT, 'client/src/moderator');
  const consoleSource = readdirSync(consoleDir).filter((f) => f.endsWith('.tsx')).map((f) => readFileSync(join(consoleDir, f), 'utf8')).join('\n')
    // The console's words are in the English catalogue (the console says them in the reader's language).
    + readFileSync(join(ROOT, 'shared/src/i18n/locales/en.json'), 'utf8');
  const buttons = [...runbook.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!);
  expect(buttons).toEqual(['Run the pre-event check', 'Pause the clock', 'Resume the clock']);
  for (const label of buttons) expect(consoleSource).toContain(label);
});

test('every dashboard panel and pre-event check line the runbook names exists', () => {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'server/deploy/monitoring/grafana/dashboards/live-workshop.json'), 'utf8')) as { title: string; panels: { title: string }[] };
  // The check lines' titles, as an English reader sees them (the checks name them by catalogue key).
  const english = JSON.parse(readFileSync(join(ROOT, 'shared/src/i18n/locales/en.json'), 'utf8')) as { check: { title: Record<string, string> } };
  const checkTitles = Object.values(english.check.title);
  const italics = [...runbook.matchAll(/(?<!\*)\*([^*\s][^*]*?)\*(?!\*)/g)].map((m) => m[1]!.replace(/\s+/g, ' '));
  expect(italics).toEqual(expect.arrayContaining(['Live Workshop', 'Moves per minute, by outcome', 'TURN / TCP fallback offered', 'Mail', 'Disk space of the data folder']));
  for (const name of italics) {
    const onDashboard = name === dashboard.title || dashboard.panels.some((p) => p.title.startsWith(name));
    const aCheck = checkTitles.includes(name);
    expect({ name, onDashboard, aCheck }).not.toMatchObject({ onDashboard: false, aCheck: false });
  }
});

test('every docker compose service and profile the runbook names is in docker-compose.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { profiles?: string[] }> };
  const commands = [...runbook.matchAll(/docker compose ([^`\n]+)/g)].map((m) => m[1]!.trim());
  const services: string[] = [];
  for (const command of commands) {
    const [verb, ...rest] = command.split(/\s+/);
    if (['restart', 'stop', 'start', 'logs', 'exec'].includes(verb!)) services.push(rest.find((w) => !w.startsWith('-'))!);
    if (verb === 'run') services.push(rest.find((w) => !w.startsWith('-'))!);
    if (verb === 'cp') services.push(rest[0]!.split(':')[0]!);
  }
  expect(new Set(services)).toEqual(new Set(['app', 'livekit']));
  for (const service of services) expect(Object.keys(compose.services)).toContain(service);
  const profiles = [...runbook.matchAll(/--profile (\w+)/g)].map((m) => m[1]!);
  expect(profiles).toContain('monitoring');
  const declared = Object.values(compose.services).flatMap((s) => s.profiles ?? []);
  for (const profile of profiles) expect(declared).toContain(profile);
});

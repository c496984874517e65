// Event set-up: the event file validator (line and field), and a moderator's edit before the event.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { EVENTS, eventConfigSchema } from '@live-workshop/shared';
import { EventFileError, loadEventFile, parseEventText } from '../src/live/event/loadEventFile.js';
import { api, manualWorkshop } from './aroundHarness.js';
import { register, SEED_EVENT_FILE, staffCredential, startTestApp } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const problemsOf = (text: string) => {
  try {
    parseEventText(text, 'broken.yaml');
  } catch (err) {
    if (err instanceof EventFileError) return err.problems;
    throw err;
  }
  throw new Error('the broken file was accepted');
};

describe('the event file validator', () => {
  test('a broken file: every problem with its line and field', () => {
    const seed = readFileSync(SEED_EVENT_FILE, 'utf8');
    const broken = seed
      .replace('start: "09:30"\nend: "13:00"', 'start: "9.30"\nend: "13:00"')
      .replace('    capacity: 150\n  - id: trust', '    capacity: -5\n  - id: trust')
      .replace('stage: [research-lead, refernet-expert]', 'stage: [research-lead, nobody]')
      .replace('breakoutWarningSeconds: 60', 'breakoutWarningSeconds: 60\nattendanceThreshold: 1.5');
    const lineOf = (needle: string) => broken.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const file = join(mkdtempSync(join(tmpdir(), 'lw-event-')), 'broken.yaml');
    writeFileSync(file, broken);
    expect(() => loadEventFile(file)).toThrow(/line \d+: start: use HH:MM/);
    expect(problemsOf(broken)).toEqual(expect.arrayContaining([
      { line: lineOf('start: "9.30"'), field: 'start', message: 'use HH:MM' },
      { line: lineOf('capacity: -5'), field: 'breakouts.0.capacity', message: expect.stringContaining('>=1') },
      { line: lineOf('attendanceThreshold: 1.5'), field: 'attendanceThreshold', message: expect.stringContaining('<=1') },
    ]));
    // The unknown speaker only shows once the schema's shape is right, as the loader reports in passes.
    const onlyStage = seed.replace('stage: [research-lead, refernet-expert]', 'stage: [research-lead, nobody]');
    const stageLine = onlyStage.split('\n').findIndex((l) => l.includes('nobody')) + 1;
    expect(problemsOf(onlyStage)).toEqual([{ line: stageLine, field: 'agenda.0.stage.1', message: 'unknown speaker "nobody"' }]);
  });

  test('an end that is not the agenda\'s end, and a time zone with a typo, each with its line and field', () => {
    const seed = readFileSync(SEED_EVENT_FILE, 'utf8');
    const lineIn = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const lateEnd = seed.replace('end: "13:00"', 'end: "14:00"');
    expect(problemsOf(lateEnd)).toEqual([{ line: lineIn(lateEnd, 'end: "14:00"'), field: 'end', message: 'the event ends at 14:00 but its agenda ends at 13:00: make them the same' }]);
    const typo = seed.replace('timeZone: Europe/Brussels', 'timeZone: Europe/Lisbonx');
    expect(problemsOf(typo)).toEqual([{ line: lineIn(typo, 'Europe/Lisbonx'), field: 'timeZone', message: 'use an IANA time zone, e.g. Europe/Brussels' }]);
  });

  test('a YAML syntax error is reported with its line', () => {
    const problems = problemsOf('id: x\ntitle: t: u\nagenda: []\n');
    expect(problems[0]).toEqual({ field: '(syntax)', line: 2, message: 'Nested mappings are not allowed in compact mappings' });
  });

  test('the new settings are optional, so existing event files stay valid', () => {
    const seed = loadEventFile(SEED_EVENT_FILE);
    expect(seed.autopilot).toBeUndefined();
    expect(eventConfigSchema.parse({ ...seed, autopilot: true, attendanceThreshold: 0.75, retentionDays: 90 })).toMatchObject({ autopilot: true, attendanceThreshold: 0.75, retentionDays: 90 });
  });
});

describe('a moderator edits the event before it starts', () => {
  const edited = () => {
    const seed = loadEventFile(SEED_EVENT_FILE);
    return {
      ...seed,
      title: 'Microcredentials and the Future of Learning (revised)',
      breakouts: seed.breakouts.filter((b) => b.id !== 'uncharted').map((b) => (b.id === 'trust' ? { ...b, facilitator: 'A. Facilitator' } : b)),
    };
  };

  test('validated like the file; applied at once, connected people told, people in a removed room re-placed; survives a restart', async () => {
    const w = await manualWorkshop(cleanups);
    const un = (await register(w.url, { name: 'Una', email: 'una@example.org', preferences: ['uncharted', 'global'] })).body;
    const put = (body: unknown, credential = w.moderatorCredential) => api(w.url, '/api/moderator/event', { method: 'PUT', credential, body });
    const before = structuredClone(w.app.agenda.state);

    const bad = await put({ ...edited(), start: '25:00', breakouts: [{ id: 'Bad Id', title: '', capacity: 0 }] });
    expect(bad.status).toBe(400);
    expect(bad.json.fieldErrors).toMatchObject({ start: 'use HH:MM', 'breakouts.0.id': 'use lowercase letters, digits and dashes', 'breakouts.0.capacity': expect.any(String) });
    expect((await put({ ...edited(), id: 'another-event' })).json.fieldErrors).toMatchObject({ id: expect.stringContaining('microcredentials-2025') });
    expect((await put(edited(), un.credential)).status).toBe(403);
    expect(w.app.agenda.state).toStrictEqual(before);

    const ok = await put(edited());
    expect(ok.status).toBe(200);
    expect(ok.json.current.title).toBe(edited().title);
    expect(await w.moderator.next(EVENTS.eventChanged)).toMatchObject({ title: edited().title });
    expect((await api(w.url, '/api/event')).json.event.breakouts.map((b: { id: string }) => b.id)).toEqual(['skills', 'trust', 'global']);
    // Una's room is gone: she goes to her second choice.
    expect(w.app.agenda.state.participants[un.participantId]!.breakoutId).toBe('global');

    w.moderator.close();
    await w.app.close();
    const again = await startTestApp({ dbPath: w.dbPath, clock: w.time, scheduler: w.time });
    cleanups.push(() => again.app.close());
    const { event } = (await api(again.url, '/api/event')).json;
    expect(event.title).toBe(edited().title);
    expect(event.breakouts.find((b: { id: string }) => b.id === 'trust').facilitator).toBe('A. Facilitator');
  });

  test('an edit that drops a moderator ends their link; staff links then work, with the new moderator in them', async () => {
    const w = await manualWorkshop(cleanups);
    const seed = loadEventFile(SEED_EVENT_FILE);
    const dropped = await staffCredential(w.app, 'iraklis-pliakis');
    const theirs = w.connect(dropped);
    await theirs;
    const moderators = [...seed.moderators.filter((m) => m.id !== 'iraklis-pliakis'), { id: 'new-moderator', name: 'New Moderator' }];
    const edit = await api(w.url, '/api/moderator/event', { method: 'PUT', credential: w.moderatorCredential, body: { ...seed, moderators } });
    expect(edit.status).toBe(200);
    expect((await (await theirs).next(EVENTS.sessionEnded)).reason).toBe('removed');
    expect((await api(w.url, '/api/moderator/staff-links', { credential: dropped })).status).toBe(401);
    const links = await api(w.url, '/api/moderator/staff-links', { credential: w.moderatorCredential });
    expect(links.status).toBe(200);
    expect(links.json.links.map((l: { id: string }) => l.id)).toEqual(['anastasia-pouliou', 'maite-santos', 'new-moderator', 'research-lead', 'refernet-expert']);
    const fresh = links.json.links.find((l: { id: string }) => l.id === 'new-moderator').url.split('/join/')[1];
    await w.connect(fresh);
    expect(w.app.agenda.state.participants['new-moderator']).toMatchObject({ role: 'moderator' });
    expect(w.app.agenda.state.participants['iraklis-pliakis']).toBeUndefined();
  });

  test('refused once the doors are open', async () => {
    const w = await manualWorkshop(cleanups);
    await w.command({ type: 'openDoors' });
    const late = await api(w.url, '/api/moderator/event', { method: 'PUT', credential: w.moderatorCredential, body: edited() });
    expect(late).toMatchObject({ status: 409, json: { code: 'not_allowed_now' } });
    expect((await api(w.url, '/api/event')).json.event.title).toBe('Microcredentials and the Future of Learning');
  });
});

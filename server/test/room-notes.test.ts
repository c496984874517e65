// Facilitators' room notes over real Socket.IO clients: who may write a room's notes, who hears
// them while they are written (moderators and the room's facilitator, nobody else), the plenary
// receiving them when the report-back item starts and not before, the exports, and the notes as
// they were after the app restarts on its data file.
import { afterEach, expect, test } from 'vitest';
import { EVENTS, ROOM_NOTES_MAX_CHARS, type EventConfig } from '@live-workshop/shared';
import type { App } from '../src/app.js';
import { register, seedEventFor, staffCredential, startTestApp, tempDbPath, TestClient } from './harness.js';

const clients: TestClient[] = [];
const apps: App[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const a of apps.splice(0)) await a.close();
});

/** The seed workshop with its staff in the breakout rooms, so a speaker placed in a room facilitates it. */
function staffedSeed(): EventConfig {
  const seed = seedEventFor(Date.now());
  return { ...seed, agenda: seed.agenda.map((item) => (item.kind === 'breakouts' ? { ...item, staffPlacement: 'breakouts' as const } : item)) };
}

async function started(dbPath: string, event: EventConfig) {
  const { app, url } = await startTestApp({ dbPath, event });
  apps.push(app);
  const connect = async (credential: string) => {
    const c = new TestClient(url, credential);
    clients.push(c);
    await c.connected();
    await c.next(EVENTS.agendaChanged);
    return c;
  };
  return { app, url, connect, staff: (id: string) => staffCredential(app, id) };
}

const itemRunning = (index: number) => (s: { phase: { kind: string; itemIndex?: number } }) => s.phase.itemIndex === index;

test('a facilitator writes their own room\'s notes only; the plenary sees them in the report-back, not before; exported; kept across a restart', async () => {
  const dbPath = tempDbPath();
  const event = staffedSeed();
  const { app, url, connect, staff } = await started(dbPath, event);
  const ada = await register(url, { name: 'Ada Plenary', email: 'ada@example.org', preferences: ['skills'] });
  const [moderator, lead, expert, adaC] = [
    await connect(await staff('anastasia-pouliou')), await connect(await staff('research-lead')), await connect(await staff('refernet-expert')), await connect(ada.body.credential),
  ];
  // The moderator places one speaker in each of two rooms: they facilitate those rooms.
  expect(await moderator.command({ type: 'reassign', participantId: 'research-lead', breakoutId: 'skills' }, app.agenda.state.version)).toMatchObject({ ok: true });
  expect(await moderator.command({ type: 'reassign', participantId: 'refernet-expert', breakoutId: 'trust' }, app.agenda.state.version)).toMatchObject({ ok: true });
  await moderator.command({ type: 'openDoors' }, app.agenda.state.version);
  await moderator.command({ type: 'start' }, app.agenda.state.version);
  await moderator.command({ type: 'next' }, app.agenda.state.version);
  await adaC.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');

  const notes = 'Stackable credits matter most.\nEmployers want short, verified modules.';
  expect(await lead.request(EVENTS.notesWrite, { breakoutId: 'skills', text: notes })).toEqual({
    ok: true, data: { breakoutId: 'skills', text: notes, updatedAt: expect.any(Number), updatedBy: 'Research project lead' },
  });
  // Another room's facilitator, an attendee, an unknown room, oversized or malformed notes: refused, nothing saved.
  expect(await lead.request(EVENTS.notesWrite, { breakoutId: 'trust', text: 'Not my room' })).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await expert.request(EVENTS.notesWrite, { breakoutId: 'skills', text: 'Overwrite' })).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await adaC.request(EVENTS.notesWrite, { breakoutId: 'skills', text: 'Mine now' })).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await lead.request(EVENTS.notesWrite, { breakoutId: 'nowhere', text: 'x' })).toMatchObject({ ok: false, code: 'unknown_breakout' });
  expect(await lead.request(EVENTS.notesWrite, { breakoutId: 'skills', text: 'x'.repeat(ROOM_NOTES_MAX_CHARS + 1) })).toMatchObject({ ok: false, code: 'invalid_payload' });
  expect(await lead.request(EVENTS.notesWrite, { breakoutId: 'skills', text: 'bell\u0007' })).toMatchObject({ ok: false, code: 'invalid_payload' });
  expect(await lead.request(EVENTS.notesWrite, { breakoutId: 'skills' } as never)).toMatchObject({ ok: false, code: 'invalid_payload' });
  // A moderator writes any room's notes.
  expect(await moderator.request(EVENTS.notesWrite, { breakoutId: 'trust', text: 'Quality labels;=audits' })).toMatchObject({ ok: true });

  // Moderators hear every save, the facilitator their own room's; the other facilitator hears only theirs.
  expect((await moderator.next(EVENTS.notesChanged, (n) => n.breakoutId === 'skills')).text).toBe(notes);
  expect((await expert.next(EVENTS.notesChanged, (n) => n.breakoutId === 'trust')).text).toBe('Quality labels;=audits');
  expect((await lead.next(EVENTS.notesChanged)).breakoutId).toBe('skills');
  expect(expert.all(EVENTS.notesChanged).map((n) => n.breakoutId)).toEqual(['trust']);

  // The report-back starts (agenda item 3, "Report-back and ReferNet plenary"): everyone receives the round's notes.
  await moderator.command({ type: 'next' }, app.agenda.state.version);
  await adaC.next(EVENTS.agendaChanged, itemRunning(2));
  // Events on one connection arrive in order: up to the cue, the attendee had received no notes at all.
  const cueAt = adaC.received.findIndex((r) => r.event === EVENTS.agendaChanged && itemRunning(2)(r.payload as { phase: { kind: string; itemIndex?: number } }));
  expect(adaC.received.slice(0, cueAt).filter((r) => r.event.startsWith('notes:'))).toEqual([]);
  expect(adaC.all(EVENTS.notesChanged)).toEqual([]);
  const shown = await adaC.next(EVENTS.notesReportedBack, (r) => r !== null);
  expect(shown).toMatchObject({ itemIndex: 2, roundTitle: 'Thematic breakout rooms' });
  expect(shown!.rooms.map((r) => [r.breakoutId, r.notes?.text ?? null])).toEqual([
    ['skills', notes], ['trust', 'Quality labels;=audits'], ['global', null], ['uncharted', null],
  ]);
  // A save during the report-back reaches the plenary at once.
  expect(await lead.request(EVENTS.notesWrite, { breakoutId: 'skills', text: `${notes}\nAnd recognition.` })).toMatchObject({ ok: true });
  await adaC.next(EVENTS.notesReportedBack, (r) => r?.rooms[0]?.notes?.text.endsWith('And recognition.') === true);

  // Exports: CSV (defused like every export) and Markdown, moderators only.
  const bearer = { authorization: `Bearer ${await staff('anastasia-pouliou')}` };
  const csv = await fetch(`${url}/api/moderator/notes.csv`, { headers: bearer });
  expect(csv.status).toBe(200);
  const csvText = await csv.text();
  expect(csvText).toContain('"round","room","room_title","notes","saved_at","saved_by"');
  expect(csvText).toContain(`"Thematic breakout rooms","skills","Shaping Skills for Tomorrow: Microcredentials and the Labour Market","${notes}\nAnd recognition.","`);
  expect(csvText).toContain(`"Quality labels;'=audits"`);
  const md = await fetch(`${url}/api/moderator/notes.md`, { headers: bearer });
  expect(md.headers.get('content-type')).toContain('text/markdown');
  const mdText = await md.text();
  expect(mdText).toContain('### Shaping Skills for Tomorrow: Microcredentials and the Labour Market\n\n> Stackable credits matter most.\n> Employers want short, verified modules.\n> And recognition.\n');
  expect(mdText).toContain('### Global Credentials: Making Microcredentials Recognisable and Portable\n\n_No notes._');
  expect((await fetch(`${url}/api/moderator/notes.md`, { headers: { authorization: `Bearer ${ada.body.credential}` } })).status).toBe(403);

  // Restart on the same data file, the report-back still running: the notes are all there.
  for (const c of clients.splice(0)) c.close();
  await apps.splice(0)[0]!.close();
  const again = await started(dbPath, event);
  const adaAgain = await again.connect(ada.body.credential);
  const afterRestart = await adaAgain.next(EVENTS.notesReportedBack);
  expect(afterRestart?.rooms[0]?.notes).toMatchObject({ text: `${notes}\nAnd recognition.`, updatedBy: 'Research project lead' });
  const moderatorAgain = await again.connect(await again.staff('iraklis-pliakis'));
  expect((await moderatorAgain.next(EVENTS.notesChanged, (n) => n.breakoutId === 'trust')).text).toBe('Quality labels;=audits');

  // The report-back ends: the plenary's notes are taken down.
  await moderatorAgain.command({ type: 'next' }, again.app.agenda.state.version);
  expect(await adaAgain.next(EVENTS.notesReportedBack, (r) => r === null)).toBeNull();
});

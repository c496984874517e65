// Privacy: a person downloads and deletes their data; organisers set retention and purge. Tests prove the deletion.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { api, manualWorkshop, MINUTE_MS, postWebhook, recordedWorkshop } from './aroundHarness.js';
import { register, TestClient } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const DAY_MS = 24 * 3600 * 1000;

/** Look into the event's database from outside the app. */
function inspect(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  cleanups.push(() => db.close());
  const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
  return {
    people: (id: string) => count('SELECT COUNT(*) AS n FROM people WHERE id = ?', id),
    attendees: () => count(`SELECT COUNT(*) AS n FROM people WHERE role = 'attendee'`),
    attendance: (id?: string) => (id ? count('SELECT COUNT(*) AS n FROM attendance_events WHERE participant_id = ?', id) : count('SELECT COUNT(*) AS n FROM attendance_events')),
    participants: (id: string) => count('SELECT COUNT(*) AS n FROM participants WHERE id = ?', id),
    chatFrom: (id: string) => count('SELECT COUNT(*) AS n FROM chat WHERE from_id = ?', id),
    chat: () => db.prepare('SELECT from_id, from_name, text FROM chat ORDER BY id').all() as { from_id: string; from_name: string; text: string }[],
    anywhere: (text: string) => (db.prepare(`SELECT
      (SELECT COUNT(*) FROM people WHERE name LIKE '%' || @t || '%' OR email LIKE '%' || @t || '%') +
      (SELECT COUNT(*) FROM commands WHERE action LIKE '%' || @t || '%') +
      (SELECT COUNT(*) FROM participants WHERE record LIKE '%' || @t || '%') +
      (SELECT COUNT(*) FROM chat WHERE from_name LIKE '%' || @t || '%') +
      (SELECT COUNT(*) FROM certificates WHERE jws IS NOT NULL AND participant_id IS NOT NULL AND EXISTS (SELECT 1 FROM people p WHERE p.id = certificates.participant_id AND p.name LIKE '%' || @t || '%')) AS n`).get({ t: text }) as { n: number }).n,
    certificates: () => db.prepare('SELECT id, participant_id, jws, revoked_at FROM certificates').all() as { id: string; participant_id: string | null; jws: string | null }[],
  };
}

describe('my data', () => {
  test('download, then delete: rows gone, chat kept as "deleted participant", the link refused afterwards', async () => {
    const w = await manualWorkshop(cleanups);
    const cara = (await register(w.url, { name: 'Cara Private', email: 'cara@example.org', organisation: 'Somewhere', preferences: ['global'] })).body;
    const client = new TestClient(w.url, cara.credential);
    cleanups.push(() => client.close());
    await client.connected();
    await w.command({ type: 'openDoors' });
    await client.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    expect(await client.request(EVENTS.chatSend, { text: 'Hello from Cara' })).toMatchObject({ ok: true });
    await postWebhook(w.url, 'participant_joined', 'plenary', cara.participantId);
    w.time.advanceBy(MINUTE_MS);

    const mine = await api(w.url, '/api/me/data', { credential: cara.credential });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toContain('my-data.json');
    expect(mine.json).toMatchObject({
      exportedFor: cara.participantId,
      registration: { name: 'Cara Private', email: 'cara@example.org', organisation: 'Somewhere', details: { country: 'BE', preferences: ['global'] } },
      placement: { breakoutId: 'global' },
      chatMessages: [{ text: 'Hello from Cara' }],
    });
    expect(mine.json.attendance.events.length).toBeGreaterThanOrEqual(2);
    expect(mine.text).not.toContain(cara.credential);
    expect(mine.json.registration.credentialGeneration).toBeUndefined();

    const db = inspect(w.dbPath);
    expect(db.people(cara.participantId)).toBe(1);
    const deleted = await api(w.url, '/api/me', { method: 'DELETE', credential: cara.credential });
    expect(deleted).toMatchObject({ status: 200, json: { deleted: true } });
    expect(await client.next(EVENTS.sessionEnded)).toMatchObject({ reason: 'removed' });

    expect(db.people(cara.participantId)).toBe(0);
    expect(db.participants(cara.participantId)).toBe(0);
    expect(db.attendance(cara.participantId)).toBe(0);
    expect(db.chatFrom(cara.participantId)).toBe(0);
    expect(db.chat()).toEqual([{ from_id: 'deleted', from_name: 'deleted participant', text: 'Hello from Cara' }]);
    expect(db.anywhere('Cara Private')).toBe(0);
    expect(db.anywhere('cara@example.org')).toBe(0);
    expect(w.app.agenda.state.participants[cara.participantId]).toBeUndefined();

    expect((await api(w.url, '/api/me/data', { credential: cara.credential })).status).toBe(401);
    expect((await api(w.url, '/api/me', { method: 'DELETE', credential: cara.credential })).status).toBe(401);
    expect((await api(w.url, `/api/registrations/ics?credential=${cara.credential}`)).status).toBe(401);
    const again = new TestClient(w.url, cara.credential);
    cleanups.push(() => again.close());
    await expect(again.connected()).rejects.toThrow();
    // A webhook arriving late about the deleted person is not written down.
    await postWebhook(w.url, 'participant_left', 'plenary', cara.participantId);
    expect(db.attendance(cara.participantId)).toBe(0);
    // Registering again with the same email makes a new person.
    const back = (await register(w.url, { name: 'Cara Again', email: 'cara@example.org' }));
    expect(back.status).toBe(202);
    expect(back.body.participantId).not.toBe(cara.participantId);
  });

  test('staff cannot delete themselves through the API', async () => {
    const w = await manualWorkshop(cleanups);
    expect((await api(w.url, '/api/me', { method: 'DELETE', credential: w.moderatorCredential })).status).toBe(403);
  });

  test('a deleted holder\'s certificate keeps its id and revocation but loses its content', async () => {
    const w = await manualWorkshop(cleanups);
    const { ann } = await recordedWorkshop(w);
    const { id, jwt } = (await api(w.url, '/api/certificates/mine', { credential: ann.credential })).json;
    await api(w.url, '/api/me', { method: 'DELETE', credential: ann.credential });
    const db = inspect(w.dbPath);
    expect(db.certificates()).toEqual([{ id, participant_id: null, jws: null, revoked_at: null }]);
    expect((await api(w.url, `/certificates/${id}`)).status).toBe(404);
    // The holder's own copy still verifies: the signature is the proof.
    expect((await api(w.url, '/api/certificates/verify', { method: 'POST', body: { jwt } })).json.status).toBe('valid');
  });
});

describe('the organisers\' retention and purge', () => {
  test('purge is refused before the end, then removes every attendee\'s personal data', async () => {
    const w = await manualWorkshop(cleanups);
    expect((await api(w.url, '/api/moderator/purge', { method: 'POST', credential: w.moderatorCredential })).json).toMatchObject({ code: 'not_allowed_now' });
    const { ann, bob } = await recordedWorkshop(w);
    await api(w.url, '/api/certificates/mine', { credential: ann.credential });
    const stillOpen = await w.connect(bob.credential);
    const db = inspect(w.dbPath);
    expect(db.attendees()).toBe(2);
    expect((await api(w.url, '/api/moderator/purge', { method: 'POST', credential: ann.credential })).status).toBe(403);
    const purged = await api(w.url, '/api/moderator/purge', { method: 'POST', credential: w.moderatorCredential });
    expect(purged.json).toMatchObject({ purged: 2, status: { purgedAt: w.time.now() } });
    expect(db.attendees()).toBe(0);
    expect(db.attendance()).toBe(0);
    expect(db.anywhere('Example')).toBe(0);
    expect(db.certificates().every((c) => c.jws === null && c.participant_id === null)).toBe(true);
    for (const who of [ann, bob]) expect((await api(w.url, '/api/me/data', { credential: who.credential })).status).toBe(401);
    expect(await stillOpen.next(EVENTS.sessionEnded)).toMatchObject({ reason: 'removed', message: 'Your data has been deleted.' });
    // Staff remain, and the aggregate CSVs are empty of people.
    expect((await api(w.url, '/api/moderator/registrations.csv', { credential: w.moderatorCredential })).text.trim().split('\r\n')).toHaveLength(1);
  });

  test('retention from the event file, overridden by a moderator; the purge runs by itself when due', async () => {
    const { loadEventFile } = await import('../src/live/event/loadEventFile.js');
    const { SEED_EVENT_FILE } = await import('./harness.js');
    const w = await manualWorkshop(cleanups, { event: { ...loadEventFile(SEED_EVENT_FILE), retentionDays: 30 } });
    expect((await api(w.url, '/api/moderator/privacy', { credential: w.moderatorCredential })).json).toEqual({ retentionDays: 30, source: 'event', purgeDueAt: null, purgedAt: null });
    expect((await api(w.url, '/api/privacy')).json.sections.find((s: { heading: string }) => s.heading === 'How long').text).toContain('30 days');
    // The same notice in the reader's language.
    const french = (await api(w.url, '/api/privacy?lang=fr')).json;
    expect(french.title).toMatch(/^Politique de confidentialité : /);
    expect(french.sections.find((s: { heading: string }) => s.heading === 'Combien de temps').text).toContain('30 jours');
    const set = await api(w.url, '/api/moderator/privacy/retention', { method: 'PUT', credential: w.moderatorCredential, body: { days: 7 } });
    expect(set.json).toMatchObject({ retentionDays: 7, source: 'moderator' });
    expect((await api(w.url, '/api/moderator/privacy/retention', { method: 'PUT', credential: w.moderatorCredential, body: { days: 0 } })).json.fieldErrors.days).toBe('At least one day.');
    const { ann } = await recordedWorkshop(w);
    const endedAt = (w.app.agenda.state.phase as { endedAt: number }).endedAt;
    expect((await api(w.url, '/api/moderator/privacy', { credential: w.moderatorCredential })).json.purgeDueAt).toBe(endedAt + 7 * DAY_MS);
    // In hour-long steps: ManualTime keeps run callbacks until the end of an advance, and the 10-second sweeps add up over a week.
    for (let t = w.time.now(); t < endedAt + 7 * DAY_MS - 1; t += 3600_000) w.time.advanceTo(Math.min(t, endedAt + 7 * DAY_MS - 1));
    w.time.advanceTo(endedAt + 7 * DAY_MS - 1);
    expect((await api(w.url, '/api/me/data', { credential: ann.credential })).status).toBe(200);
    w.time.advanceTo(endedAt + 7 * DAY_MS);
    expect((await api(w.url, '/api/me/data', { credential: ann.credential })).status).toBe(401);
    expect(inspect(w.dbPath).attendees()).toBe(0);
    expect((await api(w.url, '/api/moderator/privacy', { credential: w.moderatorCredential })).json).toMatchObject({ purgedAt: endedAt + 7 * DAY_MS, purgeDueAt: null });
  });
});

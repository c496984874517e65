// The saved agenda carries a schema version: a state from before versions (v0) is migrated on boot
// and behaves the same; one from a newer release is refused with a clear problem, kept aside, and
// the server still boots.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MemoryLiveKit } from '../../livekit/memoryLiveKit.js';
import { ManualTime } from '../../platform/clock.js';
import { openDatabase } from '../../platform/db/db.js';
import { createLog } from '../../platform/log.js';
import { DEFAULT_REGISTRATION_LIMITS } from '../../people/registration/registrationRoutes.js';
import { createApp } from '../../app.js';
import { loadEventFile } from '../event/loadEventFile.js';
import { SEED_EVENT_FILE } from '../memoryRoom.js';
import { AGENDA_SCHEMA_VERSION } from './agendaMigrations.js';
import { SqliteAgendaStore } from './agendaStore.js';
import { LiveAgenda } from './liveAgenda.js';

const event = loadEventFile(SEED_EVENT_FILE);
const moderator = { kind: 'participant', participantId: 'anastasia-pouliou', role: 'moderator' } as const;
const boot = (db: Database.Database, time: ManualTime) => new LiveAgenda(event, new SqliteAgendaStore(db), time, time, createLog('silent'));

/** A data file as the release before schema versions left it: the core in meta 'agenda', participants one row each, no version. */
function writeV0(db: Database.Database): void {
  const time = new ManualTime(Date.UTC(2025, 9, 23, 7, 0));
  const agenda = boot(db, time);
  agenda.system({ type: 'admit', participant: { id: 'a-ada', name: 'Ada', role: 'attendee', preferences: ['trust'] } });
  agenda.execute({ action: { type: 'start' }, by: moderator, expectedVersion: agenda.state.version });
  db.prepare(`DELETE FROM meta WHERE key = 'agenda:schemaVersion'`).run();
}

const versionIn = (db: Database.Database) => db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'agenda:schemaVersion'`).get()?.value;

describe('the saved agenda\'s schema version', () => {
  test('a v0 state (no version) is migrated on boot, and a restart after it behaves as before', () => {
    const db = openDatabase(':memory:');
    writeV0(db);
    expect(versionIn(db)).toBeUndefined();
    const core = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'agenda'`).get()!.value;

    const time = new ManualTime(Date.UTC(2025, 9, 23, 7, 10));
    const agenda = boot(db, time);
    expect(agenda.restoreProblem).toBeNull();
    expect(versionIn(db)).toBe(String(AGENDA_SCHEMA_VERSION));
    expect(JSON.parse(db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'agenda'`).get()!.value)).toEqual(JSON.parse(core));
    expect(agenda.state.phase).toMatchObject({ kind: 'plenary', itemIndex: 0 });
    expect(agenda.state.participants['a-ada']).toMatchObject({ name: 'Ada', breakoutId: 'trust' });
    expect(agenda.execute({ action: { type: 'next' }, by: moderator, expectedVersion: agenda.state.version })).toMatchObject({ ok: true });
    expect(boot(db, time).state.phase).toMatchObject({ kind: 'breakouts', itemIndex: 1 });
  });

  test('a state from a newer release is refused with a clear problem and kept aside; the event starts from the file', () => {
    const db = openDatabase(':memory:');
    writeV0(db);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('agenda:schemaVersion', '99')`).run();
    const agenda = boot(db, new ManualTime(Date.UTC(2025, 9, 23, 7, 10)));
    expect(agenda.restoreProblem).toMatch(/newer release \(schema version 99; this server reads up to 1\)/);
    expect(agenda.restoreProblem).toMatch(/kept in the data file as "agenda:unreadable"/);
    expect(agenda.state.phase.kind).toBe('scheduled');
    expect(agenda.state.participants).toEqual({});
    const kept = JSON.parse(db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'agenda:unreadable'`).get()!.value);
    expect(kept).toMatchObject({ version: 99, core: { phase: { kind: 'plenary' } }, participants: [{ id: 'a-ada', name: 'Ada' }] });
  });

  test('the server boots on a data file from a newer release, and answers', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'lw-schema-')), 'event.sqlite');
    const db = openDatabase(dbPath);
    writeV0(db);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('agenda:schemaVersion', '99')`).run();
    db.close();
    const time = new ManualTime(Date.UTC(2025, 9, 23, 7, 10));
    const app = createApp({
      clock: time, scheduler: time, livekit: new MemoryLiveKit(), db: openDatabase(dbPath), log: createLog('silent'), event,
      settings: { publicUrl: 'http://localhost:3000', sessionSecret: 'test-secret-0123456789', webhook: { apiKey: 'k', apiSecret: 's' }, allowedOrigins: [], clientDist: null, registrationLimits: DEFAULT_REGISTRATION_LIMITS, smtpUrl: 'smtp://127.0.0.1:9' },
    });
    try {
      const port = await app.listen(0);
      expect(app.agenda.restoreProblem).toMatch(/newer release/);
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(await res.json()).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });
});

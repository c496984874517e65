import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { MemoryLiveKit } from '../../livekit/memoryLiveKit.js';
import { ManualTime } from '../../platform/clock.js';
import { MIGRATIONS } from '../../platform/db/migrations.js';
import { createLog } from '../../platform/log.js';
import { CHECK_TIMEOUT_MS, MAIL_CHECK_CACHE_MS, ReadinessService, type MailProbe } from './readiness.js';

function readiness(livekit = new MemoryLiveKit(), mail: MailProbe = { verify: async () => true, close: () => {} }) {
  const time = new ManualTime(Date.UTC(2025, 9, 23, 8, 0));
  const db = new Database(':memory:');
  db.exec(MIGRATIONS[0]!);
  return { time, db, service: new ReadinessService({ db, livekit, mail, clock: time, scheduler: time, log: createLog('silent') }) };
}

test('the mail server is verified at most once per MAIL_CHECK_CACHE_MS, however often readiness is asked', async () => {
  let verified = 0;
  const { time, service } = readiness(undefined, { verify: async () => ++verified, close: () => {} });
  await Promise.all([service.check(), service.check()]);
  time.advanceBy(MAIL_CHECK_CACHE_MS - 1);
  expect(await service.check()).toMatchObject({ ready: true });
  expect(verified).toBe(1);
  time.advanceBy(1);
  await service.check();
  expect(verified).toBe(2);
});

test('a LiveKit that never answers fails the check after CHECK_TIMEOUT_MS, in plain words', async () => {
  class FallingSilentLiveKit extends MemoryLiveKit {
    silent = false;
    override listRooms(): Promise<string[]> {
      return this.silent ? new Promise(() => {}) : super.listRooms();
    }
  }
  const livekit = new FallingSilentLiveKit();
  const { time, service } = readiness(livekit);
  expect(await service.check()).toMatchObject({ ready: true }); // the mail check's outcome is now cached
  livekit.silent = true;
  const answer = service.check();
  time.advanceBy(CHECK_TIMEOUT_MS);
  expect(await answer).toStrictEqual({
    ready: false, checks: { db: { ok: true }, livekit: { ok: false, reason: "LiveKit's room API did not answer in time" }, mail: { ok: true } },
  });
});

test('a database that takes no writes is named', async () => {
  const { db, service } = readiness();
  db.exec(`CREATE TRIGGER no_writes BEFORE INSERT ON meta BEGIN SELECT RAISE(ABORT, 'disk is full'); END`);
  const answer = await service.check();
  expect(answer.ready).toBe(false);
  expect(answer.checks.db).toMatchObject({ ok: false, reason: expect.stringMatching(/^the database does not take writes/) });
});

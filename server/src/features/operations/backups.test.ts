import { readdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from 'vitest';
import { ManualTime } from '../../platform/clock.js';
import { createLog } from '../../platform/log.js';
import { BackupService, listBackups } from './backups.js';

const START = Date.UTC(2025, 9, 23, 8, 0);

function service(keep: number, intervalMs = 10 * 60_000) {
  const time = new ManualTime(START);
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE t (n INTEGER)`);
  const dir = join(mkdtempSync(join(tmpdir(), 'lw-backups-')), 'backups');
  const backups = new BackupService({ db, eventId: () => 'ev-1', settings: { dir, intervalMs, keep }, clock: time, scheduler: time, log: createLog('silent') });
  return { time, db, dir, backups };
}

test('scheduled backups every interval keep the newest N, named by event and time', async () => {
  const { time, db, dir, backups } = service(2);
  backups.start();
  for (let i = 1; i <= 3; i++) {
    db.prepare(`INSERT INTO t VALUES (?)`).run(i);
    time.advanceBy(10 * 60_000);
    await backups.whenIdle();
  }
  expect(readdirSync(dir).sort()).toEqual(['ev-1-20251023T082000.000Z.sqlite', 'ev-1-20251023T083000.000Z.sqlite']);
  const newest = new Database(join(dir, 'ev-1-20251023T083000.000Z.sqlite'), { readonly: true });
  expect(newest.prepare(`SELECT count(*) AS n FROM t`).get()).toEqual({ n: 3 });
  newest.close();

  backups.stop();
  time.advanceBy(60 * 60_000);
  await backups.whenIdle();
  expect(readdirSync(dir)).toHaveLength(2);
});

test('an interval of 0 schedules nothing; two backups in the same millisecond get distinct names, in order', async () => {
  const { time, dir, backups } = service(12, 0);
  backups.start();
  time.advanceBy(24 * 60 * 60_000);
  await backups.whenIdle();
  expect(listBackups(dir, 'ev-1')).toEqual([]);
  const [a, b] = await Promise.all([backups.take(), backups.take()]);
  expect([a.file, b.file]).toEqual(['ev-1-20251024T080000.000Z.sqlite', 'ev-1-20251024T080000.000Z-2.sqlite']);
  expect(listBackups(dir, 'ev-1')).toEqual([a.file, b.file]);
});

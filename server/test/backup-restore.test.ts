// An online backup taken mid-breakouts, restored with `npm run restore` into a fresh data folder:
// a new app on it has the registrations, assignments, phase and deadline as at the backup. What
// happened after the backup is lost (the loss window is the time since the last backup).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, expect, test } from 'vitest';
import { EVENTS, phaseKey } from '@live-workshop/shared';
import { listBackups } from '../src/features/operations/backups.js';
import { ManualTime } from '../src/platform/clock.js';
import { connectClient, register, staffCredential, startTestApp } from './harness.js';

const REPO_ROOT = join(import.meta.dirname, '../..');
const BREAKOUTS = ['skills', 'trust', 'global', 'uncharted'];
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** `npm run restore -- …`, exactly as the README and the runbook tell the technician to run it. */
async function restore(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', 'restore', '--', ...args], { cwd: REPO_ROOT });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

test('a backup taken mid-breakouts restores registrations, assignments, phase and deadline into a fresh data folder', async () => {
  const time = new ManualTime(Date.UTC(2025, 9, 23, 8, 15));
  const first = await startTestApp({ clock: time, scheduler: time });
  cleanups.push(() => first.app.close());
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) ids.push((await register(first.url, { name: `B${i}`, email: `b${i}@example.org`, preferences: [BREAKOUTS[i % 4]!] })).body.participantId);
  const moderatorCredential = await staffCredential(first.app, 'anastasia-pouliou');
  const moderator = await connectClient(first.url, moderatorCredential, cleanups);
  await moderator.command({ type: 'openDoors' });
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
  await moderator.command({ type: 'goTo', itemIndex: 1 });
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
  expect(await moderator.command({ type: 'reassign', participantId: ids[0]!, breakoutId: 'uncharted' })).toMatchObject({ ok: true });
  time.advanceBy(10 * 60_000);

  const atBackup = structuredClone(first.app.agenda.state);
  const forbidden = await fetch(`${first.url}/api/moderator/backups`, { method: 'POST' });
  expect(forbidden.status).toBe(401);
  const taken = await fetch(`${first.url}/api/moderator/backups`, { method: 'POST', headers: { authorization: `Bearer ${moderatorCredential}` } });
  expect(taken.status).toBe(201);
  const { file } = await taken.json() as { file: string };
  expect(file).toBe('microcredentials-2025-20251023T082500.000Z.sqlite');
  const backupDir = join(first.dbPath, '..', 'backups');
  expect(listBackups(backupDir, 'microcredentials-2025')).toEqual([file]);

  // After the backup: one more change and one more registration, which the backup does not hold.
  expect(await moderator.command({ type: 'reassign', participantId: ids[1]!, breakoutId: 'global' })).toMatchObject({ ok: true });
  const late = await register(first.url, { name: 'Late', email: 'late@example.org', preferences: ['trust'] });
  moderator.close();
  await first.app.close();

  const dataDir = join(mkdtempSync(join(tmpdir(), 'lw-restore-')), 'data');
  const restored = await restore(['--backup', join(backupDir, file), '--data-dir', dataDir]);
  expect(restored).toMatchObject({ code: 0, stderr: '' });
  expect(restored.stdout).toContain('The backup holds event "microcredentials-2025"');
  expect(restored.stdout).toContain(`Restored ${join(dataDir, 'microcredentials-2025.sqlite')}.`);
  expect(readdirSync(dataDir)).toEqual(['microcredentials-2025.sqlite']);
  expect(readdirSync(backupDir)).toEqual([file]); // reading the backup left nothing beside it

  time.advanceBy(5 * 60_000); // restoring took five minutes
  const second = await startTestApp({ clock: time, scheduler: time, dbPath: join(dataDir, 'microcredentials-2025.sqlite') });
  cleanups.push(() => second.app.close());
  const after = second.app.agenda.state;
  expect(phaseKey(after.phase)).toBe('item:1');
  expect(after.version).toBe(atBackup.version);
  expect(after.phase).toStrictEqual(atBackup.phase); // the same absolute deadline
  expect(after.participants).toStrictEqual(atBackup.participants);
  expect(after.participants[ids[0]!]!.breakoutId).toBe('uncharted');
  expect(second.app.people.list('attendee').map((p) => p.id).sort()).toEqual([...ids].sort());
  expect(second.app.people.get(late.body.participantId)).toBeNull();

  // The restored deadline still ends the breakouts on time.
  const m = await connectClient(second.url, await staffCredential(second.app, 'anastasia-pouliou'), cleanups);
  if (after.phase.kind !== 'breakouts' || after.phase.timer.status !== 'running') throw new Error('breakouts should be running');
  time.advanceTo(after.phase.timer.endsAt);
  await m.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'live');
});

test('restore refuses to overwrite an existing database without --force, and replaces it (and its WAL) with it', async () => {
  const first = await startTestApp();
  cleanups.push(() => first.app.close());
  const { file } = await first.app.operations.backups!.take();
  const backup = join(first.dbPath, '..', 'backups', file);
  const dataDir = mkdtempSync(join(tmpdir(), 'lw-restore-'));
  expect(await restore(['--backup', backup, '--data-dir', dataDir])).toMatchObject({ code: 0 });

  const again = await restore(['--backup', backup, '--data-dir', dataDir]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain(`Not restored: ${join(dataDir, `${first.app.agenda.state.event.id}.sqlite`)} exists already. Stop the server and add --force`);

  const target = `${first.app.agenda.state.event.id}.sqlite`;
  writeFileSync(join(dataDir, `${target}-wal`), 'a WAL the old database left');
  const forced = await restore(['--backup', backup, '--data-dir', dataDir, '--force']);
  expect(forced).toMatchObject({ code: 0 });
  expect(forced.stdout).toContain('Replaced ');
  expect(readdirSync(dataDir)).toEqual([target]);

  const missing = await restore(['--backup', join(dataDir, 'nope.sqlite'), '--data-dir', dataDir]);
  expect(missing).toMatchObject({ code: 1 });
  expect(missing.stderr).toContain('There is no file');
});

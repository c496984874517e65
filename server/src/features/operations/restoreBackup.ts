// Restoring a backup (backups.ts) into a data folder, as `<event id>.sqlite`, for the server to
// start on. The backup is checked first (a whole SQLite file, an event in it, a schema this
// release can open); an existing database is only replaced with `force`, together with its WAL.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../platform/db/migrations.js';

/** Why a restore was refused, in words for the technician. */
export class RestoreRefused extends Error {}

export interface RestoreRequest {
  readonly backup: string;
  readonly dataDir: string;
  /** Replace an existing database of the same event. */
  readonly force?: boolean;
  /** Progress lines. */
  readonly say?: (line: string) => void;
}

export interface Restored {
  readonly eventId: string;
  readonly path: string;
  readonly replaced: boolean;
}

/** What a backup holds: its event and its schema version. */
export function inspectBackup(backup: string): { eventId: string; schemaVersion: number } {
  if (!existsSync(backup)) throw new RestoreRefused(`There is no file ${backup}.`);
  let db: Database.Database;
  try {
    db = new Database(backup, { readonly: true, fileMustExist: true });
  } catch {
    throw new RestoreRefused(`${backup} cannot be opened as a database.`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new RestoreRefused(`${backup} is damaged (SQLite's check says: ${String(check)}).`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > MIGRATIONS.length) throw new RestoreRefused(`${backup} was written by a newer release (schema ${schemaVersion}; this one knows ${MIGRATIONS.length}): restore it with that release.`);
    const row = db.prepare<[], { value: string }>(`SELECT value FROM meta WHERE key = 'agenda'`).get();
    const eventId = row ? (JSON.parse(row.value) as { event?: { id?: unknown } }).event?.id : undefined;
    if (typeof eventId !== 'string' || !/^[A-Za-z0-9._-]+$/.test(eventId)) throw new RestoreRefused(`${backup} holds no event (no saved agenda in it).`);
    return { eventId, schemaVersion };
  } catch (err) {
    if (err instanceof RestoreRefused) throw err;
    throw new RestoreRefused(`${backup} is not a Live Workshop backup (${(err as Error).message}).`);
  } finally {
    db.close();
  }
}

/** Copy a checked backup into the data folder as the event's database. */
export function restoreBackup(request: RestoreRequest): Restored {
  const say = request.say ?? (() => {});
  say(`Checking ${request.backup} …`);
  const { eventId, schemaVersion } = inspectBackup(request.backup);
  say(`The backup holds event "${eventId}" (schema ${schemaVersion}) and is intact.`);
  const path = join(request.dataDir, `${eventId}.sqlite`);
  const companions = [path, `${path}-wal`, `${path}-shm`];
  const replaced = companions.some((f) => existsSync(f));
  if (replaced && !request.force) {
    throw new RestoreRefused(`${path} exists already. Stop the server and add --force to replace it, or restore into a new data folder.`);
  }
  mkdirSync(request.dataDir, { recursive: true });
  const partial = join(request.dataDir, `.${eventId}.sqlite.restoring`);
  copyFileSync(request.backup, partial);
  // A WAL left beside the old database would be replayed onto the restored one: it goes with it.
  for (const f of companions) rmSync(f, { force: true });
  renameSync(partial, path);
  say(`${replaced ? 'Replaced' : 'Restored'} ${path}. Start the server with DATA_DIR=${request.dataDir}.`);
  return { eventId, path, replaced };
}

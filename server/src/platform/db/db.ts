import Database, { type Database as Db } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const MIGRATIONS = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE participants (id TEXT PRIMARY KEY, record TEXT NOT NULL);
   CREATE TABLE people (
     id TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     name TEXT NOT NULL,
     email TEXT UNIQUE,
     organisation TEXT,
     details TEXT NOT NULL DEFAULT '{}',
     credential_generation INTEGER NOT NULL DEFAULT 1,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE commands (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     version_after INTEGER NOT NULL
   );
   CREATE TABLE chat (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     room_id TEXT NOT NULL,
     from_id TEXT NOT NULL,
     from_name TEXT NOT NULL,
     from_role TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX chat_room ON chat(room_id, id);`,
  // Around the live event: attendance as it happened, the agenda's timeline, certificates and their signing key.
  `CREATE TABLE attendance_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     participant_id TEXT NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('media', 'signal')),
     kind TEXT NOT NULL CHECK (kind IN ('joined', 'left')),
     room_id TEXT,
     phase TEXT NOT NULL,
     item_index INTEGER,
     at INTEGER NOT NULL
   );
   CREATE INDEX attendance_by_participant ON attendance_events(participant_id, id);
   CREATE TABLE agenda_timeline (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     phase TEXT NOT NULL,
     item_index INTEGER,
     at INTEGER NOT NULL
   );
   CREATE TABLE signing_keys (
     kid TEXT PRIMARY KEY,
     public_jwk TEXT NOT NULL,
     private_jwk TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE certificates (
     id TEXT PRIMARY KEY,
     participant_id TEXT,
     jws TEXT,
     issued_at INTEGER NOT NULL,
     revoked_at INTEGER,
     revocation_reason TEXT
   );
   CREATE UNIQUE INDEX certificates_by_participant ON certificates(participant_id) WHERE participant_id IS NOT NULL AND revoked_at IS NULL;`,
  // Join links go only by mail: an address counts once its link is used; a removal sticks.
  // People stored before this registered under the old rules and count as confirmed.
  `ALTER TABLE people ADD COLUMN confirmed_at INTEGER;
   ALTER TABLE people ADD COLUMN removed_at INTEGER;
   UPDATE people SET confirmed_at = created_at;`,
];

/** Open (and migrate) the SQLite database; ':memory:' for tests. WAL with full sync: an acked write survives a kill. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let i = version; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i]!);
      db.pragma(`user_version = ${i + 1}`);
    })();
  }
  return db;
}

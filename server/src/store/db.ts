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

import type { Database } from 'better-sqlite3';

/** Small named values of the data file (settings, saved state), as JSON text; the only reader and writer of `meta`. */
export interface MetaStore {
  /** The raw JSON text stored under `key`, or null. */
  get(key: string): string | null;
  set(key: string, json: string): void;
  delete(key: string): void;
}

/** The meta store in the SQLite data file. */
export class SqliteMetaStore implements MetaStore {
  private readonly read;
  private readonly write;
  private readonly remove;

  constructor(db: Database) {
    this.read = db.prepare<[string], { value: string }>(`SELECT value FROM meta WHERE key = ?`);
    this.write = db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    this.remove = db.prepare(`DELETE FROM meta WHERE key = ?`);
  }

  get(key: string): string | null {
    return this.read.get(key)?.value ?? null;
  }

  set(key: string, json: string): void {
    this.write.run(key, json);
  }

  delete(key: string): void {
    this.remove.run(key);
  }
}

import type { Database } from 'better-sqlite3';

/** Small named values of the data file (the `meta` table), as JSON. */
export class MetaStore {
  private readonly read;
  private readonly write;

  constructor(db: Database) {
    this.read = db.prepare<[string], { value: string }>(`SELECT value FROM meta WHERE key = ?`);
    this.write = db.prepare(`INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  }

  /** The raw JSON text stored under `key`, or null. */
  get(key: string): string | null {
    return this.read.get(key)?.value ?? null;
  }

  set(key: string, json: string): void {
    this.write.run(key, json);
  }
}

import type { Database } from 'better-sqlite3';

/** A stored key pair, as JWK JSON text. */
export interface StoredKey {
  readonly kid: string;
  readonly publicJwk: string;
  readonly privateJwk: string;
}

/** The issuer's signing keys; old ones stay for verification. */
export interface SigningKeyStore {
  /** The latest key, or null before the first. */
  newest(): StoredKey | null;
  byKid(kid: string): StoredKey | null;
  /** Every public key (JWK JSON), oldest first. */
  publicKeys(): string[];
  /** Keep a new key (a second one with the same kid is ignored). */
  add(key: StoredKey, createdAt: number): void;
}

interface KeyRow { kid: string; public_jwk: string; private_jwk: string }
const fromRow = (r: KeyRow): StoredKey => ({ kid: r.kid, publicJwk: r.public_jwk, privateJwk: r.private_jwk });

/** The signing keys in the SQLite data file. */
export class SqliteSigningKeyStore implements SigningKeyStore {
  private readonly latest;
  private readonly withKid;
  private readonly all;
  private readonly insert;

  constructor(db: Database) {
    this.latest = db.prepare<[], KeyRow>(`SELECT kid, public_jwk, private_jwk FROM signing_keys ORDER BY created_at DESC, rowid DESC LIMIT 1`);
    this.withKid = db.prepare<[string], KeyRow>(`SELECT kid, public_jwk, private_jwk FROM signing_keys WHERE kid = ?`);
    this.all = db.prepare<[], { public_jwk: string }>(`SELECT public_jwk FROM signing_keys ORDER BY created_at`);
    this.insert = db.prepare(`INSERT OR IGNORE INTO signing_keys (kid, public_jwk, private_jwk, created_at) VALUES (?, ?, ?, ?)`);
  }

  newest(): StoredKey | null {
    const row = this.latest.get();
    return row ? fromRow(row) : null;
  }

  byKid(kid: string): StoredKey | null {
    const row = this.withKid.get(kid);
    return row ? fromRow(row) : null;
  }

  publicKeys(): string[] {
    return this.all.all().map((r) => r.public_jwk);
  }

  add(key: StoredKey, createdAt: number): void {
    this.insert.run(key.kid, key.publicJwk, key.privateJwk, createdAt);
  }
}

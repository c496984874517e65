import type { Database } from 'better-sqlite3';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Clock } from '../../platform/clock.js';

/** The JOSE algorithm of certificate signatures: EdDSA over Ed25519. */
export const CERTIFICATE_ALG = 'EdDSA';

/** A signing key ready to use. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

interface KeyRow { kid: string; public_jwk: string; private_jwk: string }

/**
 * The issuer's Ed25519 key (jose), made on first use and kept in the event's database so
 * certificates stay verifiable across restarts. Old keys stay listed for verification.
 */
export class SigningKeys {
  private current: Promise<SigningKey> | null = null;
  private readonly newest;
  private readonly byKid;
  private readonly all;
  private readonly insert;

  constructor(db: Database, private readonly clock: Clock) {
    this.newest = db.prepare<[], KeyRow>(`SELECT kid, public_jwk, private_jwk FROM signing_keys ORDER BY created_at DESC, rowid DESC LIMIT 1`);
    this.byKid = db.prepare<[string], KeyRow>(`SELECT kid, public_jwk, private_jwk FROM signing_keys WHERE kid = ?`);
    this.all = db.prepare<[], { public_jwk: string }>(`SELECT public_jwk FROM signing_keys ORDER BY created_at`);
    this.insert = db.prepare(`INSERT OR IGNORE INTO signing_keys (kid, public_jwk, private_jwk, created_at) VALUES (?, ?, ?, ?)`);
  }

  /** The key to sign with (created once, even under concurrent first calls). */
  signingKey(): Promise<SigningKey> {
    this.current ??= this.loadOrCreate().catch((err: unknown) => {
      this.current = null;
      throw err;
    });
    return this.current;
  }

  /** The public key with this id, for verification; null when unknown. */
  async verificationKey(kid: string): Promise<CryptoKey | null> {
    const row = this.byKid.get(kid);
    if (!row) return null;
    return (await importJWK(JSON.parse(row.public_jwk) as JWK, CERTIFICATE_ALG)) as CryptoKey;
  }

  /** Every public key, as a JWK Set. */
  jwks(): { keys: JWK[] } {
    return { keys: this.all.all().map((r) => JSON.parse(r.public_jwk) as JWK) };
  }

  private async loadOrCreate(): Promise<SigningKey> {
    const existing = this.newest.get();
    if (existing) return this.fromRow(existing);
    const { publicKey, privateKey } = await generateKeyPair('Ed25519', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const stored = { ...publicJwk, kid, alg: CERTIFICATE_ALG, use: 'sig' };
    this.insert.run(kid, JSON.stringify(stored), JSON.stringify({ ...(await exportJWK(privateKey)), kid }), this.clock.now());
    return this.fromRow(this.newest.get()!);
  }

  private async fromRow(row: KeyRow): Promise<SigningKey> {
    const privateKey = (await importJWK(JSON.parse(row.private_jwk) as JWK, CERTIFICATE_ALG)) as CryptoKey;
    return { kid: row.kid, privateKey, publicJwk: JSON.parse(row.public_jwk) as JWK };
  }
}

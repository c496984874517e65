import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Clock } from '../../platform/clock.js';
import type { SigningKeyStore, StoredKey } from './signingKeyStore.js';

/** The JOSE algorithm of certificate signatures: EdDSA over Ed25519. */
export const CERTIFICATE_ALG = 'EdDSA';

/** A signing key ready to use. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/**
 * The issuer's Ed25519 key (jose), made on first use and kept in the event's key store so
 * certificates stay verifiable across restarts. Old keys stay listed for verification.
 */
export class SigningKeys {
  private current: Promise<SigningKey> | null = null;

  constructor(private readonly store: SigningKeyStore, private readonly clock: Clock) {}

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
    const stored = this.store.byKid(kid);
    if (!stored) return null;
    return (await importJWK(JSON.parse(stored.publicJwk) as JWK, CERTIFICATE_ALG)) as CryptoKey;
  }

  /** Every public key, as a JWK Set. */
  jwks(): { keys: JWK[] } {
    return { keys: this.store.publicKeys().map((jwk) => JSON.parse(jwk) as JWK) };
  }

  private async loadOrCreate(): Promise<SigningKey> {
    const existing = this.store.newest();
    if (existing) return this.fromStored(existing);
    const { publicKey, privateKey } = await generateKeyPair('Ed25519', { extractable: true });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const stored = { ...publicJwk, kid, alg: CERTIFICATE_ALG, use: 'sig' };
    this.store.add({ kid, publicJwk: JSON.stringify(stored), privateJwk: JSON.stringify({ ...(await exportJWK(privateKey)), kid }) }, this.clock.now());
    return this.fromStored(this.store.newest()!);
  }

  private async fromStored(key: StoredKey): Promise<SigningKey> {
    const privateKey = (await importJWK(JSON.parse(key.privateJwk) as JWK, CERTIFICATE_ALG)) as CryptoKey;
    return { kid: key.kid, privateKey, publicJwk: JSON.parse(key.publicJwk) as JWK };
  }
}

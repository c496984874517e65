import { SignJWT, jwtVerify, errors } from 'jose';
import { roleSchema, type Role } from '@live-workshop/shared';
import type { Clock } from '../../platform/clock.js';
import type { PeopleStore } from '../peopleStore.js';

/** What a verified session credential says. */
export interface SessionClaims {
  readonly participantId: string;
  readonly role: Role;
}

/** Why a credential is not accepted. */
export type CredentialProblem = 'malformed' | 'bad_signature' | 'expired' | 'revoked' | 'unknown_person' | 'other_event';

/**
 * Which event a credential belongs to: issued credentials name it (`aud`), and one naming another
 * event is refused even where a person of the same id exists (a duplicated event has the same staff).
 * Credentials from before events were named carry no `aud`; only the deployment's default event
 * (the one a single-event server served) still accepts them.
 */
export interface CredentialScope {
  readonly eventId: string;
  readonly acceptUnscoped: boolean;
}

const ISSUER = 'live-workshop';

/** Signs and verifies personal join credentials (HS256 JWTs), checking revocation against the people store. */
export class Credentials {
  private readonly key: Uint8Array;

  constructor(secret: string, private readonly people: PeopleStore, private readonly clock: Clock, private readonly scope: CredentialScope | null = null) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A credential for a stored person, valid for ttlSeconds. */
  async issue(participantId: string, ttlSeconds: number): Promise<string> {
    const person = this.people.get(participantId);
    if (!person) throw new Error(`no person ${participantId}`);
    const nowS = Math.floor(this.clock.now() / 1000);
    const jwt = new SignJWT({ role: person.role, gen: person.credentialGeneration })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setSubject(participantId)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + ttlSeconds);
    return (this.scope ? jwt.setAudience(this.scope.eventId) : jwt).sign(this.key);
  }

  /** The claims of a valid credential, or why it is refused. */
  async verify(credential: unknown): Promise<{ ok: true; claims: SessionClaims } | { ok: false; problem: CredentialProblem }> {
    if (typeof credential !== 'string' || credential.length > 4096) return { ok: false, problem: 'malformed' };
    try {
      const { payload } = await jwtVerify(credential, this.key, {
        issuer: ISSUER, algorithms: ['HS256'], currentDate: new Date(this.clock.now()),
      });
      const role = roleSchema.safeParse(payload.role);
      if (!payload.sub || !role.success || typeof payload.gen !== 'number') return { ok: false, problem: 'malformed' };
      if (this.scope && (payload.aud === undefined ? !this.scope.acceptUnscoped : payload.aud !== this.scope.eventId)) return { ok: false, problem: 'other_event' };
      const person = this.people.get(payload.sub);
      if (!person) return { ok: false, problem: 'unknown_person' };
      if (person.credentialGeneration !== payload.gen || person.role !== role.data) return { ok: false, problem: 'revoked' };
      return { ok: true, claims: { participantId: person.id, role: person.role } };
    } catch (err) {
      if (err instanceof errors.JWTExpired) return { ok: false, problem: 'expired' };
      if (err instanceof errors.JWSSignatureVerificationFailed) return { ok: false, problem: 'bad_signature' };
      return { ok: false, problem: 'malformed' };
    }
  }
}

import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { nanoid } from 'nanoid';
import type { AgendaState, Verification } from '@live-workshop/shared';
import { attendanceThresholdOf, type AttendanceService } from '../attendance/attendanceService.js';
import type { HttpErrorCode } from '../../platform/httpErrors.js';
import type { Clock } from '../../platform/clock.js';
import type { PeopleStore } from '../../people/peopleStore.js';
import type { CertificateRecord, CertificateStore } from './certificateStore.js';
import { participationCredential, issuerProfile, type ParticipationCredential } from './participationCredential.js';
import { CERTIFICATE_ALG, type SigningKeys } from './signingKey.js';

/** A certificate handed to its holder. */
export interface IssuedCertificate {
  readonly id: string;
  readonly jwt: string;
  readonly credential: ParticipationCredential;
  readonly issuedAt: number;
}

type Refused = { ok: false; status: number; code: HttpErrorCode; message: string };

/** Issues, verifies and revokes certificates of participation (Open Badges 3.0 VC, signed as a JWT with Ed25519 by jose). */
export class CertificateService {
  constructor(private readonly deps: {
    keys: SigningKeys; store: CertificateStore; people: PeopleStore; attendance: AttendanceService;
    state: () => AgendaState; clock: Clock; publicUrl: string;
  }) {}

  /** The holder's certificate: issued once the event has ended and they attended enough; the same one afterwards. */
  async mine(participantId: string): Promise<{ ok: true; certificate: IssuedCertificate; created: boolean } | Refused> {
    const { event, phase } = this.deps.state();
    if (phase.kind !== 'ended') return { ok: false, status: 409, code: 'not_allowed_now', message: 'Certificates are issued once the event has ended.' };
    const latest = this.deps.store.latestFor(participantId);
    if (latest?.revokedAt) return { ok: false, status: 403, code: 'forbidden', message: 'Your certificate was revoked by the organisers; contact them.' };
    if (latest?.jws) return { ok: true, certificate: this.handOver(latest), created: false };
    const person = this.deps.people.get(participantId);
    if (!person) return { ok: false, status: 404, code: 'unknown_participant', message: 'You are not registered.' };
    const attendance = this.deps.attendance.of(participantId);
    const threshold = attendanceThresholdOf(event);
    if (attendance.agendaMs === 0 || attendance.share < threshold) {
      const percent = Math.round(attendance.share * 100);
      return { ok: false, status: 403, code: 'forbidden', message: `You attended ${percent}% of the workshop; a certificate needs at least ${Math.round(threshold * 100)}%.` };
    }
    const id = nanoid(21);
    const issuedAt = this.deps.clock.now();
    const credential = participationCredential({
      id, event, publicUrl: this.deps.publicUrl, issuedAt, threshold, person, attendance, salt: nanoid(16),
    });
    const key = await this.deps.keys.signingKey();
    const jwt = await new SignJWT({ ...credential })
      .setProtectedHeader({ alg: CERTIFICATE_ALG, typ: 'JWT', kid: key.kid, jwk: key.publicJwk })
      .setIssuer(credential.issuer.id)
      .setJti(credential.id)
      .setNotBefore(Math.floor(issuedAt / 1000))
      .sign(key.privateKey);
    this.deps.store.add({ id, participantId, jws: jwt, issuedAt });
    return { ok: true, certificate: { id, jwt, credential, issuedAt }, created: true };
  }

  /** Check a signed certificate: our signature over exactly this content, and not revoked. */
  async verify(jwt: string): Promise<Verification> {
    const tampered = (message: string): Verification => ({ status: 'tampered', message, certificateId: null, credential: null, revokedAt: null });
    let kid: unknown;
    try {
      kid = decodeProtectedHeader(jwt).kid;
    } catch {
      return tampered('This is not a signed certificate.');
    }
    // A header is the sender's to write: a key id that is not a short string (true, {}, 42) names none of ours.
    if (kid !== undefined && (typeof kid !== 'string' || kid.length > 200)) return tampered('This certificate was not signed by this issuer.');
    // Only keys we hold count; a key carried in the header proves nothing.
    const key = typeof kid === 'string' && kid ? await this.deps.keys.verificationKey(kid) : null;
    if (!key) return tampered('This certificate was not signed by this issuer.');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(jwt, key, { algorithms: [CERTIFICATE_ALG], issuer: issuerProfile(this.deps.state().event, this.deps.publicUrl).id, currentDate: new Date(this.deps.clock.now()) }));
    } catch {
      return tampered('The signature does not match the content: the certificate was changed after it was issued.');
    }
    const certificateId = typeof payload.jti === 'string' ? (payload.jti.split('/').at(-1) ?? null) : null;
    const { iss: _iss, jti: _jti, nbf: _nbf, ...credential } = payload;
    const record = certificateId ? this.deps.store.get(certificateId) : null;
    if (record?.revokedAt) {
      return { status: 'revoked', message: `Revoked by the issuer${record.revocationReason ? `: ${record.revocationReason}` : ''}.`, certificateId, credential: credential as ParticipationCredential, revokedAt: record.revokedAt };
    }
    return { status: 'valid', message: 'Valid: issued by the organisers and unchanged.', certificateId, credential: credential as ParticipationCredential, revokedAt: null };
  }

  /** Verify the certificate stored under an id; null when unknown or its holder deleted it. */
  async verifyStored(id: string): Promise<Verification | null> {
    const record = this.deps.store.get(id);
    if (!record?.jws) return null;
    return this.verify(record.jws);
  }

  /** The stored certificate with this id, as handed to its holder; null when unknown or erased. */
  stored(id: string): { record: CertificateRecord; certificate: IssuedCertificate } | null {
    const record = this.deps.store.get(id);
    return record?.jws ? { record, certificate: this.handOver(record) } : null;
  }

  /** Revoke a certificate; false when unknown or already revoked. */
  /** Revoke a certificate: its revocation time, or why not. */
  revoke(id: string, reason: string): { ok: true; revokedAt: number } | { ok: false; problem: 'unknown' | 'already_revoked' } {
    if (!this.deps.store.get(id)) return { ok: false, problem: 'unknown' };
    if (!this.deps.store.revoke(id, this.deps.clock.now(), reason)) return { ok: false, problem: 'already_revoked' };
    return { ok: true, revokedAt: this.deps.store.get(id)!.revokedAt! };
  }

  /** What checking a certificate by id says: its verification, that it was revoked (its holder's data gone), or nothing on record. */
  async verifyById(id: string): Promise<{ kind: 'verified'; verification: Verification } | { kind: 'revoked'; record: CertificateRecord } | { kind: 'unknown' }> {
    const verification = await this.verifyStored(id);
    if (verification) return { kind: 'verified', verification };
    const record = this.deps.store.get(id);
    return record?.revokedAt ? { kind: 'revoked', record } : { kind: 'unknown' };
  }

  /** Every certificate issued, for moderators (without the signed documents). */
  list(): Omit<CertificateRecord, 'jws'>[] {
    return this.deps.store.all().map(({ jws: _jws, ...record }) => record);
  }

  private handOver(record: CertificateRecord): IssuedCertificate {
    const { iss: _iss, jti: _jti, nbf: _nbf, ...credential } = JSON.parse(Buffer.from(record.jws!.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    return { id: record.id, jwt: record.jws!, credential: credential as ParticipationCredential, issuedAt: record.issuedAt };
  }
}

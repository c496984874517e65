import type { Database } from 'better-sqlite3';

/** An issued certificate. jws and participantId are null once the holder's data was deleted. */
export interface CertificateRecord {
  readonly id: string;
  readonly participantId: string | null;
  readonly jws: string | null;
  readonly issuedAt: number;
  readonly revokedAt: number | null;
  readonly revocationReason: string | null;
}

interface Row { id: string; participant_id: string | null; jws: string | null; issued_at: number; revoked_at: number | null; revocation_reason: string | null }
const fromRow = (r: Row): CertificateRecord => ({
  id: r.id, participantId: r.participant_id, jws: r.jws, issuedAt: r.issued_at, revokedAt: r.revoked_at, revocationReason: r.revocation_reason,
});

/** Issued certificates and their revocation; the id and revocation outlive the holder's personal data. */
export interface CertificateStore {
  add(record: { id: string; participantId: string; jws: string; issuedAt: number }): void;
  get(id: string): CertificateRecord | null;
  /** The person's latest certificate, revoked or not. */
  latestFor(participantId: string): CertificateRecord | null;
  /** Revoke; false when unknown or already revoked. */
  revoke(id: string, at: number, reason: string): boolean;
  /** Drop the personal parts (the signed document and the link to the person); keep id and revocation. */
  erase(participantId: string): void;
  eraseEveryone(): void;
  all(): CertificateRecord[];
}

/** The certificates in the SQLite data file. */
export class SqliteCertificateStore implements CertificateStore {
  private readonly insert;
  private readonly byId;
  private readonly latestOf;
  private readonly revokeOne;
  private readonly eraseOf;
  private readonly eraseAll;
  private readonly list;

  constructor(db: Database) {
    this.insert = db.prepare(`INSERT INTO certificates (id, participant_id, jws, issued_at) VALUES (?, ?, ?, ?)`);
    this.byId = db.prepare<[string], Row>(`SELECT * FROM certificates WHERE id = ?`);
    this.latestOf = db.prepare<[string], Row>(`SELECT * FROM certificates WHERE participant_id = ? ORDER BY issued_at DESC, rowid DESC LIMIT 1`);
    this.revokeOne = db.prepare(`UPDATE certificates SET revoked_at = ?, revocation_reason = ? WHERE id = ? AND revoked_at IS NULL`);
    this.eraseOf = db.prepare(`UPDATE certificates SET participant_id = NULL, jws = NULL WHERE participant_id = ?`);
    this.eraseAll = db.prepare(`UPDATE certificates SET participant_id = NULL, jws = NULL`);
    this.list = db.prepare<[], Row>(`SELECT * FROM certificates ORDER BY issued_at`);
  }

  add(record: { id: string; participantId: string; jws: string; issuedAt: number }): void {
    this.insert.run(record.id, record.participantId, record.jws, record.issuedAt);
  }

  get(id: string): CertificateRecord | null {
    const row = this.byId.get(id);
    return row ? fromRow(row) : null;
  }

  /** The person's latest certificate, revoked or not. */
  latestFor(participantId: string): CertificateRecord | null {
    const row = this.latestOf.get(participantId);
    return row ? fromRow(row) : null;
  }

  /** Revoke; false when unknown or already revoked. */
  revoke(id: string, at: number, reason: string): boolean {
    return this.revokeOne.run(at, reason, id).changes > 0;
  }

  /** Drop the personal parts (the signed document and the link to the person); keep id and revocation. */
  erase(participantId: string): void {
    this.eraseOf.run(participantId);
  }

  eraseEveryone(): void {
    this.eraseAll.run();
  }

  all(): CertificateRecord[] {
    return this.list.all().map(fromRow);
  }
}

import type { Database } from 'better-sqlite3';
import type { Role } from '@live-workshop/shared';
import type { RegistrationDetails } from './registration/registrationForm.js';

/** A registered or invited person, with what the organisers need to know. */
export interface Person {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  readonly email: string | null;
  readonly organisation: string | null;
  readonly details: Record<string, unknown>;
  readonly credentialGeneration: number;
  readonly createdAt: number;
  /** When the person first used their mailed join link (null: not yet, so not admitted). */
  readonly confirmedAt: number | null;
  /** When the moderators removed them (null: not removed); they stay out until re-admitted. */
  readonly removedAt: number | null;
  /** When they joined the waiting list of a full event (null: they hold a place). */
  readonly waitlistedAt: number | null;
  /** The language they registered in (their mails and calendar file come in it); null: English. */
  readonly language: string | null;
}

/** A person to store: the credential generation starts at 1, nobody waits unless told, and English is the language unless given. */
export type NewPerson = Omit<Person, 'credentialGeneration' | 'waitlistedAt' | 'language'> & { readonly waitlistedAt?: number | null; readonly language?: string | null };

/** A registration as the organisers list it (never a credential). */
export type RegistrationRecord = Omit<Person, 'credentialGeneration' | 'details' | 'language'> & { readonly details: Partial<RegistrationDetails> };

interface PersonRow {
  id: string; role: Role; name: string; email: string | null; organisation: string | null;
  details: string; credential_generation: number; created_at: number; confirmed_at: number | null; removed_at: number | null; waitlisted_at: number | null; language: string | null;
}

const fromRow = (r: PersonRow): Person => ({
  id: r.id, role: r.role, name: r.name, email: r.email, organisation: r.organisation,
  details: JSON.parse(r.details) as Record<string, unknown>, credentialGeneration: r.credential_generation, createdAt: r.created_at,
  confirmedAt: r.confirmed_at, removedAt: r.removed_at, waitlistedAt: r.waitlisted_at, language: r.language,
});

/** Registrations and invitations (personal data lives here, not in the agenda). */
export interface PeopleStore {
  get(id: string): Person | null;
  findByEmail(email: string): Person | null;
  list(role?: Role): RegistrationRecord[];
  /** Add a person unless one with that id exists; returns the stored person. */
  add(person: NewPerson): Person;
  /** Invalidate every credential issued so far to this person; returns the new generation. */
  revokeCredentials(id: string): number;
  /** Delete a person's registration (their data was deleted). */
  delete(id: string): void;
  /** The person used their mailed link for the first time. */
  confirm(id: string, at: number): void;
  /** Before confirmation, the address's owner may correct what was typed for it. */
  updateUnconfirmed(id: string, fields: Pick<Person, 'name' | 'organisation' | 'details'> & { readonly language?: string | null }): Person;
  /** Removed by the moderators (`at`), or re-admitted (`null`). */
  setRemovedAt(id: string, at: number | null): void;
  /** A new name (a facilitator invited again under another name). */
  rename(id: string, name: string): void;
  /** Put on the waiting list (`at`), or given a place (`null`). */
  setWaitlistedAt(id: string, at: number | null): void;
  /** Attendees holding a registration place: neither removed nor waiting. */
  countHoldingPlaces(): number;
  /** The waiting list in order (who joined it first is first). */
  listWaiting(): Person[];
}

/** The people store in the SQLite data file: the one reader and writer of `people`, with one row mapper. */
export class SqlitePeopleStore implements PeopleStore {
  private readonly byId;
  private readonly byRole;
  private readonly everyone;
  private readonly byEmail;
  private readonly insert;
  private readonly bumpGeneration;
  private readonly setConfirmed;
  private readonly setRemoved;
  private readonly setName;
  private readonly setWaitlisted;
  private readonly holdingPlaces;
  private readonly waiting;
  private readonly setUnconfirmedFields;
  private readonly deleteOne;

  constructor(db: Database) {
    this.byId = db.prepare<[string], PersonRow>(`SELECT * FROM people WHERE id = ?`);
    this.byRole = db.prepare<[Role], PersonRow>(`SELECT * FROM people WHERE role = ? ORDER BY created_at, rowid`);
    this.everyone = db.prepare<[], PersonRow>(`SELECT * FROM people ORDER BY created_at, rowid`);
    this.byEmail = db.prepare<[string], PersonRow>(`SELECT * FROM people WHERE email = ?`);
    this.insert = db.prepare(`INSERT INTO people (id, role, name, email, organisation, details, created_at, confirmed_at, removed_at, waitlisted_at, language)
      VALUES (@id, @role, @name, @email, @organisation, @details, @createdAt, @confirmedAt, @removedAt, @waitlistedAt, @language) ON CONFLICT(id) DO NOTHING`);
    this.setConfirmed = db.prepare(`UPDATE people SET confirmed_at = ? WHERE id = ? AND confirmed_at IS NULL`);
    this.setRemoved = db.prepare(`UPDATE people SET removed_at = ? WHERE id = ?`);
    this.setName = db.prepare(`UPDATE people SET name = ? WHERE id = ?`);
    this.setWaitlisted = db.prepare(`UPDATE people SET waitlisted_at = ? WHERE id = ?`);
    this.waiting = db.prepare<[], PersonRow>(`SELECT * FROM people WHERE waitlisted_at IS NOT NULL AND removed_at IS NULL ORDER BY waitlisted_at, rowid`);
    this.holdingPlaces = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM people WHERE role = 'attendee' AND removed_at IS NULL AND waitlisted_at IS NULL`);
    this.setUnconfirmedFields = db.prepare(`UPDATE people SET name = @name, organisation = @organisation, details = @details, language = COALESCE(@language, language) WHERE id = @id AND confirmed_at IS NULL`);
    this.bumpGeneration = db.prepare(`UPDATE people SET credential_generation = credential_generation + 1 WHERE id = ?`);
    this.deleteOne = db.prepare(`DELETE FROM people WHERE id = ?`);
  }

  get(id: string): Person | null {
    const row = this.byId.get(id);
    return row ? fromRow(row) : null;
  }

  findByEmail(email: string): Person | null {
    const row = this.byEmail.get(email.toLowerCase());
    return row ? fromRow(row) : null;
  }

  list(role?: Role): RegistrationRecord[] {
    return (role ? this.byRole.all(role) : this.everyone.all()).map((row) => {
      const { credentialGeneration: _generation, language: _language, ...record } = fromRow(row);
      return record as RegistrationRecord;
    });
  }

  add(person: NewPerson): Person {
    this.insert.run({ ...person, waitlistedAt: person.waitlistedAt ?? null, language: person.language ?? null, email: person.email?.toLowerCase() ?? null, details: JSON.stringify(person.details) });
    return this.get(person.id)!;
  }

  /** The person used their mailed link for the first time. */
  confirm(id: string, at: number): void {
    this.setConfirmed.run(at, id);
  }

  /** Before confirmation, the address's owner may correct what was typed for it. */
  updateUnconfirmed(id: string, fields: Pick<Person, 'name' | 'organisation' | 'details'> & { readonly language?: string | null }): Person {
    this.setUnconfirmedFields.run({ id, name: fields.name, organisation: fields.organisation, details: JSON.stringify(fields.details), language: fields.language ?? null });
    return this.get(id)!;
  }

  /** Removed by the moderators (`at`), or re-admitted (`null`). */
  setRemovedAt(id: string, at: number | null): void {
    this.setRemoved.run(at, id);
  }

  rename(id: string, name: string): void {
    this.setName.run(name, id);
  }

  setWaitlistedAt(id: string, at: number | null): void {
    this.setWaitlisted.run(at, id);
  }

  listWaiting(): Person[] {
    return this.waiting.all().map(fromRow);
  }

  countHoldingPlaces(): number {
    return this.holdingPlaces.get()!.n;
  }

  revokeCredentials(id: string): number {
    this.bumpGeneration.run(id);
    return this.get(id)?.credentialGeneration ?? 0;
  }

  delete(id: string): void {
    this.deleteOne.run(id);
  }
}

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
}

/** A registration as the organisers list it (never a credential). */
export type RegistrationRecord = Omit<Person, 'credentialGeneration' | 'details'> & { readonly details: Partial<RegistrationDetails> };

interface PersonRow {
  id: string; role: Role; name: string; email: string | null; organisation: string | null;
  details: string; credential_generation: number; created_at: number;
}

const fromRow = (r: PersonRow): Person => ({
  id: r.id, role: r.role, name: r.name, email: r.email, organisation: r.organisation,
  details: JSON.parse(r.details) as Record<string, unknown>, credentialGeneration: r.credential_generation, createdAt: r.created_at,
});

/** Registrations and invitations (personal data lives here, not in the agenda). */
export interface PeopleStore {
  get(id: string): Person | null;
  findByEmail(email: string): Person | null;
  list(role?: Role): RegistrationRecord[];
  /** Add a person unless one with that id exists; returns the stored person. */
  add(person: Omit<Person, 'credentialGeneration'>): Person;
  /** Invalidate every credential issued so far to this person; returns the new generation. */
  revokeCredentials(id: string): number;
  /** Delete a person's registration (their data was deleted). */
  delete(id: string): void;
}

/** The people store in the SQLite data file: the one reader and writer of `people`, with one row mapper. */
export class SqlitePeopleStore implements PeopleStore {
  private readonly byId;
  private readonly byRole;
  private readonly everyone;
  private readonly byEmail;
  private readonly insert;
  private readonly bumpGeneration;
  private readonly deleteOne;

  constructor(db: Database) {
    this.byId = db.prepare<[string], PersonRow>(`SELECT * FROM people WHERE id = ?`);
    this.byRole = db.prepare<[Role], PersonRow>(`SELECT * FROM people WHERE role = ? ORDER BY created_at, id`);
    this.everyone = db.prepare<[], PersonRow>(`SELECT * FROM people ORDER BY created_at, id`);
    this.byEmail = db.prepare<[string], PersonRow>(`SELECT * FROM people WHERE email = ?`);
    this.insert = db.prepare(`INSERT INTO people (id, role, name, email, organisation, details, created_at) VALUES (@id, @role, @name, @email, @organisation, @details, @createdAt) ON CONFLICT(id) DO NOTHING`);
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
      const { credentialGeneration: _generation, ...record } = fromRow(row);
      return record as RegistrationRecord;
    });
  }

  add(person: Omit<Person, 'credentialGeneration'>): Person {
    this.insert.run({ ...person, email: person.email?.toLowerCase() ?? null, details: JSON.stringify(person.details) });
    return this.get(person.id)!;
  }

  revokeCredentials(id: string): number {
    this.bumpGeneration.run(id);
    return this.get(id)?.credentialGeneration ?? 0;
  }

  delete(id: string): void {
    this.deleteOne.run(id);
  }
}

import type { Database } from 'better-sqlite3';
import type { Role } from '@live-workshop/shared';
import type { RegistrationDetails } from './registrationForm.js';

/** A registration as the organisers list it (never a credential). */
export interface RegistrationRecord {
  readonly id: string;
  readonly role: Role;
  readonly name: string;
  readonly email: string | null;
  readonly organisation: string | null;
  readonly details: Partial<RegistrationDetails>;
  readonly createdAt: number;
}

interface Row { id: string; role: Role; name: string; email: string | null; organisation: string | null; details: string; created_at: number }

/** Read-only lists over the people table for the organisers' views and exports. */
export class PeopleQueries {
  private readonly byRole;
  private readonly everyone;

  constructor(db: Database) {
    this.byRole = db.prepare<[Role], Row>(`SELECT id, role, name, email, organisation, details, created_at FROM people WHERE role = ? ORDER BY created_at, id`);
    this.everyone = db.prepare<[], Row>(`SELECT id, role, name, email, organisation, details, created_at FROM people ORDER BY created_at, id`);
  }

  /** Everyone, or everyone with a role, in registration order. */
  list(role?: Role): RegistrationRecord[] {
    return (role ? this.byRole.all(role) : this.everyone.all()).map((r) => ({
      id: r.id, role: r.role, name: r.name, email: r.email, organisation: r.organisation,
      details: JSON.parse(r.details) as Partial<RegistrationDetails>, createdAt: r.created_at,
    }));
  }
}

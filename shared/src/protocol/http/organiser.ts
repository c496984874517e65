import type { EventConfig } from '../../event/eventConfig.js';

/** Where an event is in its life, as the organiser home groups them. */
export type HostedEventStatus = 'upcoming' | 'live' | 'past';

/** One event of the deployment, as the organiser home lists it. */
export interface HostedEventSummary {
  readonly id: string;
  readonly title: string;
  /** The event's own date, start and end, in its own zone. */
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  readonly status: HostedEventStatus;
  /** Archived events keep their data and page but take no registrations. */
  readonly archived: boolean;
  /** The deployment's default event (the one `/` serves); it cannot be archived. */
  readonly isDefault: boolean;
  /** The event page (where attendees register). */
  readonly url: string;
  /** Registered attendees (staff not counted); null for an archived event nobody has opened since the server started. */
  readonly attendees: number | null;
}

/** What GET /api/organiser/events answers. */
export interface HostedEventList {
  readonly organiser: { readonly id: string; readonly name: string };
  readonly events: readonly HostedEventSummary[];
}

/** A personal link of one of the new event's staff (the moderators run it). */
export interface HostedStaffLink {
  readonly id: string;
  readonly role: 'moderator' | 'speaker' | 'captioner';
  readonly name: string;
  readonly url: string;
}

/** POST /api/organiser/events: an event file's text (YAML or JSON), or the set-up form's event. */
export type CreateHostedEventRequest = { readonly yaml: string } | { readonly event: EventConfig };

/** POST /api/organiser/events/:id/duplicate: the copy's id, and optionally its date. */
export interface DuplicateHostedEventRequest {
  readonly id: string;
  readonly date?: string;
}

/** What creating or duplicating answers: the event, and its moderators' (and speakers') links. */
export interface CreatedHostedEvent {
  readonly event: HostedEventSummary;
  readonly links: readonly HostedStaffLink[];
}

/** One problem of an uploaded event file, by line and field. */
export interface EventFileProblemBody {
  readonly line: number | null;
  readonly field: string;
  readonly message: string;
}

/** What DELETE /api/organiser/events/:id answers: the event's data is gone. */
export interface DeletedHostedEvent {
  readonly id: string;
  readonly deleted: true;
}

/** One organiser account of the deployment (never a credential). */
export interface OrganiserAccount {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

/** What GET /api/organiser/organisers answers. */
export interface OrganiserAccountList {
  readonly organisers: readonly OrganiserAccount[];
}

/** POST /api/organiser/organisers: invite another organiser by name. */
export interface InviteOrganiserRequest {
  readonly name: string;
}

/** What inviting an organiser answers: the account and its link, shown this once. */
export interface InvitedOrganiser {
  readonly organiser: OrganiserAccount;
  readonly url: string;
}

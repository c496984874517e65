/**
 * The organiser home's HTTP API (the deployment's own, never under an event's /e/<id>): its
 * request and response types are shared/src/protocol/http/organiser.ts, the server's.
 */
import type {
  CreatedHostedEvent, CreateHostedEventRequest, DeletedHostedEvent, DuplicateHostedEventRequest, EventConfig, HostedEventList, HostedEventSummary, HostedStaffLink,
  InvitedOrganiser, InviteOrganiserRequest, OrganiserAccountList,
} from '@live-workshop/shared';
import { bearer, request } from '../../net/api.js';

/** Where the organiser credential is remembered in this browser (the printed link is opened once). */
export const ORGANISER_CREDENTIAL_KEY = 'lw.organiser';

export function storedOrganiserCredential(): string | null {
  try {
    return localStorage.getItem(ORGANISER_CREDENTIAL_KEY);
  } catch {
    return null;
  }
}

export function storeOrganiserCredential(credential: string | null): void {
  try {
    if (credential) localStorage.setItem(ORGANISER_CREDENTIAL_KEY, credential);
    else localStorage.removeItem(ORGANISER_CREDENTIAL_KEY);
  } catch {
    // Storage disabled: the printed link itself still works.
  }
}

const send = <T>(credential: string, path: string, method: string, body?: unknown) =>
  request<T>(path, { method, headers: bearer(credential), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** Every event of the deployment, and who is signed in. */
export const fetchHostedEvents = (credential: string) => request<HostedEventList>('/api/organiser/events', { headers: bearer(credential) });

/** Create an event from an event file's text or from the set-up form's event. */
export const createHostedEvent = (credential: string, body: CreateHostedEventRequest | { event: EventConfig | Record<string, unknown> }) =>
  send<CreatedHostedEvent>(credential, '/api/organiser/events', 'POST', body);

export const duplicateHostedEvent = (credential: string, id: string, body: DuplicateHostedEventRequest) =>
  send<CreatedHostedEvent>(credential, `/api/organiser/events/${encodeURIComponent(id)}/duplicate`, 'POST', body);

export const archiveHostedEvent = (credential: string, id: string) =>
  send<HostedEventSummary>(credential, `/api/organiser/events/${encodeURIComponent(id)}/archive`, 'POST');

export const deleteHostedEvent = (credential: string, id: string) =>
  send<DeletedHostedEvent>(credential, `/api/organiser/events/${encodeURIComponent(id)}`, 'DELETE');

/** Fresh personal links of an event's moderators, speakers and captioners. */
export const fetchHostedEventLinks = (credential: string, id: string) =>
  request<{ links: HostedStaffLink[] }>(`/api/organiser/events/${encodeURIComponent(id)}/links`, { headers: bearer(credential) });

/** The deployment's organisers. */
export const fetchOrganisers = (credential: string) => request<OrganiserAccountList>('/api/organiser/organisers', { headers: bearer(credential) });

/** Invite another organiser: their link comes back this once. */
export const inviteOrganiser = (credential: string, body: InviteOrganiserRequest) => send<InvitedOrganiser>(credential, '/api/organiser/organisers', 'POST', body);

/** Revoke an organiser (never the last one): their links stop working. */
export const revokeOrganiser = (credential: string, id: string) => send<OrganiserAccountList>(credential, `/api/organiser/organisers/${encodeURIComponent(id)}`, 'DELETE');

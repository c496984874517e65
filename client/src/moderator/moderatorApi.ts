/** The moderators' HTTP API (all signed in with the moderator's credential; types from shared/src/protocol/http); only the console chunk imports it. */
import type {
  AutopilotRequest, AutopilotState, AutopilotStatus, EditableEvent, EventLifecycleRequest, EventLifecycleResponse, FacilitatorInvite, FacilitatorInviteCreated,
  FacilitatorInviteList, FacilitatorInviteRequest, OccupancySeries, PreEventCheckReport, PreEventCheckRequest, PreferenceCounts, SavedEvent,
} from '@live-workshop/shared';
import { bearer, request } from '../net/api.js';
import { downloadSigned } from '../net/download.js';
import { currentLanguage } from '../i18n/i18n.js';

/** The registrations' breakout preferences and where people are placed. */
export function fetchPreferences(credential: string): Promise<PreferenceCounts> {
  return request<PreferenceCounts>('/api/moderator/preferences', { headers: bearer(credential) });
}

/** The event as the server runs it, and whether it can still be edited (only before the doors open). */
export function fetchEditableEvent(credential: string): Promise<EditableEvent> {
  return request<EditableEvent>('/api/moderator/event', { headers: bearer(credential) });
}

/** Replace the whole event; 400 carries per-field problems keyed by dotted path ("breakouts.1.capacity"). */
export function saveEvent(credential: string, event: unknown): Promise<SavedEvent> {
  return request<SavedEvent>('/api/moderator/event', { method: 'PUT', body: JSON.stringify(event), headers: bearer(credential) });
}

/** The autopilot: on for this event or not, held or running, and its next step. */
export function fetchAutopilot(credential: string): Promise<AutopilotStatus> {
  return request<AutopilotStatus>('/api/moderator/autopilot', { headers: bearer(credential) });
}

/** Hold the autopilot or let it run (409 when the event has none). */
export function setAutopilot(credential: string, state: AutopilotState): Promise<AutopilotStatus> {
  return request<AutopilotStatus>('/api/moderator/autopilot', { method: 'POST', body: JSON.stringify({ state } satisfies AutopilotRequest), headers: bearer(credential) });
}

/** How many people were in each room, minute by minute (from the media server's webhooks). */
export function fetchOccupancy(credential: string, stepMs = 60_000): Promise<OccupancySeries> {
  return request<OccupancySeries>(`/api/moderator/occupancy?stepMs=${stepMs}`, { headers: bearer(credential) });
}

/** Run the pre-event check (LiveKit, TURN/TCP, mail, disk, clock, certificate); a test mail goes to `mailTo` when given. */
export function runPreEventCheck(credential: string, mailTo: string): Promise<PreEventCheckReport> {
  const body: PreEventCheckRequest = mailTo.trim() ? { mailTo: mailTo.trim() } : {};
  // The test mail is written in the page's language.
  return request<PreEventCheckReport>(`/api/moderator/checks?lang=${currentLanguage()}`, { method: 'POST', body: JSON.stringify(body), headers: bearer(credential) });
}

/** Cancel the event or move it to another date and start time; every registered person is mailed. 400 carries per-field problems. */
export function changeEventLifecycle(credential: string, body: EventLifecycleRequest): Promise<EventLifecycleResponse> {
  return request<EventLifecycleResponse>('/api/moderator/event/lifecycle', { method: 'POST', body: JSON.stringify(body), headers: bearer(credential) });
}

/** Every breakout room with its facilitator invite. */
export function fetchFacilitatorInvites(credential: string): Promise<FacilitatorInviteList> {
  return request<FacilitatorInviteList>('/api/moderator/facilitators', { headers: bearer(credential) });
}

/** Make a room's facilitator link (for `name`, or the event file's facilitator when empty). */
export function inviteFacilitator(credential: string, breakoutId: string, name: string): Promise<FacilitatorInviteCreated> {
  const body: FacilitatorInviteRequest = name.trim() ? { name: name.trim() } : {};
  return request<FacilitatorInviteCreated>(`/api/moderator/facilitators/${encodeURIComponent(breakoutId)}`, { method: 'POST', body: JSON.stringify(body), headers: bearer(credential) });
}

/** Withdraw a room's facilitator link: it is refused from now on. */
export function withdrawFacilitator(credential: string, breakoutId: string): Promise<FacilitatorInvite> {
  return request<FacilitatorInvite>(`/api/moderator/facilitators/${encodeURIComponent(breakoutId)}`, { method: 'DELETE', headers: bearer(credential) });
}

/** The CSV exports a moderator can download. */
export const EXPORTS = {
  registrations: { path: '/api/moderator/registrations.csv', fallbackName: 'registrations.csv' },
  attendance: { path: '/api/moderator/attendance.csv', fallbackName: 'attendance.csv' },
  questions: { path: '/api/moderator/questions.csv', fallbackName: 'questions.csv' },
  polls: { path: '/api/moderator/polls.csv', fallbackName: 'polls.csv' },
  notesCsv: { path: '/api/moderator/notes.csv', fallbackName: 'notes.csv' },
  notesMarkdown: { path: '/api/moderator/notes.md', fallbackName: 'notes.md' },
} as const;

/** Download one CSV export; returns the saved file name. */
export function downloadExport(credential: string, which: keyof typeof EXPORTS): Promise<string> {
  return downloadSigned(EXPORTS[which].path, credential, EXPORTS[which].fallbackName);
}

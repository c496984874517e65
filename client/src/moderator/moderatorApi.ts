/** The moderators' HTTP API (all signed in with the moderator's credential); only the console chunk imports it. */
import type { EventConfig } from '@live-workshop/shared';
import { bearer, request } from '../net/api.js';
import { downloadSigned } from '../net/download.js';

/** Preference counts of one breakout room before the event. */
export interface BreakoutPreferences {
  readonly id: string;
  readonly title: string;
  readonly capacity: number;
  readonly facilitator: string | null;
  readonly firstChoice: number;
  readonly secondChoice: number;
  readonly assigned: number;
}

/** What GET /api/moderator/preferences answers. */
export interface PreferenceCounts {
  readonly attendees: number;
  readonly withoutPreference: number;
  readonly unassigned: number;
  readonly breakouts: readonly BreakoutPreferences[];
}

/** The registrations' breakout preferences and where people are placed. */
export function fetchPreferences(credential: string): Promise<PreferenceCounts> {
  return request<PreferenceCounts>('/api/moderator/preferences', { headers: bearer(credential) });
}

/** The event as the server runs it, and whether it can still be edited (only before the doors open). */
export function fetchEditableEvent(credential: string): Promise<{ current: EventConfig; editable: boolean }> {
  return request<{ current: EventConfig; editable: boolean }>('/api/moderator/event', { headers: bearer(credential) });
}

/** Replace the whole event; 400 carries per-field problems keyed by dotted path ("breakouts.1.capacity"). */
export function saveEvent(credential: string, event: unknown): Promise<{ current: EventConfig; version: number }> {
  return request<{ current: EventConfig; version: number }>('/api/moderator/event', { method: 'PUT', body: JSON.stringify(event), headers: bearer(credential) });
}

/** The next step the autopilot will take. */
export interface AutopilotStep {
  readonly action: 'openDoors' | 'start' | 'next';
  readonly dueAt: number;
}

/** What the autopilot endpoints answer. */
export interface AutopilotStatus {
  readonly enabled: boolean;
  readonly state: 'hold' | 'run';
  readonly next: AutopilotStep | null;
}

/** The autopilot: on for this event or not, held or running, and its next step. */
export function fetchAutopilot(credential: string): Promise<AutopilotStatus> {
  return request<AutopilotStatus>('/api/moderator/autopilot', { headers: bearer(credential) });
}

/** Hold the autopilot or let it run (409 when the event has none). */
export function setAutopilot(credential: string, state: 'hold' | 'run'): Promise<AutopilotStatus> {
  return request<AutopilotStatus>('/api/moderator/autopilot', { method: 'POST', body: JSON.stringify({ state }), headers: bearer(credential) });
}

/** Room occupancy over time: people per room at each step. */
export interface OccupancySeries {
  readonly stepMs: number;
  readonly rooms: readonly string[];
  readonly points: readonly { readonly at: number; readonly counts: Readonly<Record<string, number>> }[];
}

/** How many people were in each room, minute by minute (from the media server's webhooks). */
export function fetchOccupancy(credential: string, stepMs = 60_000): Promise<OccupancySeries> {
  return request<OccupancySeries>(`/api/moderator/occupancy?stepMs=${stepMs}`, { headers: bearer(credential) });
}

/** The CSV exports a moderator can download. */
export const EXPORTS = {
  registrations: { path: '/api/moderator/registrations.csv', fallbackName: 'registrations.csv' },
  attendance: { path: '/api/moderator/attendance.csv', fallbackName: 'attendance.csv' },
} as const;

/** Download one CSV export; returns the saved file name. */
export function downloadExport(credential: string, which: keyof typeof EXPORTS): Promise<string> {
  return downloadSigned(EXPORTS[which].path, credential, EXPORTS[which].fallbackName);
}

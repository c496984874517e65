/** The HTTP API: the public event page and registration. */
import type { EventConfig } from '@live-workshop/shared';

/** What GET /api/event answers. */
export interface EventResponse {
  readonly event: EventConfig;
  readonly serverTime: number;
}

/** What POST /api/registrations takes. The fields after `preferences` are asked only when the server's form info lists them. */
export interface RegistrationRequest {
  readonly name: string;
  readonly email: string;
  readonly organisation?: string;
  /** Breakout ids, first choice then second. */
  readonly preferences: string[];
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  readonly stakeholderType?: string;
  readonly accessibilityNeeds?: string;
  readonly consent?: true;
  readonly privacyNoticeVersion?: string;
}

/** What GET /api/registration/form answers: the choices the form offers. */
export interface RegistrationFormInfo {
  readonly countries: readonly { readonly code: string; readonly name: string }[];
  readonly stakeholderTypes: readonly { readonly id: string; readonly label: string }[];
  readonly accessibilityNeedsMaxLength: number;
  readonly privacyNoticeVersion: string;
}

/** A successful registration: the link, or (already registered, mail configured) word that it was mailed. */
export type Registration =
  | { readonly participantId: string; readonly joinUrl: string; readonly credential: string; readonly mailed?: undefined }
  | { readonly alreadyRegistered: true; readonly mailed: true };

/** A refused request, in words, with per-field problems for forms. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers } });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the workshop server. Check your connection and try again.');
  }
  const body = (await readJson(response)) as Record<string, unknown> | null;
  if (!response.ok) {
    const message = typeof body?.message === 'string' ? body.message : `The server answered ${response.status}.`;
    const code = typeof body?.code === 'string' ? body.code : 'internal';
    const fieldErrors = body?.fieldErrors && typeof body.fieldErrors === 'object' ? (body.fieldErrors as Record<string, string>) : {};
    throw new ApiError(response.status, code, message, fieldErrors);
  }
  return body as T;
}

/** The event, with the server's clock. */
export function fetchEvent(): Promise<EventResponse> {
  return request<EventResponse>('/api/event');
}

/** The form's choices, or null when this server asks only for the basic fields. */
export async function fetchRegistrationForm(lang = 'en'): Promise<RegistrationFormInfo | null> {
  try {
    return await request<RegistrationFormInfo>(`/api/registration/form?lang=${encodeURIComponent(lang)}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Register and get a personal join link. */
export function register(body: RegistrationRequest): Promise<Registration> {
  return request<Registration>('/api/registrations', { method: 'POST', body: JSON.stringify(body) });
}

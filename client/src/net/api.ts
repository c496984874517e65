/** The HTTP API: the public event page, registration, privacy, certificates and the signed-in person's own data. */
import type { EventConfig } from '@live-workshop/shared';

/** What GET /api/event answers. */
export interface EventResponse {
  readonly event: EventConfig;
  readonly serverTime: number;
  /** Why registration is closed (the event is over), in words; null while it is open. */
  readonly registrationClosed: string | null;
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

/** A JSON request to the server; a refusal throws ApiError with the server's words. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
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

/** Headers that sign a request in with a personal credential. */
export function bearer(credential: string): Record<string, string> {
  return { authorization: `Bearer ${credential}` };
}

/** Where the calendar file (.ics, with the join link in it) of a registered person downloads from. */
export function calendarUrl(credential: string): string {
  return `/api/registrations/ics?credential=${encodeURIComponent(credential)}`;
}

/** What GET /api/privacy answers: the privacy notice in plain-text sections. */
export interface PrivacyNotice {
  readonly version: string;
  readonly title: string;
  readonly controller: readonly string[];
  readonly sections: readonly { readonly heading: string; readonly text: string }[];
}

/** The privacy notice people consent to when registering. */
export function fetchPrivacyNotice(): Promise<PrivacyNotice> {
  return request<PrivacyNotice>('/api/privacy');
}

/** The parts of a certificate of participation (an Open Badges 3.0 credential) that people read. */
export interface ParticipationCredential {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly validFrom: string;
  readonly issuer: { readonly id: string; readonly name: string; readonly url?: string };
  readonly credentialSubject: {
    readonly identifier?: readonly { readonly identityType: string; readonly hashed: boolean; readonly identityHash: string }[];
    readonly activityStartDate?: string;
    readonly activityEndDate?: string;
    readonly achievement: { readonly name: string; readonly description?: string; readonly criteria?: { readonly narrative?: string } };
  };
  readonly evidence?: readonly { readonly name: string; readonly genre?: string; readonly description?: string }[];
}

/** What a certificate check found. */
export type VerificationStatus = 'valid' | 'tampered' | 'revoked';

/** The answer of a certificate check. */
export interface Verification {
  readonly status: VerificationStatus;
  readonly message: string;
  readonly certificateId: string | null;
  readonly credential: ParticipationCredential | null;
  readonly revokedAt: number | null;
}

/** Check a pasted signed certificate (JWT). */
export function verifyCertificateJwt(jwt: string): Promise<Verification> {
  return request<Verification>('/api/certificates/verify', { method: 'POST', body: JSON.stringify({ jwt }) });
}

/** Check the certificate on record under an id. */
export function verifyCertificateId(id: string): Promise<Verification> {
  return request<Verification>(`/api/certificates/${encodeURIComponent(id)}/verify`);
}

/** The signed-in person's certificate, as GET /api/certificates/mine hands it over. */
export interface MyCertificate {
  readonly id: string;
  readonly jwt: string;
  readonly credential: ParticipationCredential;
  readonly issuedAt: number;
  readonly pageUrl: string;
  readonly verifyUrl: string;
}

/** Where the signed credential (JWT) of a certificate downloads from; public, like the certificate page. */
export function certificateJwtUrl(id: string): string {
  return `/api/certificates/${encodeURIComponent(id)}/jwt`;
}

/** Ask for my certificate: issued after the end to those who attended enough; refusals come back as ApiError in words. */
export function fetchMyCertificate(credential: string): Promise<MyCertificate> {
  return request<MyCertificate>('/api/certificates/mine', { headers: bearer(credential) });
}

/** Delete everything the server holds about me (attendees only). */
export function deleteMyData(credential: string): Promise<{ deleted: true }> {
  return request<{ deleted: true }>('/api/me', { method: 'DELETE', headers: bearer(credential) });
}

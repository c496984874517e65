/**
 * The HTTP API: the public event page, registration, privacy, certificates and the signed-in person's own data.
 * Request and response types are shared/src/protocol/http's, the server's own.
 */
import type {
  DeletedMyData, EventResponse, FieldIssue, HttpErrorBody, MyCertificate, PrivacyNotice, Registration, RegistrationFormInfo, RegistrationRequest, Verification,
  VerifyCertificateRequest,
} from '@live-workshop/shared';
import { CORRELATION_HEADER, pageCorrelationId } from './correlation.js';
import { currentLanguage, t } from '../i18n/i18n.js';
import { eventPath } from './eventBase.js';

/** A refused request, in words, with per-field problems for forms. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Readonly<Record<string, string>> = {},
    /** The same problems as data, when the server gives them (see FieldIssue), for words in the reader's language. */
    readonly fieldIssues: Readonly<Record<string, FieldIssue>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * Words for a failed request: the server's (or the network's) when it is an ApiError — outside English
 * the catalogue's text for its code, as the server writes English — else `fallback`.
 */
export function failureWords(error: unknown, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  return currentLanguage() === 'en' ? error.message : t(`errors.${error.code}`, { defaultValue: error.message });
}

/** The words for a query or mutation that failed, or null while it has not. */
export function problemOf(request: { readonly isError: boolean; readonly error: unknown }, fallback: string): string | null {
  return request.isError ? failureWords(request.error, fallback) : null;
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

/** A JSON request to this page's event (`path` as a single-event server has it); a refusal throws ApiError with the server's words. */
export async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(eventPath(path), { ...init, headers: { accept: 'application/json', [CORRELATION_HEADER]: pageCorrelationId, ...(init?.body ? { 'content-type': 'application/json' } : {}), ...init?.headers } });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the workshop server. Check your connection and try again.');
  }
  const body = (await readJson(response)) as Partial<Record<keyof HttpErrorBody, unknown>> | null;
  if (!response.ok) {
    const message = typeof body?.message === 'string' ? body.message : `The server answered ${response.status}.`;
    const code = typeof body?.code === 'string' ? body.code : 'internal';
    const fieldErrors = body?.fieldErrors && typeof body.fieldErrors === 'object' ? (body.fieldErrors as Record<string, string>) : {};
    const fieldIssues = body?.fieldIssues && typeof body.fieldIssues === 'object' ? (body.fieldIssues as Record<string, FieldIssue>) : {};
    throw new ApiError(response.status, code, message, fieldErrors, fieldIssues);
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
  return eventPath(`/api/registrations/ics?credential=${encodeURIComponent(credential)}`);
}

/** The privacy notice people consent to when registering. */
export function fetchPrivacyNotice(language = 'en'): Promise<PrivacyNotice> {
  return request<PrivacyNotice>(language === 'en' ? '/api/privacy' : `/api/privacy?lang=${encodeURIComponent(language)}`);
}

/** Check a pasted signed certificate (JWT). */
export function verifyCertificateJwt(jwt: string): Promise<Verification> {
  return request<Verification>('/api/certificates/verify', { method: 'POST', body: JSON.stringify({ jwt } satisfies VerifyCertificateRequest) });
}

/** Check the certificate on record under an id. */
export function verifyCertificateId(id: string): Promise<Verification> {
  return request<Verification>(`/api/certificates/${encodeURIComponent(id)}/verify`);
}

/** Where the signed credential (JWT) of a certificate downloads from; public, like the certificate page. */
export function certificateJwtUrl(id: string): string {
  return eventPath(`/api/certificates/${encodeURIComponent(id)}/jwt`);
}

/** Ask for my certificate: issued after the end to those who attended enough; refusals come back as ApiError in words. */
export function fetchMyCertificate(credential: string): Promise<MyCertificate> {
  return request<MyCertificate>('/api/certificates/mine', { headers: bearer(credential) });
}

/** Delete everything the server holds about me (attendees only). */
export function deleteMyData(credential: string): Promise<DeletedMyData> {
  return request<DeletedMyData>('/api/me', { method: 'DELETE', headers: bearer(credential) });
}

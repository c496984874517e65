/** What POST /api/registrations takes. The fields after `preferences` are asked only when the server's form info lists them. */
export interface RegistrationRequest {
  readonly name: string;
  readonly email: string;
  readonly organisation?: string;
  /** Breakout ids, first choice then second; none for an event without breakout rooms. */
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

/** What POST /api/registrations answers: the link, or (already registered, mail configured) word that it was mailed. */
export type Registration =
  | { readonly participantId: string; readonly joinUrl: string; readonly credential: string; readonly alreadyRegistered?: boolean; readonly mailed?: undefined }
  | { readonly alreadyRegistered: true; readonly mailed: true };

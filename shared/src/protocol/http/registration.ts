import type { LanguageCode } from '../../i18n/languages.js';

/** What POST /api/registrations takes. The fields after `preferences` are asked only when the server's form info lists them. */
export interface RegistrationRequest {
  readonly name: string;
  readonly email: string;
  readonly organisation?: string;
  /** Breakout ids, first choice then second; none for an event without breakout rooms. */
  readonly preferences: string[];
  /** Preferences of the rounds with their own rooms that ask for them, by round (item id). */
  readonly roundPreferences?: Record<string, string[]>;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  readonly stakeholderType?: string;
  readonly accessibilityNeeds?: string;
  readonly consent?: true;
  readonly privacyNoticeVersion?: string;
  /** The language the person registered in (the page's): their mails and calendar file come in it. */
  readonly language?: LanguageCode;
}

/** What GET /api/registration/form answers: the choices the form offers. */
export interface RegistrationFormInfo {
  readonly countries: readonly { readonly code: string; readonly name: string }[];
  readonly stakeholderTypes: readonly { readonly id: string; readonly label: string }[];
  readonly accessibilityNeedsMaxLength: number;
  readonly privacyNoticeVersion: string;
}

/**
 * What POST /api/registrations answers (202) for every accepted form, new address or known: the
 * join link goes only by mail, to that address; nothing here tells who is registered.
 */
export interface Registration {
  readonly status: 'check_inbox';
  /** The address the link was sent to, as the server normalised it. */
  readonly email: string;
}

/** What POST /api/me/confirm answers when a mailed link is opened: the address is confirmed, the person admitted. */
export interface Confirmation {
  readonly participantId: string;
  readonly confirmed: true;
}

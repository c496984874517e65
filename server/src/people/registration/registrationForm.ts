// The registration form on the server: the shared request schema with the server's country list, the
// form's labels, and what is kept of a registration (people.details).
import countries from 'i18n-iso-countries';
import { registrationRequestSchema, type EventConfig, type RegistrationRequestParsed, type StakeholderType } from '@live-workshop/shared';

/** Labels for the form. */
export const STAKEHOLDER_LABELS: Record<StakeholderType, string> = {
  policy_maker: 'Policy maker',
  researcher: 'Researcher',
  education_training_provider: 'Education or training provider',
  employer: 'Employer',
  social_partner: 'Social partner',
  learner: 'Learner',
  other: 'Other',
};

/** Countries (ISO 3166-1 alpha-2) with their English names, sorted by name; from i18n-iso-countries. */
export function countryList(lang = 'en'): { code: string; name: string }[] {
  const names = countries.getNames(lang, { select: 'official' });
  const list = Object.keys(names).length > 0 ? names : countries.getNames('en', { select: 'official' });
  return Object.entries(list).map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** True for an assigned ISO 3166-1 alpha-2 code. */
export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

/** The registration form, checked against the event's breakout rooms (shared/registration), with the server's country list. */
export const registrationFormSchema = (event: Pick<EventConfig, 'breakouts' | 'agenda'>) => registrationRequestSchema(event, isCountryCode);

export type RegistrationForm = RegistrationRequestParsed;

/** What the organisers keep about a registration, besides name, email and organisation (people.details). */
export interface RegistrationDetails {
  readonly preferences: readonly string[];
  /** Preferences of the rounds with their own rooms, by round. */
  readonly roundPreferences?: Readonly<Record<string, readonly string[]>>;
  readonly country?: string;
  readonly stakeholderType?: StakeholderType;
  readonly accessibilityNeeds?: string;
  readonly consent?: { readonly noticeVersion: string; readonly at: number };
}

/** The stored details of a form. */
export function detailsOf(form: RegistrationForm, now: number): RegistrationDetails {
  return {
    preferences: form.preferences,
    ...(Object.keys(form.roundPreferences).length > 0 ? { roundPreferences: form.roundPreferences } : {}),
    country: form.country,
    stakeholderType: form.stakeholderType,
    ...(form.accessibilityNeeds ? { accessibilityNeeds: form.accessibilityNeeds } : {}),
    consent: { noticeVersion: form.privacyNoticeVersion, at: now },
  };
}

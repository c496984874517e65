import countries from 'i18n-iso-countries';
import { z } from 'zod';
import { normalisePersonName, type EventConfig } from '@live-workshop/shared';

/** Who registers, in the workshop's words. */
export const STAKEHOLDER_TYPES = ['policy_maker', 'researcher', 'education_training_provider', 'employer', 'social_partner', 'learner', 'other'] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

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

/** Longest accessibility note accepted. */
export const ACCESSIBILITY_NEEDS_MAX = 1000;

/** Countries (ISO 3166-1 alpha-2) with their English names, sorted by name; from i18n-iso-countries. */
export function countryList(lang = 'en'): { code: string; name: string }[] {
  const names = countries.getNames(lang, { select: 'official' });
  const list = Object.keys(names).length > 0 ? names : countries.getNames('en', { select: 'official' });
  return Object.entries(list).map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** True for an assigned ISO 3166-1 alpha-2 code. */
export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

/** A text field with a clear message when it is missing. */
const text = (missing: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : 'Please enter text.') }).trim();

/** The registration form, checked against the event's breakout rooms. Field errors use dotted paths ("preferences.1"). */
export function registrationFormSchema(event: Pick<EventConfig, 'breakouts'>) {
  const rooms = new Set(event.breakouts.map((b) => b.id));
  return z.strictObject({
    // Stored and shown normalised: no bidi overrides, zero-width or control characters (see normalisePersonName).
    name: text('Please enter your name.').overwrite(normalisePersonName).min(1, 'Please enter your name.').max(120, 'Use at most 120 characters.'),
    email: text('Please enter your email address.').toLowerCase().pipe(z.email('Please enter a valid email address, like name@example.org.').max(254, 'Use at most 254 characters.')),
    organisation: z.string().overwrite(normalisePersonName).max(200, 'Use at most 200 characters.').optional(),
    country: text('Choose your country.').toUpperCase().refine(isCountryCode, 'Choose your country from the list.'),
    stakeholderType: z.enum(STAKEHOLDER_TYPES, { error: 'Choose what describes you best.' }),
    // Checked inside the field so its messages come with the others' in one answer.
    preferences: z.array(z.string().max(48), { error: 'Choose the breakout room you would like most.' }).max(2, 'Choose at most two rooms.').default([])
      .superRefine((preferences, ctx) => {
        const [first, second] = preferences;
        if (rooms.size > 0 && first === undefined) ctx.addIssue({ code: 'custom', path: [0], message: 'Choose the breakout room you would like most.' });
        if (first !== undefined && !rooms.has(first)) ctx.addIssue({ code: 'custom', path: [0], message: 'Choose one of the listed rooms.' });
        if (second !== undefined && !rooms.has(second)) ctx.addIssue({ code: 'custom', path: [1], message: 'Choose one of the listed rooms.' });
        if (second !== undefined && second === first) ctx.addIssue({ code: 'custom', path: [1], message: 'Choose a different room for your second choice, or none.' });
      }),
    accessibilityNeeds: z.string().trim().max(ACCESSIBILITY_NEEDS_MAX, `Use at most ${ACCESSIBILITY_NEEDS_MAX} characters.`).optional(),
    consent: z.literal(true, { error: 'Please accept the privacy notice to register.' }),
    privacyNoticeVersion: text('Please read the privacy notice.').min(1).max(40),
  });
}

export type RegistrationForm = z.infer<ReturnType<typeof registrationFormSchema>>;

/** What the organisers keep about a registration, besides name, email and organisation (people.details). */
export interface RegistrationDetails {
  readonly preferences: readonly string[];
  readonly country?: string;
  readonly stakeholderType?: StakeholderType;
  readonly accessibilityNeeds?: string;
  readonly consent?: { readonly noticeVersion: string; readonly at: number };
}

/** The stored details of a form. */
export function detailsOf(form: RegistrationForm, now: number): RegistrationDetails {
  return {
    preferences: form.preferences,
    country: form.country,
    stakeholderType: form.stakeholderType,
    ...(form.accessibilityNeeds ? { accessibilityNeeds: form.accessibilityNeeds } : {}),
    consent: { noticeVersion: form.privacyNoticeVersion, at: now },
  };
}

/**
 * The registration request as the server validates it (zod, server only): the shared rule of
 * registrationRules.ts for the breakout choices and the lengths, with the server's words; names and
 * organisations are normalised (normalisePersonName) before they are checked and kept. The country list is the server's (i18n-iso-countries), so its check comes in as `isCountryCode`.
 */
import { z } from 'zod';
import type { EventConfig } from '../event/eventConfig.js';
import { normalisePersonName } from '../people/personName.js';
import { LANGUAGE_CODES, type LanguageCode } from '../i18n/languages.js';
import { preferenceProblems, REGISTRATION_LIMITS, roundsAskingPreferences, type RegistrationProblem } from './registrationRules.js';

/** Who registers, in the workshop's words. */
export const STAKEHOLDER_TYPES = ['policy_maker', 'researcher', 'education_training_provider', 'employer', 'social_partner', 'learner', 'other'] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

/** A text field with a clear message when it is missing. */
const text = (missing: string) => z.string({ error: (issue) => (issue.input === undefined ? missing : 'Please enter text.') }).trim();

/** The server's words for the breakout choices' problems. */
const PREFERENCE_WORDS: Partial<Record<RegistrationProblem, string>> = {
  missing: 'Choose the breakout room you would like most.',
  not_listed: 'Choose one of the listed rooms.',
  same_as_first: 'Choose a different room for your second choice, or none.',
};

/** The registration form, checked against the event's breakout rooms. Field errors use dotted paths ("preferences.1"). */
export function registrationRequestSchema(event: Pick<EventConfig, 'breakouts'> & Partial<Pick<EventConfig, 'agenda'>>, isCountryCode: (code: string) => boolean) {
  const breakoutIds = event.breakouts.map((b) => b.id);
  const asking = roundsAskingPreferences(event);
  const max = (n: number) => `Use at most ${n} characters.`;
  return z.strictObject({
    // Stored and shown normalised: no bidi overrides, zero-width or control characters (see normalisePersonName).
    name: text('Please enter your name.').overwrite(normalisePersonName).min(1, 'Please enter your name.').max(REGISTRATION_LIMITS.name, max(REGISTRATION_LIMITS.name)),
    email: text('Please enter your email address.').toLowerCase()
      .pipe(z.email('Please enter a valid email address, like name@example.org.').max(REGISTRATION_LIMITS.email, max(REGISTRATION_LIMITS.email))),
    organisation: z.string().overwrite(normalisePersonName).max(REGISTRATION_LIMITS.organisation, max(REGISTRATION_LIMITS.organisation)).optional(),
    country: text('Choose your country.').toUpperCase().refine(isCountryCode, 'Choose your country from the list.'),
    stakeholderType: z.enum(STAKEHOLDER_TYPES, { error: 'Choose what describes you best.' }),
    // Checked inside the field so its messages come with the others' in one answer.
    preferences: z.array(z.string().max(48), { error: 'Choose the breakout room you would like most.' })
      .max(REGISTRATION_LIMITS.preferences, 'Choose at most two rooms.').default([])
      .superRefine((preferences, ctx) => {
        const problems = preferenceProblems(preferences, breakoutIds);
        for (const [index, key] of [[0, 'preferences.0'], [1, 'preferences.1']] as const) {
          const problem = problems[key];
          if (problem) ctx.addIssue({ code: 'custom', path: [index], message: PREFERENCE_WORDS[problem] ?? 'Choose one of the listed rooms.' });
        }
      }),
    // Preferences for the rounds with their own rooms that ask for them, by round (see engine/rounds.ts).
    roundPreferences: z.record(z.string().max(48), z.array(z.string().max(48)).max(REGISTRATION_LIMITS.preferences, 'Choose at most two rooms.'))
      .default({})
      .superRefine((byRound, ctx) => {
        for (const key of Object.keys(byRound)) {
          if (!asking.some((r) => r.key === key)) ctx.addIssue({ code: 'custom', path: [key], message: 'This round does not ask for preferences.' });
        }
        for (const round of asking) {
          const problems = preferenceProblems(byRound[round.key] ?? [], round.roomIds);
          for (const [index, key] of [[0, 'preferences.0'], [1, 'preferences.1']] as const) {
            const problem = problems[key];
            if (problem) ctx.addIssue({ code: 'custom', path: [round.key, index], message: PREFERENCE_WORDS[problem] ?? 'Choose one of the listed rooms.' });
          }
        }
      }),
    accessibilityNeeds: z.string().trim().max(REGISTRATION_LIMITS.accessibilityNeeds, max(REGISTRATION_LIMITS.accessibilityNeeds)).optional(),
    consent: z.literal(true, { error: 'Please accept the privacy notice to register.' }),
    privacyNoticeVersion: text('Please read the privacy notice.').min(1).max(40),
    /** The page's language; mails and the calendar file come in it (English when absent). */
    language: z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]], { error: 'Choose one of the listed languages.' }).optional(),
  });
}

/** A registration request as the server accepts it. */
export type RegistrationRequestParsed = z.infer<ReturnType<typeof registrationRequestSchema>>;

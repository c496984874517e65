/**
 * The one registration rule, for the event page (before sending) and the server (before saving): which
 * fields are required, how long each may be, and which breakout choices are allowed. Pure and zod-free;
 * each side puts the problems in its own words. An event without breakout rooms needs no room choice.
 * Names and organisations are measured as they will be kept (normalisePersonName).
 */
import type { AgendaItem } from '../event/eventConfig.js';
import { normalisePersonName } from '../people/personName.js';

/** Longest values accepted, in characters. */
export const REGISTRATION_LIMITS = { name: 120, email: 254, organisation: 200, accessibilityNeeds: 1000, preferences: 2 } as const;

/** What the rule needs to know about the event and the form the server asks for. */
export interface RegistrationRuleContext {
  /** The event's breakout ids; none for a plenary-only event. */
  readonly breakoutIds: readonly string[];
  /** The server asks for country, kind of stakeholder and consent (GET /api/registration/form answers). */
  readonly extendedForm: boolean;
}

/** A registration as typed, before trimming. */
export interface RegistrationInput {
  readonly name?: string;
  readonly email?: string;
  readonly organisation?: string;
  /** Breakout ids, first choice then second; `undefined` where none is chosen. */
  readonly preferences?: readonly (string | undefined)[];
  readonly country?: string;
  readonly stakeholderType?: string;
  readonly accessibilityNeeds?: string;
  readonly consent?: boolean;
}

/** Why a field is refused. */
export type RegistrationProblem = 'missing' | 'invalid' | 'too_long' | 'not_listed' | 'same_as_first' | 'too_many';

/** Fields by dotted path, as the server's field errors name them ("preferences.1"). */
export type RegistrationField =
  | 'name' | 'email' | 'organisation' | 'country' | 'stakeholderType' | 'preferences' | 'preferences.0' | 'preferences.1' | 'accessibilityNeeds' | 'consent';

/** A plausible email address: something@domain.tld (the server checks the full syntax). */
export const looksLikeEmail = (email: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

/** The breakout choices' problems: a first choice is needed only when the event has breakout rooms. */
export function preferenceProblems(preferences: readonly (string | undefined)[], breakoutIds: readonly string[]): Partial<Record<'preferences' | 'preferences.0' | 'preferences.1', RegistrationProblem>> {
  const problems: Partial<Record<'preferences' | 'preferences.0' | 'preferences.1', RegistrationProblem>> = {};
  if (preferences.length > REGISTRATION_LIMITS.preferences) problems.preferences = 'too_many';
  const rooms = new Set(breakoutIds);
  const [first, second] = preferences;
  if (first === undefined) {
    if (rooms.size > 0) problems['preferences.0'] = 'missing';
  } else if (!rooms.has(first)) problems['preferences.0'] = 'not_listed';
  if (second !== undefined) {
    if (!rooms.has(second)) problems['preferences.1'] = 'not_listed';
    else if (second === first) problems['preferences.1'] = 'same_as_first';
  }
  return problems;
}

/** Every problem of a registration, by field; empty when it may be sent. */
export function registrationProblems(input: RegistrationInput, context: RegistrationRuleContext): Partial<Record<RegistrationField, RegistrationProblem>> {
  const problems: Partial<Record<RegistrationField, RegistrationProblem>> = {};
  const text = (field: 'name' | 'email' | 'organisation' | 'accessibilityNeeds', required: boolean) => {
    const typed = input[field] ?? '';
    const value = field === 'name' || field === 'organisation' ? normalisePersonName(typed) : typed.trim();
    if (!value) {
      if (required) problems[field] = 'missing';
    } else if (value.length > REGISTRATION_LIMITS[field]) problems[field] = 'too_long';
    return value;
  };
  text('name', true);
  const email = text('email', true);
  if (email && !problems.email && !looksLikeEmail(email)) problems.email = 'invalid';
  text('organisation', false);
  if (context.extendedForm) {
    if (!input.country) problems.country = 'missing';
    if (!input.stakeholderType) problems.stakeholderType = 'missing';
    text('accessibilityNeeds', false);
    if (input.consent !== true) problems.consent = 'missing';
  }
  Object.assign(problems, preferenceProblems(input.preferences ?? [], context.breakoutIds));
  return problems;
}

/** The rounds with their own rooms that ask for preferences at registration (the default round is `preferences`). */
export function roundsAskingPreferences(event: { readonly agenda?: readonly AgendaItem[] }): { key: string; title: string; roomIds: string[] }[] {
  return (event.agenda ?? []).flatMap((item) => (item.kind === 'breakouts' && item.rooms && item.askPreferences !== false
    ? [{ key: item.id, title: item.title, roomIds: item.rooms.map((r) => r.id) }]
    : []));
}

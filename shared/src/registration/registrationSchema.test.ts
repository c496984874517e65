import { expect, test } from 'vitest';
import { registrationRequestSchema } from './registrationSchema.js';

const rooms = { breakouts: [{ id: 'trust' }, { id: 'global' }] } as never;
const plenaryOnly = { breakouts: [] } as never;
const isCountryCode = (code: string) => code === 'GR' || code === 'PT';
const complete = { name: 'Ada', email: 'Ada@Example.org', country: 'gr', stakeholderType: 'researcher', consent: true, privacyNoticeVersion: '2025-10-01' };

/** The first message per field, as the server answers them. */
function problems(event: never, body: unknown): Record<string, string> {
  const parsed = registrationRequestSchema(event, isCountryCode).safeParse(body);
  const out: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) out[issue.path.map(String).join('.')] ??= issue.message;
  return out;
}

test.each<[string, never, unknown, Record<string, string>]>([
  ['a plenary-only event needs no room', plenaryOnly, complete, {}],
  ['an event with rooms needs a first choice', rooms, complete, { 'preferences.0': 'Choose the breakout room you would like most.' }],
  ['a listed room', rooms, { ...complete, preferences: ['trust'] }, {}],
  ['a room that does not exist', rooms, { ...complete, preferences: ['trust', 'mars'] }, { 'preferences.1': 'Choose one of the listed rooms.' }],
  ['the same room twice', rooms, { ...complete, preferences: ['trust', 'trust'] }, { 'preferences.1': 'Choose a different room for your second choice, or none.' }],
  ['an unknown country and a bad address', rooms, { ...complete, preferences: ['trust'], country: 'XX', email: 'nope' }, {
    email: 'Please enter a valid email address, like name@example.org.', country: 'Choose your country from the list.',
  }],
])('%s', (_name, event, body, expected) => {
  expect(problems(event, body)).toEqual(expected);
});

test('what is kept: trimmed, the address in lower case, the country in upper case', () => {
  expect(registrationRequestSchema(plenaryOnly, isCountryCode).parse({ ...complete, name: ' Ada ' })).toMatchObject({ name: 'Ada', email: 'ada@example.org', country: 'GR', preferences: [] });
});

test('names and organisations are kept normalised; a name made only of invisible characters is no name', () => {
  const schema = registrationRequestSchema(plenaryOnly, isCountryCode);
  expect(schema.parse({ ...complete, name: 'Ada\u200b  Lovelace\u202e', organisation: 'Acme\u2066\u2069 Ltd' })).toMatchObject({ name: 'Ada Lovelace', organisation: 'Acme Ltd' });
  expect(problems(plenaryOnly, { ...complete, name: '\u200b\u0000' })).toEqual({ name: 'Please enter your name.' });
});

const twoRounds = {
  breakouts: [],
  agenda: [
    { id: 'welcome', kind: 'plenary' },
    { id: 'round-1', kind: 'breakouts', title: 'Round 1', rooms: [{ id: 'tourism' }, { id: 'health' }] },
    { id: 'round-2', kind: 'breakouts', title: 'Round 2', select: 'self', rooms: [{ id: 'quality' }, { id: 'funding' }] },
    { id: 'round-3', kind: 'breakouts', title: 'Round 3', askPreferences: false, rooms: [{ id: 'wrap' }] },
  ],
} as never;

test.each<[string, unknown, Record<string, string>]>([
  ['every round that asks gets a first choice', { 'round-1': ['tourism'], 'round-2': ['funding', 'quality'] }, {}],
  ['a round left out needs its first choice', { 'round-1': ['tourism'] }, { 'roundPreferences.round-2.0': 'Choose the breakout room you would like most.' }],
  ['a room of another round', { 'round-1': ['quality'], 'round-2': ['funding'] }, { 'roundPreferences.round-1.0': 'Choose one of the listed rooms.' }],
  ['a round that does not ask', { 'round-1': ['tourism'], 'round-2': ['funding'], 'round-3': ['wrap'] }, { 'roundPreferences.round-3': 'This round does not ask for preferences.' }],
])('rounds: %s', (_name, roundPreferences, expected) => {
  expect(problems(twoRounds, { ...complete, roundPreferences })).toEqual(expected);
});

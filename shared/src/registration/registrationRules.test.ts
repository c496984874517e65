import { describe, expect, test } from 'vitest';
import { preferenceProblems, registrationProblems, type RegistrationInput } from './registrationRules.js';

const ROOMS = ['skills', 'trust', 'global', 'uncharted'];
const basic = { breakoutIds: ROOMS, extendedForm: false };
const extended = { breakoutIds: ROOMS, extendedForm: true };
const plenaryOnly = { breakoutIds: [], extendedForm: true };
const ada: RegistrationInput = { name: 'Ada', email: 'ada@example.org', preferences: ['trust'] };
const adaComplete: RegistrationInput = { ...ada, country: 'GR', stakeholderType: 'researcher', consent: true };

describe('registrationProblems', () => {
  test.each([
    ['a basic registration', ada, basic, {}],
    ['nothing typed', {}, basic, { name: 'missing', email: 'missing', 'preferences.0': 'missing' }],
    ['blank name and a malformed email', { ...ada, name: '  ', email: 'ada@' }, basic, { name: 'missing', email: 'invalid' }],
    ['a name too long', { ...ada, name: 'x'.repeat(121) }, basic, { name: 'too_long' }],
    ['a name made only of invisible characters', { ...ada, name: '\u200b\u202e\u0000 ' }, basic, { name: 'missing' }],
    ['an organisation too long', { ...ada, organisation: 'x'.repeat(201) }, basic, { organisation: 'too_long' }],
    ['the extended form without its fields', ada, extended, { country: 'missing', stakeholderType: 'missing', consent: 'missing' }],
    ['the extended form complete', adaComplete, extended, {}],
    ['accessibility needs too long', { ...adaComplete, accessibilityNeeds: 'x'.repeat(1001) }, extended, { accessibilityNeeds: 'too_long' }],
    ['a plenary-only event without a room choice', { ...adaComplete, preferences: [] }, plenaryOnly, {}],
    ['a plenary-only event with no choice from the form', { ...adaComplete, preferences: [undefined, undefined] }, plenaryOnly, {}],
    ['a plenary-only event with a room that does not exist', { ...adaComplete, preferences: ['trust'] }, plenaryOnly, { 'preferences.0': 'not_listed' }],
  ] as const)('%s', (_name, input, context, expected) => {
    expect(registrationProblems(input, context)).toEqual(expected);
  });
});

describe('preferenceProblems', () => {
  test.each([
    [[], {}, 'no breakouts'],
    [['trust'], {}, 'rooms'],
    [['trust', 'global'], {}, 'rooms'],
    [[], { 'preferences.0': 'missing' }, 'rooms'],
    [[undefined, 'trust'], { 'preferences.0': 'missing' }, 'rooms'],
    [[''], { 'preferences.0': 'not_listed' }, 'rooms'],
    [['mars'], { 'preferences.0': 'not_listed' }, 'rooms'],
    [['trust', 'mars'], { 'preferences.1': 'not_listed' }, 'rooms'],
    [['trust', 'trust'], { 'preferences.1': 'same_as_first' }, 'rooms'],
    [['trust', 'global', 'skills'], { preferences: 'too_many' }, 'rooms'],
  ] as const)('%j → %j (%s)', (preferences, expected, rooms) => {
    expect(preferenceProblems(preferences, rooms === 'rooms' ? ROOMS : [])).toEqual(expected);
  });
});

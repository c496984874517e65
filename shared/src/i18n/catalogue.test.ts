import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { catalogueProblems, flatten, placeholdersOf } from './catalogue.js';
import { LANGUAGES, pickLanguage } from './languages.js';
import { roleSchema } from '../domain.js';
import { createI18n, type Catalogue } from './translator.js';

const dir = join(import.meta.dirname, 'locales');
const read = (code: string) => JSON.parse(readFileSync(join(dir, `${code}.json`), 'utf8')) as Catalogue;
const english = read('en');

test('every language of the manifest has a catalogue, and every catalogue is in the manifest', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
  expect(files).toEqual(LANGUAGES.map((l) => l.code).sort());
});

test('English has every message in valid ICU', () => {
  for (const [key, message] of flatten(english)) expect(() => placeholdersOf(message, 'en'), key).not.toThrow();
});

test('every role has its words where pages name a role by key (join.role.<role>; role.<role> for staff badges)', () => {
  const keys = new Set(flatten(english).keys());
  const missing = roleSchema.options.flatMap((role) => [`join.role.${role}`, ...(role === 'attendee' ? [] : [`role.${role}`])]).filter((key) => !keys.has(key));
  expect(missing).toEqual([]);
});

describe.each(LANGUAGES.filter((l) => l.code !== 'en'))('$name ($code, $status)', ({ code, status }) => {
  test('valid ICU, the same placeholders as English, and every key when marked complete', () => {
    expect(catalogueProblems(code, read(code), english, status === 'complete')).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const en: Catalogue = { a: { hello: 'Hello {name}', left: '{count, plural, one {# minute} other {# minutes}}' } };
  test('a missing key fails a complete language, not a partial one', () => {
    expect(catalogueProblems('xx', { a: { hello: 'Hallo {name}' } }, en, true)).toEqual(['xx: a.left is missing (the language is marked complete)']);
    expect(catalogueProblems('xx', { a: { hello: 'Hallo {name}' } }, en, false)).toEqual([]);
  });
  test('invalid ICU and different placeholders fail', () => {
    const problems = catalogueProblems('xx', { a: { hello: 'Hallo {nom}', left: '{count, plural, one {# Minute}' } }, en, false);
    expect(problems[0]).toBe('xx: a.hello has placeholders {nom}, English has {name}');
    expect(problems[1]).toMatch(/^xx: a.left is not valid ICU/);
  });
  test('a plural without its "other" case is invalid', () => {
    expect(() => placeholdersOf('{count, plural, one {# minute}}', 'en')).toThrow();
  });
  test('a key English does not have is reported', () => {
    expect(catalogueProblems('xx', { b: 'x' }, en, false)).toEqual(['xx: b is not in English (a stale key?)']);
  });
});

test('the translator formats plurals by each language\'s rules and falls back to English', () => {
  const catalogues = { en: { n: '{count, plural, one {# minute} other {# minutes}}', only: 'English only' }, pl: { n: '{count, plural, one {# minuta} few {# minuty} many {# minut} other {# minuty}}' } };
  const pl = createI18n('pl', catalogues);
  expect([1, 2, 5, 22].map((count) => pl.t('n', { count }))).toEqual(['1 minuta', '2 minuty', '5 minut', '22 minuty']);
  expect(pl.t('only')).toBe('English only');
  expect(createI18n('en', catalogues).t('n', { count: 1 })).toBe('1 minute');
});

test('the reader\'s language: the first of their preferences we have, by primary subtag; English otherwise', () => {
  expect(pickLanguage(['de-AT', 'en'])).toBe('de');
  expect(pickLanguage(['ja', 'fr-CA'])).toBe('fr');
  expect(pickLanguage(['ja'])).toBe('en');
  expect(pickLanguage([])).toBe('en');
});

// What a page in a given language says, from the app's own catalogues (shared/src/i18n/locales): a
// test that checks a German attendee's page compares with the German words, not with English.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createI18n, type Catalogue } from '@live-workshop/shared/i18n';

const require = createRequire(import.meta.url);
const catalogue = (code: string) => JSON.parse(readFileSync(require.resolve(`@live-workshop/shared/locales/${code}.json`), 'utf8')) as Catalogue;

/** The words of one language of the app (its catalogue, English where a key is missing). */
export function wordsIn(language: string): (key: string, values?: Record<string, unknown>) => string {
  const i18n = createI18n(language, { en: catalogue('en'), ...(language === 'en' ? {} : { [language]: catalogue(language) }) });
  return (key, values) => i18n.t(key, values ?? {});
}

/** The app's language for a Playwright `locale` ("de-DE" → "de"); English without one. */
export const languageOf = (locale: string | undefined): string => (locale ? locale.split('-')[0]! : 'en');

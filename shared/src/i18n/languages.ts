/**
 * The languages of the product, in one manifest: each EU official language with its own name
 * and whether its catalogue (locales/<code>.json) is complete. A language marked complete must
 * have every key of English, with the same placeholders (catalogue.test.ts fails otherwise); a
 * partial one falls back to English key by key. Pure: no i18next here, so any page may import it.
 */
export const LANGUAGES = [
  { code: 'en', name: 'English', status: 'complete' },
  { code: 'fr', name: 'Français', status: 'complete' },
  { code: 'de', name: 'Deutsch', status: 'complete' },
  { code: 'es', name: 'Español', status: 'complete' },
  { code: 'it', name: 'Italiano', status: 'complete' },
  { code: 'pl', name: 'Polski', status: 'complete' },
  { code: 'pt', name: 'Português', status: 'complete' },
  { code: 'nl', name: 'Nederlands', status: 'complete' },
  // The other EU official languages: the page's frame so far, English for the rest (key by key).
  { code: 'bg', name: 'Български', status: 'partial' },
  { code: 'hr', name: 'Hrvatski', status: 'partial' },
  { code: 'cs', name: 'Čeština', status: 'partial' },
  { code: 'da', name: 'Dansk', status: 'partial' },
  { code: 'et', name: 'Eesti', status: 'partial' },
  { code: 'fi', name: 'Suomi', status: 'partial' },
  { code: 'el', name: 'Ελληνικά', status: 'partial' },
  { code: 'hu', name: 'Magyar', status: 'partial' },
  { code: 'ga', name: 'Gaeilge', status: 'partial' },
  { code: 'lv', name: 'Latviešu', status: 'partial' },
  { code: 'lt', name: 'Lietuvių', status: 'partial' },
  { code: 'mt', name: 'Malti', status: 'partial' },
  { code: 'ro', name: 'Română', status: 'partial' },
  { code: 'sk', name: 'Slovenčina', status: 'partial' },
  { code: 'sl', name: 'Slovenščina', status: 'partial' },
  { code: 'sv', name: 'Svenska', status: 'partial' },
] as const satisfies readonly LanguageEntry[];

export interface LanguageEntry {
  /** ISO 639-1, lowercase: also the Intl locale and the value of `<html lang>`. */
  readonly code: string;
  /** The language's name in itself, as the language switch shows it. */
  readonly name: string;
  readonly status: 'complete' | 'partial';
}

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** The default language and the fallback for every missing key. */
export const DEFAULT_LANGUAGE: LanguageCode = 'en';

export const LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((l) => l.code);

/** Whether a string names one of our languages. */
export const isLanguageCode = (value: unknown): value is LanguageCode =>
  typeof value === 'string' && (LANGUAGE_CODES as readonly string[]).includes(value);

/**
 * The first of a reader's preferred languages (as `navigator.languages` or Accept-Language give
 * them: "de-AT", "fr", …) that we have, by its primary subtag; English when none.
 */
export function pickLanguage(preferences: readonly string[]): LanguageCode {
  for (const tag of preferences) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    if (isLanguageCode(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The Intl locale for dates and numbers in a language. English reads as British English, which the
 * pages always used (24-hour clock, "23 October 2025"); every other language is its own code.
 */
export const intlLocaleOf = (language: string): string => (language === 'en' ? 'en-GB' : language);

/**
 * The page's translator: one i18next instance (shared/src/i18n/translator.ts) with react-i18next.
 * English is bundled (the default and every key's fallback); another language's catalogue is its
 * own small chunk, loaded when chosen. The reader's language: the one they chose here before
 * (localStorage), else the first of the browser's languages we have (`navigator.languages`), else
 * English. `<html lang>` follows it.
 */
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, intlLocaleOf, isLanguageCode, pickLanguage, type LanguageCode } from '@live-workshop/shared/languages';
import { createI18n, type Catalogue } from '@live-workshop/shared/i18n';
import en from '@live-workshop/shared/locales/en.json';

/** Where the chosen language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'lw.language';

/** Each language's catalogue as its own chunk. */
const loaders = import.meta.glob<{ default: Catalogue }>('../../../shared/src/i18n/locales/*.json');

export const i18n = createI18n(DEFAULT_LANGUAGE, { en: en as Catalogue }, [initReactI18next]);

/** The module-level translator, for helpers outside components (components use `useT`). */
export const t: (typeof i18n)['t'] = ((...args: Parameters<(typeof i18n)['t']>) => i18n.t(...args)) as (typeof i18n)['t'];

/** The language now shown. */
export const currentLanguage = (): LanguageCode => (isLanguageCode(i18n.language) ? i18n.language : DEFAULT_LANGUAGE);

/** The Intl locale of the language now shown ("en-GB" for English, else the code). */
export const currentLocale = (): string => intlLocaleOf(currentLanguage());

/** The language this reader gets when they have not chosen one here. */
export function preferredLanguage(): LanguageCode {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage may be blocked; the browser's languages decide then.
  }
  if (isLanguageCode(stored)) return stored;
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickLanguage(browser.filter(Boolean));
}

/** Load a language's catalogue (once) and show it; `remember` keeps the choice for the next visit. */
export async function setLanguage(language: LanguageCode, { remember = false }: { remember?: boolean } = {}): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    const load = loaders[`../../../shared/src/i18n/locales/${language}.json`];
    if (load) i18n.addResourceBundle(language, 'translation', (await load()).default, true, true);
  }
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  if (remember) {
    try {
      localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Not remembered where storage is blocked; the switch still works for this page.
    }
  }
}

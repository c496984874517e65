/**
 * The one translator of the product: i18next with ICU messages (i18next-icu over FormatJS's
 * intl-messageformat). Why these: i18next is the most used and best kept JavaScript i18n library,
 * runs the same in Node (mails, .ics, certificate page) and in the browser (react-i18next), loads
 * one language at a time, and falls back to English key by key; ICU MessageFormat gives real
 * plurals per language ("{count, plural, one {# minute} other {# minutes}}", Polish "few/many"
 * included) and is the format translators and their tools know. Catalogues are JSON, one file per
 * language in locales/, nested by feature; both sides read the same files.
 */
import i18next, { type i18n, type Module } from 'i18next';
import ICU from 'i18next-icu';
import { DEFAULT_LANGUAGE } from './languages.js';

/** A catalogue: nested keys, ICU messages at the leaves. */
export interface Catalogue { readonly [key: string]: string | Catalogue }

/**
 * A ready i18next instance (initialised synchronously from the given catalogues; English must be
 * among them, as the fallback). `plugins` lets the browser add react-i18next.
 */
export function createI18n(language: string, catalogues: Readonly<Record<string, Catalogue>>, plugins: readonly Module[] = []): i18n {
  const instance = i18next.createInstance();
  instance.use(ICU);
  for (const plugin of plugins) instance.use(plugin);
  const resources = Object.fromEntries(Object.entries(catalogues).map(([code, catalogue]) => [code, { translation: catalogue }]));
  void instance.init({
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

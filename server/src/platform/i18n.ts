/**
 * The server's translator: the same catalogues as the pages (shared/src/i18n/locales), for what
 * the server writes to people — mails, the calendar file, the certificate page. One i18next instance
 * per language, made on first use; a language we do not have reads English.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEFAULT_LANGUAGE, LANGUAGES, intlLocaleOf, isLanguageCode, pickLanguage, type LanguageCode } from '@live-workshop/shared/languages';
import { createI18n, type Catalogue } from '@live-workshop/shared/i18n';

const require = createRequire(import.meta.url);
let catalogues: Record<string, Catalogue> | null = null;
const instances = new Map<LanguageCode, ReturnType<typeof createI18n>>();

function loadCatalogues(): Record<string, Catalogue> {
  catalogues ??= Object.fromEntries(
    LANGUAGES.map((l) => [l.code, JSON.parse(readFileSync(require.resolve(`@live-workshop/shared/locales/${l.code}.json`), 'utf8')) as Catalogue]),
  );
  return catalogues;
}

/** What the server needs to write in one language. */
export interface Words {
  readonly language: LanguageCode;
  /** The Intl locale for dates and numbers ("en-GB" for English). */
  readonly locale: string;
  readonly t: (key: string, values?: Record<string, unknown>) => string;
}

/** The words of a language (English for null or one we do not have). */
export function wordsFor(language: string | null | undefined): Words {
  const code: LanguageCode = isLanguageCode(language) ? language : DEFAULT_LANGUAGE;
  let instance = instances.get(code);
  if (!instance) {
    instance = createI18n(code, loadCatalogues());
    instances.set(code, instance);
  }
  const i18n = instance;
  return { language: code, locale: intlLocaleOf(code), t: (key, values) => i18n.t(key, values ?? {}) };
}

/** The language a page or answer is for: `?lang=` when it names one of ours, else the browser's Accept-Language, else English. */
export function readerLanguage(req: { query: Record<string, unknown>; acceptsLanguages(): string[] }): LanguageCode {
  const asked = req.query.lang;
  if (isLanguageCode(asked)) return asked;
  return pickLanguage(req.acceptsLanguages().filter((l) => l !== '*'));
}

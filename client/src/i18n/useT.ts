import { useTranslation } from 'react-i18next';
import { i18n } from './i18n.js';

/** The translator for a component; it renders again when the language changes. */
export function useT() {
  return useTranslation(undefined, { i18n }).t;
}

/** The language now shown (renders again when it changes). */
export function useLanguage(): string {
  return useTranslation(undefined, { i18n }).i18n.language;
}

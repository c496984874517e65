import { LANGUAGES, isLanguageCode } from '@live-workshop/shared/languages';
import { currentLanguage, setLanguage } from './i18n.js';
import { useT } from './useT.js';

/** The language switch on every page: each language in its own name; the choice is remembered. */
export function LanguageSwitch() {
  const t = useT();
  return (
    // A landmark of its own: every piece of the page is in one (axe "region").
    <nav className="language-switch" aria-label={t('app.language')}>
      <label>
        <span className="language-switch-label">{t('app.language')}</span>{' '}
        <select
          value={currentLanguage()}
          data-testid="language-switch"
          onChange={(e) => {
            if (isLanguageCode(e.target.value)) void setLanguage(e.target.value, { remember: true });
          }}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
    </nav>
  );
}

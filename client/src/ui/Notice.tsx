import { useId } from 'react';
import { setNotice } from '../session/store/actions.js';
import { useLw } from '../session/useLw.js';
import { t } from '../i18n/i18n.js';

/** The last refusal or problem, in words, until dismissed. */
export function Notice() {
  const notice = useLw((s) => s.ui.notice);
  const id = useId();
  if (!notice) return null;
  // Outside <main>: a landmark named by its own text (axe "region").
  return (
    <aside className={`notice notice-${notice.kind}`} aria-labelledby={id} data-testid="notice">
      <p id={id}>{notice.text}</p>
      <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label={t('notice.dismissLabel')}>
        {t('notice.dismiss')}
      </button>
    </aside>
  );
}

import { setNotice } from '../session/store/actions.js';
import { useLw } from '../session/useLw.js';
import { t } from '../i18n/i18n.js';

/** The last refusal or problem, in words, until dismissed. */
export function Notice() {
  const notice = useLw((s) => s.ui.notice);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} data-testid="notice">
      <p>{notice.text}</p>
      <button type="button" className="link-button" onClick={() => setNotice(null)} aria-label={t('notice.dismissLabel')}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}

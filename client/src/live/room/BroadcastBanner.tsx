import { useState } from 'react';
import { useLw } from '../../session/useLw.js';
import { t } from '../../i18n/i18n.js';

/** The latest moderator broadcast, shown in every room until dismissed. */
export function BroadcastBanner() {
  const latest = useLw((s) => s.chat.broadcasts.at(-1) ?? null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  if (!latest || latest.at === dismissedAt) return null;
  return (
    <aside className="broadcast" aria-label={t('broadcast.label')} data-testid="broadcast">
      <p>
        <strong>{latest.from}:</strong> {latest.text}
      </p>
      <button type="button" className="link-button" onClick={() => setDismissedAt(latest.at)} aria-label={t('broadcast.dismissLabel')}>
        {t('broadcast.dismiss')}
      </button>
    </aside>
  );
}

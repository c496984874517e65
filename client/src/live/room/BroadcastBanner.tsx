import { useState } from 'react';
import { useLw } from '../../session/useLw.js';

/** The latest moderator broadcast, shown in every room until dismissed. */
export function BroadcastBanner() {
  const latest = useLw((s) => s.chat.broadcasts.at(-1) ?? null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  if (!latest || latest.at === dismissedAt) return null;
  return (
    <aside className="broadcast" aria-label="Message from the organisers" data-testid="broadcast">
      <p>
        <strong>{latest.from}:</strong> {latest.text}
      </p>
      <button type="button" className="link-button" onClick={() => setDismissedAt(latest.at)} aria-label="Dismiss the message">
        Dismiss
      </button>
    </aside>
  );
}

import type { ReactNode } from 'react';
import { useEvent, useLw } from '../../session/useLw.js';
import { describeRoom } from '../../ui/words.js';
import { t } from '../../i18n/i18n.js';

/** "Moving you to Breakout 2: Building Trust…" while a move runs (and why, when it retries). */
export function MoveOverlay() {
  const move = useLw((s) => s.media.move);
  const event = useEvent();
  if (move.status === 'idle') return null;
  const to = describeRoom(event, move.to);
  let body: ReactNode;
  switch (move.status) {
    case 'moving':
      body = <p className="move-title">{move.from === null ? t('move.joining', { room: to }) : t('move.moving', { room: to })}</p>;
      break;
    case 'retrying':
      body = (
        <>
          <p className="move-title">{t('move.moving', { room: to })}</p>
          <p className="move-problem">
            {t('move.retry', { error: move.error, seconds: Math.max(1, Math.round(move.retryInMs / 1000)), attempt: move.attempt + 1 })}
          </p>
        </>
      );
      break;
    case 'failed':
      body = (
        <>
          <p className="move-title">{t('move.failed', { room: to })}</p>
          <p className="move-problem">{move.error}</p>
          <button type="button" onClick={() => window.location.reload()}>
            {t('move.reload')}
          </button>
        </>
      );
      break;
  }
  // A move in progress covers the page briefly; a move that keeps failing must not block the chat.
  const layout = move.status === 'moving' ? 'move-overlay' : 'move-banner';
  return (
    // Outside <main>: a landmark of its own (axe "region"), named by what it says.
    <aside className={`${layout} move-${move.status}`} aria-label={t('a11y.moving')} data-testid="move-overlay">
      <div className="move-card">
        {move.status !== 'failed' && <div className="spinner" aria-hidden="true" />}
        {body}
      </div>
    </aside>
  );
}

import { useLw } from '../session/useLw.js';

/**
 * The page's screen-reader voice: moves, warnings, broadcasts and refusals are announced here.
 * The same sentence twice is still announced (an invisible mark alternates).
 */
export function LiveRegion() {
  const polite = useLw((s) => s.ui.announcements.findLast((a) => a.urgency === 'polite') ?? null);
  const assertive = useLw((s) => s.ui.announcements.findLast((a) => a.urgency === 'assertive') ?? null);
  const mark = (id: number) => (id % 2 ? '\u200b' : '');
  return (
    <>
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="live-polite">
        {polite ? polite.text + mark(polite.id) : ''}
      </div>
      <div className="sr-only" role="alert" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">
        {assertive ? assertive.text + mark(assertive.id) : ''}
      </div>
    </>
  );
}

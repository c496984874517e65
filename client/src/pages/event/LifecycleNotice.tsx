import type { EventConfig, EventLifecycle, EventWhen } from '@live-workshop/shared';
import { eventWindowMs, formatDate, timeSpanWords } from '@live-workshop/shared/pure';
import { currentLocale } from '../../i18n/i18n.js';
import { useT } from '../../i18n/useT.js';

/** "Thursday 30 October 2025, 10:30–14:00 CET, UTC+1" for a date and times in the event's zone. */
export function whenWords(when: EventWhen, timeZone: string): string {
  const locale = currentLocale();
  const { startMs, endMs } = eventWindowMs({ ...when, timeZone });
  return `${formatDate(startMs, timeZone, locale)}, ${timeSpanWords(startMs, endMs, timeZone, timeZone, locale).there}`;
}

/** The event page's word when the organisers cancelled or moved the event, with their note. */
export function LifecycleNotice({ lifecycle, event }: { lifecycle: EventLifecycle; event: EventConfig }) {
  const t = useT();
  return (
    <aside className={lifecycle.status === 'cancelled' ? 'notice notice-error' : 'notice notice-info'} role="status" data-testid="event-lifecycle">
      <p>
        {lifecycle.status === 'cancelled'
          ? t('lifecycle.page.cancelled')
          : t('lifecycle.page.moved', { when: whenWords(lifecycle.to, event.timeZone), from: whenWords(lifecycle.from, event.timeZone) })}
      </p>
      {lifecycle.note && <p>{t('lifecycle.page.note', { note: lifecycle.note })}</p>}
    </aside>
  );
}

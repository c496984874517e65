import { useQuery } from '@tanstack/react-query';
import { startTransition, useDeferredValue, useEffect, useMemo, useState, type MouseEvent, type ReactNode } from 'react';
import type { EventConfig, EventLifecycle, RegistrationFormInfo } from '@live-workshop/shared';
import { failureWords, fetchEvent, fetchRegistrationForm } from '../../net/api.js';
import { QueryProvider } from '../../net/queryClient.js';
import { storedCredential } from '../../session/credential.js';
import { EventOccasion } from '../../ui/EventOccasion.js';
import { EventTimes, ItemTime } from '../../ui/EventTimes.js';
import { RegistrationForm } from './RegistrationForm.js';
import { LifecycleNotice } from './LifecycleNotice.js';
import { focusHeading } from '../../ui/focusHeading.js';
import { t } from '../../i18n/i18n.js';
import { useLanguage, useT } from '../../i18n/useT.js';
import { localizeEvent } from '@live-workshop/shared/pure';
import { eventPath } from '../../net/eventBase.js';

/** The kind of an agenda item, in words. */
export const kindWords = (kind: EventConfig['agenda'][number]['kind']): string => t(`event.kind.${kind}`);

/** The id of the registration form: the target of the jump near the top of the page. */
export const REGISTER_ID = 'register';

/**
 * "Register" near the top: on a phone the form starts screens below the agenda. A link (it goes to a
 * place on the page) that moves focus to the form's heading too, so keyboard and screen-reader users
 * continue from there.
 */
function RegisterJump() {
  const t = useT();
  const jump = (e: MouseEvent<HTMLAnchorElement>) => {
    // Focusing the heading scrolls it into view; without the form (registration closed meanwhile) the link does what links do.
    if (focusHeading(`#${REGISTER_ID} h2`)) e.preventDefault();
  };
  return (
    <p className="register-jump">
      <a className="button" href={`#${REGISTER_ID}`} onClick={jump} data-testid="register-jump">
        {t('phone.registerJump')}
      </a>
    </p>
  );
}

/** The public event: what, when (in its own zone, and in the viewer's when that differs), agenda, breakout topics, organisers, and registration. */
export function EventDetails({ event, nowMs, action }: { event: EventConfig; nowMs: number; action?: ReactNode }) {
  const t = useT();
  return (
    <>
      <header className="event-header">
        <h1>{event.title}</h1>
        <EventOccasion event={event} nowMs={nowMs} />
        <EventTimes event={event} />
        {action}
      </header>
      {event.description && <p className="lead">{event.description}</p>}
      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('event.agenda')}</h2>
        <ol className="agenda">
          {event.agenda.map((item) => (
            <li key={item.id}>
              <p>
                <ItemTime event={event} start={item.start} /> · {t('event.minutes', { count: item.durationMinutes })} · <span className="badge">{kindWords(item.kind)}</span>
              </p>
              <h3>{item.title}</h3>
              {item.description && <p>{item.description}</p>}
            </li>
          ))}
        </ol>
        <p className="hint">{t('event.timesPlanned')}</p>
      </section>
      {event.breakouts.length > 0 && (
        <section aria-labelledby="breakouts-heading">
          <h2 id="breakouts-heading">{t('event.breakoutsHeading', { count: event.breakouts.length })}</h2>
          <ol className="breakouts">
            {event.breakouts.map((b) => (
              <li key={b.id}>
                <h3>{b.title}</h3>
                {b.topic && <p>{b.topic}</p>}
              </li>
            ))}
          </ol>
        </section>
      )}
      {event.organisers.length > 0 && (
        <section aria-labelledby="organisers-heading">
          <h2 id="organisers-heading">{t('event.organisers')}</h2>
          <ul className="inline-list">
            {event.organisers.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** `/`: the event page (its own query client: the page is a lazily loaded chunk). */
export function EventPage() {
  return (
    <QueryProvider>
      <EventPageContent />
    </QueryProvider>
  );
}

function EventPageContent() {
  const t = useT();
  const language = useLanguage();
  const credential = storedCredential();
  const eventQuery = useQuery({ queryKey: ['event'], queryFn: fetchEvent, retry: false, staleTime: Infinity });
  // Without the form's description the form asks only the basic fields.
  const formQuery = useQuery({ queryKey: ['registration-form'], queryFn: () => fetchRegistrationForm().catch(() => null), retry: false, staleTime: Infinity });
  const title = eventQuery.data ? localizeEvent(eventQuery.data.event, language).title : undefined;
  useEffect(() => {
    if (title) document.title = title;
  }, [title]);
  // The page is drawn from a deferred copy of the answers: React draws the whole event and its form as
  // a background render that yields to the browser every few milliseconds, instead of one long task
  // that a phone could not answer a tap during (Lighthouse's "total blocking time").
  const answers = useMemo(() => (eventQuery.data && formQuery.isSuccess ? { event: eventQuery.data, form: formQuery.data } : null), [eventQuery.data, formQuery.isSuccess, formQuery.data]);
  const ready = useDeferredValue(answers);
  // The form comes in a second, smaller draw once the event is on the screen (it lies below the agenda).
  const [formShown, setFormShown] = useState(false);
  useEffect(() => {
    if (ready && !formShown) startTransition(() => setFormShown(true));
  }, [ready, formShown]);
  const state: { event: EventConfig; serverTime: number; closed: string | null; full: boolean; form: RegistrationFormInfo | null; lifecycle: EventLifecycle | null } | { error: string } | null = eventQuery.isError
    ? { error: failureWords(eventQuery.error, t('event.loadFailed')) }
    : ready
      ? { event: localizeEvent(ready.event.event, language), serverTime: ready.event.serverTime, closed: ready.event.registrationClosed, full: ready.event.registrationFull, form: ready.form, lifecycle: ready.event.lifecycle ?? null }
      : null;
  return (
    <main className="page event-page" id="main" data-drawn={formShown ? 'complete' : 'first'}>
      {state === null && <p role="status">{t('event.loading')}</p>}
      {state && 'error' in state && (
        <p className="notice notice-error" role="alert">
          {state.error}
        </p>
      )}
      {state && 'event' in state && (
        <>
          {credential && (
            <aside className="notice notice-info">
              <p>{t('event.registeredHere')}</p>
              <a className="button" href={eventPath(`/join/${encodeURIComponent(credential)}`)} data-testid="rejoin-link">
                {t('event.goToWorkshop')}
              </a>
            </aside>
          )}
          {state.lifecycle && <LifecycleNotice lifecycle={state.lifecycle} event={state.event} />}
          <EventDetails event={state.event} nowMs={state.serverTime} action={state.closed || state.lifecycle?.status === 'cancelled' ? undefined : <RegisterJump />} />
          {/* A cancelled event's notice already says that registration is closed. */}
          {state.lifecycle?.status === 'cancelled' ? null : state.closed ? (
            <section aria-labelledby="registration-closed-heading">
              <h2 id="registration-closed-heading">{t('event.registration')}</h2>
              <p data-testid="registration-closed">{state.closed}</p>
            </section>
          ) : (
            <>
              {state.full && (
                <p className="notice notice-info" data-testid="registration-full">
                  {t('event.full')}
                </p>
              )}
              {formShown && <RegistrationForm
                id={REGISTER_ID}
                event={state.event}
                info={state.form}
                onMissingInfo={() => void formQuery.refetch()}
              />}
            </>
          )}
        </>
      )}
    </main>
  );
}

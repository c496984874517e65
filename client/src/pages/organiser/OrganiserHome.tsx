/**
 * The organiser home (`/organiser`): every event of the deployment, live, upcoming and past; new
 * events from an event file or the set-up form; duplicate, archive, delete an archived one's data,
 * the moderators' links, and the organisers themselves (invite, revoke). Opened with the organiser link the server prints at start.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CreatedHostedEvent, HostedEventSummary } from '@live-workshop/shared';
import { ApiError, failureWords } from '../../net/api.js';
import { QueryProvider } from '../../net/queryClient.js';
import { useT } from '../../i18n/useT.js';
import { CreateEventPanel } from './CreateEventPanel.js';
import { HostedEventCard } from './HostedEventCard.js';
import { fetchHostedEvents, storedOrganiserCredential, storeOrganiserCredential } from './organiserApi.js';
import { OrganisersPanel } from './OrganisersPanel.js';
import { StaffLinksList } from './StaffLinksList.js';

/** The page; `credential` is the one in the path (`/organiser/<credential>`), else the remembered one is used. */
export function OrganiserHome({ credential: fromPath }: { credential: string | null }) {
  const [credential] = useState(() => fromPath ?? storedOrganiserCredential());
  useEffect(() => {
    if (!fromPath) return;
    storeOrganiserCredential(fromPath);
    // The credential leaves the address bar (and the history) once it is remembered.
    window.history.replaceState(null, '', '/organiser');
  }, [fromPath]);
  return (
    <QueryProvider>
      <main className="page organiser-home" id="main">
        <OrganiserHomeBody credential={credential} />
      </main>
    </QueryProvider>
  );
}

const SECTIONS = ['live', 'upcoming', 'past'] as const;

function OrganiserHomeBody({ credential }: { credential: string | null }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedHostedEvent | null>(null);
  const query = useQuery({ queryKey: ['organiser-events', credential], queryFn: () => fetchHostedEvents(credential!), enabled: !!credential, retry: false });
  const refused = query.error instanceof ApiError && (query.error.status === 401 || query.error.status === 403);
  // A refused link is forgotten, so the next visit asks for the latest printed one.
  useEffect(() => {
    if (refused) storeOrganiserCredential(null);
  }, [refused]);
  if (!credential) {
    return (
      <>
        <h1>{t('organiser.noLink.heading')}</h1>
        <p>{t('organiser.noLink.body')}</p>
      </>
    );
  }
  if (query.isError) {
    return (
      <>
        <h1>{t('organiser.title')}</h1>
        <p role="alert" className="field-error">{refused ? t('organiser.refused') : failureWords(query.error, t('organiser.loadFailed'))}</p>
        {!refused && <button type="button" onClick={() => void query.refetch()}>{t('organiser.retry')}</button>}
      </>
    );
  }
  if (!query.data) return <p role="status">{t('app.loading')}</p>;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['organiser-events', credential] });
  const onCreated = (c: CreatedHostedEvent) => {
    setCreated(c);
    refresh();
  };
  const { organiser, events } = query.data;
  const inSection = (section: (typeof SECTIONS)[number]) => events.filter((e: HostedEventSummary) => e.status === section && !e.archived);
  const archived = events.filter((e) => e.archived);
  return (
    <>
      <h1>{t('organiser.title')}</h1>
      <p className="hint">{t('organiser.signedInAs', { name: organiser.name })}</p>
      {created && (
        <section className="panel notice" aria-labelledby="organiser-created" data-testid="organiser-created">
          <h2 id="organiser-created">{t('organiser.created', { title: created.event.title })}</h2>
          <p><a href={created.event.url}>{created.event.url}</a></p>
          <StaffLinksList links={created.links} />
        </section>
      )}
      {SECTIONS.map((section) => (
        <section key={section} className="panel" aria-labelledby={`organiser-${section}`} data-testid={`organiser-${section}`}>
          <h2 id={`organiser-${section}`}>{t(`organiser.sections.${section}`)}</h2>
          {inSection(section).length === 0 ? <p className="hint">{t('organiser.empty')}</p> : (
            <ul className="organiser-events">
              {inSection(section).map((e) => <HostedEventCard key={e.id} event={e} credential={credential} onChanged={refresh} onCreated={onCreated} />)}
            </ul>
          )}
        </section>
      ))}
      {archived.length > 0 && (
        <section className="panel" aria-labelledby="organiser-archived" data-testid="organiser-archived">
          <h2 id="organiser-archived">{t('organiser.sections.archived')}</h2>
          <ul className="organiser-events">
            {archived.map((e) => <HostedEventCard key={e.id} event={e} credential={credential} onChanged={refresh} onCreated={onCreated} />)}
          </ul>
        </section>
      )}
      <CreateEventPanel credential={credential} events={events} onCreated={onCreated} />
      <OrganisersPanel credential={credential} me={organiser.id} />
    </>
  );
}

import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { eventWindowMs, formatDate, timeSpanWords, viewerTimeZone, type CreatedHostedEvent, type HostedEventSummary } from '@live-workshop/shared/pure';
import { ApiError, failureWords } from '../../net/api.js';
import { currentLocale } from '../../i18n/i18n.js';
import { useLanguage, useT } from '../../i18n/useT.js';
import { archiveHostedEvent, deleteHostedEvent, duplicateHostedEvent, fetchHostedEventLinks } from './organiserApi.js';
import { StaffLinksList } from './StaffLinksList.js';

type Open = 'none' | 'links' | 'duplicate' | 'archive' | 'delete';

/** One event in the organiser home: when, how many registered, its page, and what an organiser can do with it. */
export function HostedEventCard({ event, credential, onChanged, onCreated }: {
  event: HostedEventSummary; credential: string; onChanged: () => void; onCreated: (created: CreatedHostedEvent) => void;
}) {
  const t = useT();
  useLanguage(); // renders again in another language
  const locale = currentLocale();
  const uid = useId();
  const [open, setOpen] = useState<Open>('none');
  const toggle = (what: Open) => setOpen((o) => (o === what ? 'none' : what));
  const { startMs, endMs } = eventWindowMs(event);
  const span = timeSpanWords(startMs, endMs, event.timeZone, viewerTimeZone(), locale);
  const links = useQuery({ queryKey: ['organiser-links', event.id], queryFn: () => fetchHostedEventLinks(credential, event.id), enabled: open === 'links', retry: false });
  const archive = useMutation({ mutationFn: () => archiveHostedEvent(credential, event.id), onSuccess: () => { setOpen('none'); onChanged(); } });
  const remove = useMutation({ mutationFn: () => deleteHostedEvent(credential, event.id), onSuccess: onChanged });
  const [copyId, setCopyId] = useState('');
  const [copyDate, setCopyDate] = useState('');
  const duplicate = useMutation({
    mutationFn: () => duplicateHostedEvent(credential, event.id, { id: copyId.trim(), ...(copyDate ? { date: copyDate } : {}) }),
    onSuccess: (created) => { setOpen('none'); onCreated(created); },
  });
  const failed = [archive, remove, duplicate].find((m) => m.isError);
  const copyIdProblem = duplicate.error instanceof ApiError ? duplicate.error.fieldErrors.id : undefined;
  const submitCopy = (e: FormEvent) => {
    e.preventDefault();
    duplicate.mutate();
  };

  return (
    <li className="row-card" data-testid={`hosted-event-${event.id}`}>
      <h3>{event.title}</h3>
      <p>
        {formatDate(startMs, event.timeZone, locale)}, {span.there}
        {span.here && <> ({t('time.yourTimeLower', { time: span.here })})</>}
      </p>
      <p className="hint">
        {event.attendees !== null && <>{t('organiser.event.attendees', { count: event.attendees })} · </>}
        {event.isDefault && <>{t('organiser.event.default')} · </>}
        {event.archived && <>{t('organiser.event.archivedBadge')} · </>}
        <a href={event.url}>{t('organiser.event.open')}</a>
      </p>
      <div className="row">
        <button type="button" className="secondary small" aria-expanded={open === 'links'} onClick={() => toggle('links')}>
          {open === 'links' ? t('organiser.actions.hideLinks') : t('organiser.actions.links')}
        </button>
        <button type="button" className="secondary small" aria-expanded={open === 'duplicate'} onClick={() => toggle('duplicate')}>{t('organiser.actions.duplicate')}</button>
        {!event.archived && !event.isDefault && (
          <button type="button" className="secondary small" onClick={() => toggle('archive')}>{t('organiser.actions.archive')}</button>
        )}
        {event.archived && <button type="button" className="secondary small" onClick={() => toggle('delete')}>{t('organiser.actions.delete')}</button>}
      </div>
      {open === 'links' && (links.data ? <StaffLinksList links={links.data.links} /> : links.isError ? <p role="alert" className="field-error">{failureWords(links.error, t('organiser.failed'))}</p> : <p role="status">{t('app.loading')}</p>)}
      {open === 'duplicate' && (
        <form onSubmit={submitCopy} aria-label={t('organiser.duplicate.heading', { title: event.title })}>
          <div className="field">
            <label htmlFor={`${uid}-id`}>{t('organiser.duplicate.id')}</label>
            <input id={`${uid}-id`} value={copyId} onChange={(e) => setCopyId(e.target.value)} aria-describedby={`${uid}-id-hint`} required />
            <p id={`${uid}-id-hint`} className="hint">{t('organiser.duplicate.idHint')}</p>
            {copyIdProblem && <p className="field-error">{copyIdProblem}</p>}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-date`}>{t('organiser.duplicate.date')}</label>
            <input id={`${uid}-date`} type="date" value={copyDate} onChange={(e) => setCopyDate(e.target.value)} />
          </div>
          <button type="submit" disabled={duplicate.isPending || !copyId.trim()}>{duplicate.isPending ? t('organiser.working') : t('organiser.duplicate.submit')}</button>
        </form>
      )}
      {open === 'archive' && (
        <div className="row" role="group" aria-label={t('organiser.actions.archive')}>
          <p>{t('organiser.confirmArchive', { title: event.title })}</p>
          <button type="button" onClick={() => archive.mutate()} disabled={archive.isPending}>{t('organiser.actions.archive')}</button>
          <button type="button" className="secondary" onClick={() => setOpen('none')}>{t('organiser.cancel')}</button>
        </div>
      )}
      {open === 'delete' && (
        <div className="row" role="group" aria-label={t('organiser.actions.delete')}>
          <p>{t('organiser.confirmDelete', { title: event.title })}</p>
          <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>{t('organiser.actions.delete')}</button>
          <button type="button" className="secondary" onClick={() => setOpen('none')}>{t('organiser.cancel')}</button>
        </div>
      )}
      {failed && <p role="alert" className="field-error">{failureWords(failed.error, t('organiser.failed'))}</p>}
    </li>
  );
}

import { useId, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventConfig, EventLifecycleRequest, Phase } from '@live-workshop/shared';
import { ApiError, fetchEvent, problemOf } from '../net/api.js';
import { useT } from '../i18n/useT.js';
import { announce } from '../session/store/actions.js';
import { changeEventLifecycle } from './moderatorApi.js';
import { whenWords } from '../pages/event/LifecycleNotice.js';

/**
 * Moderators cancel the event (until it ends) or move it to another date and start time (before the
 * doors open; the agenda keeps its shape); every registered person is mailed with a calendar update.
 */
export function LifecyclePanel({ credential, event, phase }: { credential: string; event: EventConfig; phase: Phase }) {
  const t = useT();
  const queryClient = useQueryClient();
  const current = useQuery({ queryKey: ['event-lifecycle', event], queryFn: fetchEvent });
  const [date, setDate] = useState(event.date);
  const [start, setStart] = useState(event.start);
  const [note, setNote] = useState('');
  const [confirming, setConfirming] = useState(false);
  const ids = { date: useId(), start: useId(), note: useId() };
  const change = useMutation({
    mutationFn: (body: EventLifecycleRequest) => changeEventLifecycle(credential, body),
    onSuccess: (answer) => {
      setConfirming(false);
      announce(t('lifecycle.panel.mailing', { count: answer.mailing }));
      void queryClient.invalidateQueries({ queryKey: ['event-lifecycle'] });
    },
  });
  const lifecycle = current.data?.lifecycle ?? null;
  if (lifecycle?.status === 'cancelled' || phase.kind === 'ended') {
    return lifecycle?.status === 'cancelled' ? (
      <section className="panel" aria-labelledby="lifecycle-heading" data-testid="lifecycle-panel">
        <h2 id="lifecycle-heading">{t('lifecycle.panel.heading')}</h2>
        <p className="badge badge-warn" data-testid="lifecycle-state">{t('lifecycle.panel.isCancelled')}</p>
      </section>
    ) : null;
  }
  const fieldErrors = change.error instanceof ApiError ? change.error.fieldErrors : {};
  const note_ = note.trim() ? { note: note.trim() } : {};
  const busy = change.isPending;
  return (
    <section className="panel" aria-labelledby="lifecycle-heading" data-testid="lifecycle-panel">
      <h2 id="lifecycle-heading">{t('lifecycle.panel.heading')}</h2>
      <p className="hint">{t('lifecycle.panel.hint')}</p>
      {lifecycle?.status === 'moved' && <p data-testid="lifecycle-state">{t('lifecycle.panel.isMoved', { from: whenWords(lifecycle.from, event.timeZone) })}</p>}
      {change.isSuccess && <p role="status" data-testid="lifecycle-mailing">{t('lifecycle.panel.mailing', { count: change.data.mailing })}</p>}
      {problemOf(change, '') && <p className="field-error" role="alert">{problemOf(change, '')}</p>}
      <label htmlFor={ids.note}>{t('lifecycle.panel.note')}</label>
      <textarea id={ids.note} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      {phase.kind === 'scheduled' && (
        <form className="row" onSubmit={(e) => { e.preventDefault(); change.mutate({ action: 'move', date, start, ...note_ }); }}>
          <label htmlFor={ids.date}>{t('lifecycle.panel.date')}</label>
          <input id={ids.date} type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-invalid={fieldErrors.date ? true : undefined} />
          {fieldErrors.date && <span className="field-error">{fieldErrors.date}</span>}
          <label htmlFor={ids.start}>{t('lifecycle.panel.start')}</label>
          <input id={ids.start} type="time" value={start} onChange={(e) => setStart(e.target.value)} aria-invalid={fieldErrors.start ? true : undefined} />
          {fieldErrors.start && <span className="field-error">{fieldErrors.start}</span>}
          <button type="submit" disabled={busy} data-testid="lifecycle-move">{t('lifecycle.panel.move')}</button>
        </form>
      )}
      {confirming ? (
        <div className="row" role="alertdialog" aria-label={t('lifecycle.panel.confirmCancel')}>
          <p>{t('lifecycle.panel.confirmCancel')}</p>
          <button type="button" className="danger" disabled={busy} onClick={() => change.mutate({ action: 'cancel', ...note_ })} data-testid="lifecycle-cancel-confirm">
            {t('lifecycle.panel.confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t('lifecycle.panel.keep')}</button>
        </div>
      ) : (
        <button type="button" className="danger" disabled={busy} onClick={() => setConfirming(true)} data-testid="lifecycle-cancel">{t('lifecycle.panel.cancel')}</button>
      )}
    </section>
  );
}

import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useId, useMemo, useState, type FormEvent } from 'react';
import type { CreatedHostedEvent, EventConfig, HostedEventSummary } from '@live-workshop/shared';
import { ApiError, failureWords, request } from '../../net/api.js';
import { useT } from '../../i18n/useT.js';
import type { EventSetupSource } from '../../moderator/EventSetupPanel.js';
import { createHostedEvent } from './organiserApi.js';

// The set-up form is the console's (its own chunk): loaded only when an organiser opens it.
const EventSetupPanel = lazy(() => import('../../moderator/EventSetupPanel.js').then((m) => ({ default: m.EventSetupPanel })));

/** A refusal of an uploaded file: each problem with its line and field, as the server located it. */
interface FileProblem { readonly line: number | null; readonly field: string; readonly message: string }

/** New events: from an event file (what `--event` takes), or from the set-up form started from an existing event. */
export function CreateEventPanel({ credential, events, onCreated }: {
  credential: string; events: readonly HostedEventSummary[]; onCreated: (created: CreatedHostedEvent) => void;
}) {
  const t = useT();
  const uid = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<readonly FileProblem[]>([]);
  const upload = useMutation({
    mutationFn: async () => createHostedEvent(credential, { yaml: await file!.text() }),
    onMutate: () => setProblems([]),
    onSuccess: onCreated,
    onError: (error) => {
      if (error instanceof ApiError) setProblems(Object.entries(error.fieldErrors).map(([field, message]) => ({ line: null, field, message })));
    },
  });
  const submitFile = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate();
  };

  const [templateId, setTemplateId] = useState(events[0]?.id ?? '');
  const [newId, setNewId] = useState('');
  const [formFor, setFormFor] = useState<{ templateId: string; id: string } | null>(null);
  const template = events.find((e) => e.id === formFor?.templateId);
  const source = useMemo<EventSetupSource | null>(() => (formFor && template ? {
    key: ['organiser-new-event', formFor.templateId, formFor.id],
    // The template's event as its own page serves it, under the new id: the form edits everything but the staff.
    load: async () => {
      const { event } = await request<{ event: EventConfig }>(`${new URL(template.url).pathname.replace(/\/$/, '')}/api/event`);
      const { rehearsalOf: _rehearsalOf, ...rest } = event;
      return { current: { ...rest, id: formFor.id }, editable: true };
    },
    save: async (config) => {
      const created = await createHostedEvent(credential, { event: config });
      onCreated(created);
      return { current: config as unknown as EventConfig };
    },
    saveLabel: t('organiser.create.formSave'), submitUnchanged: true, savedWords: t('organiser.created', { title: formFor.id }),
  } : null), [formFor, template, credential, onCreated, t]);

  return (
    <section className="panel" aria-labelledby={`${uid}-heading`} data-testid="organiser-create">
      <h2 id={`${uid}-heading`}>{t('organiser.create.heading')}</h2>
      <form onSubmit={submitFile} aria-labelledby={`${uid}-file-heading`}>
        <h3 id={`${uid}-file-heading`}>{t('organiser.create.fromFile')}</h3>
        <div className="field">
          <label htmlFor={`${uid}-file`}>{t('organiser.create.fileLabel')}</label>
          <input id={`${uid}-file`} type="file" accept=".yaml,.yml,.json,text/yaml,application/json" aria-describedby={`${uid}-file-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="organiser-file" />
          <p id={`${uid}-file-hint`} className="hint">{t('organiser.create.fileHint')}</p>
        </div>
        <button type="submit" disabled={!file || upload.isPending}>{upload.isPending ? t('organiser.working') : t('organiser.create.upload')}</button>
        {upload.isError && (
          <div role="alert" className="notice notice-error" data-testid="organiser-file-problems">
            <p>{problems.length > 0 ? t('organiser.create.problems') : failureWords(upload.error, t('organiser.failed'))}</p>
            {problems.length > 0 && (
              <ul>
                {problems.map((p) => <li key={p.field}>{t('organiser.create.problem', { field: p.field, message: p.message })}</li>)}
              </ul>
            )}
          </div>
        )}
      </form>
      <form onSubmit={(e) => { e.preventDefault(); setFormFor({ templateId, id: newId.trim() }); }} aria-labelledby={`${uid}-form-heading`}>
        <h3 id={`${uid}-form-heading`}>{t('organiser.create.fromForm')}</h3>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-template`}>{t('organiser.create.startFrom')}</label>
            <select id={`${uid}-template`} value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
              {events.map((e) => <option key={e.id} value={e.id}>{e.title} ({e.date})</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-new-id`}>{t('organiser.duplicate.id')}</label>
            <input id={`${uid}-new-id`} value={newId} onChange={(e) => setNewId(e.target.value)} aria-describedby={`${uid}-new-id-hint`} />
            <p id={`${uid}-new-id-hint`} className="hint">{t('organiser.duplicate.idHint')}</p>
          </div>
        </div>
        <button type="submit" className="secondary" disabled={!templateId || !newId.trim()}>{t('organiser.create.openForm')}</button>
      </form>
      {source && (
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <EventSetupPanel credential={credential} source={source} />
        </Suspense>
      )}
    </section>
  );
}

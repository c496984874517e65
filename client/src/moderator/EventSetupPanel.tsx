/** The event set-up form (its fields make it long; its state is eventSetupForm.ts, its error words eventSetupErrors.ts, its dialog EventSetupSection.tsx). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useReducer, useState, type FormEvent, type ReactNode } from 'react';
import type { AgendaItemKind, EditableEvent, EventConfig } from '@live-workshop/shared';
import { ApiError, failureWords } from '../net/api.js';
import { fetchEditableEvent, saveEvent } from './moderatorApi.js';
import { announce } from '../session/store/actions.js';
import { blankBreakout, blankItem, configOf, hasStage, KIND_LABELS, type BreakoutDraft, type EventDraft, type ItemDraft } from './eventDraft.js';
import { describeErrorPath, isFieldPath } from './eventSetupErrors.js';
import { setupFormReducer } from './eventSetupForm.js';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Brussels', 'Europe/Athens', 'Europe/Lisbon', 'UTC'];
  }
}

/**
 * Where the form's event comes from and goes to: by default the console's running event (the
 * moderator's credential); the organiser home gives its own to create a new event from the form.
 */
export interface EventSetupSource {
  readonly key: readonly unknown[];
  load(): Promise<EditableEvent>;
  save(config: Record<string, unknown>): Promise<{ current: EventConfig }>;
  /** The submit button's words, and whether an unchanged form may be submitted (a new event). */
  readonly saveLabel?: string;
  readonly submitUnchanged?: boolean;
  readonly savedWords?: string;
}

/** The console's source: the running event, edited by a moderator. */
const moderatorSource = (credential: string): EventSetupSource => ({
  key: ['event-setup', credential], load: () => fetchEditableEvent(credential), save: (config) => saveEvent(credential, config),
});

/**
 * Event set-up, before the doors open: title, description, date and times with time zone, organisers,
 * autopilot, attendance threshold, agenda items and breakout rooms. The server validates the whole
 * event and answers per-field problems, shown by each field and in a summary.
 */
export function EventSetupPanel({ credential, source: given }: { credential: string; source?: EventSetupSource }) {
  const uid = useId();
  const source = useMemo(() => given ?? moderatorSource(credential), [given, credential]);
  const query = useQuery({ queryKey: source.key, queryFn: () => source.load(), staleTime: Infinity, retry: false });
  const [form, dispatch] = useReducer(setupFormReducer, null);
  const [zonesWanted, setZonesWanted] = useState(false);
  const zones = useMemo(() => (zonesWanted ? timeZones() : []), [zonesWanted]);
  // Each answer of the server (the first load, "Discard changes") starts the form afresh.
  useEffect(() => {
    if (query.data) dispatch({ type: 'loaded', event: query.data.current });
  }, [query.data, query.dataUpdatedAt]);
  const save = useMutation({
    mutationFn: (config: Record<string, unknown>) => source.save(config),
    onMutate: () => dispatch({ type: 'saving' }),
    onSuccess: ({ current }) => {
      dispatch({ type: 'saved', event: current, atMs: Date.now() });
      announce(source.savedWords ?? 'The event set-up is saved; everyone sees it now.');
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        dispatch({ type: 'refused', message: error.message, fieldErrors: error.fieldErrors });
        announce('The event set-up was not saved; see the problems listed.', 'assertive');
        // The summary takes focus so the problems are read first.
        requestAnimationFrame(() => document.getElementById(`${uid}-summary`)?.focus());
      } else dispatch({ type: 'failed', message: 'The event set-up could not be saved; try again.' });
    },
  });
  const reload = () => void query.refetch();

  const fieldId = (path: string) => `${uid}-${path.replace(/\./g, '-')}`;
  const edit = (change: (d: EventDraft) => EventDraft, structural = false) => dispatch({ type: 'edited', change, structural });
  const setField = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => edit((d) => ({ ...d, [key]: value }));
  const setItem = (i: number, patch: Partial<ItemDraft>) => edit((d) => ({ ...d, agenda: d.agenda.map((it, j) => (j === i ? { ...it, ...patch } : it)) }));
  const setRoom = (i: number, patch: Partial<BreakoutDraft>) => edit((d) => ({ ...d, breakouts: d.breakouts.map((b, j) => (j === i ? { ...b, ...patch } : b)) }));
  const moveItem = (i: number, by: -1 | 1) =>
    edit((d) => {
      const agenda = [...d.agenda];
      const [item] = agenda.splice(i, 1);
      agenda.splice(i + by, 0, item!);
      return { ...d, agenda };
    }, true);

  if (query.isError && !query.isFetching) {
    return (
      <div className="row">
        <p className="field-error" role="alert">
          {failureWords(query.error, 'The event could not be loaded.')}
        </p>
        <button type="button" className="secondary" onClick={reload}>
          Try again
        </button>
      </div>
    );
  }
  if (!form || query.isFetching) return <p role="status">Loading the event set-up…</p>;
  const { base, draft, dirty, errors, formError, savedAt } = form;
  const saving = save.isPending;
  const errorOf = (path: string) => errors[path];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(configOf(draft, base));
  };

  /** A labelled input with the server's problem under it. */
  const field = (path: string, label: string, control: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode, hint?: string) => {
    const id = fieldId(path);
    const error = errorOf(path);
    const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {control({ id, 'aria-invalid': !!error, 'aria-describedby': describedBy })}
        {hint && (
          <p id={`${id}-hint`} className="hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };
  const rowError = (path: string) =>
    errorOf(path) ? (
      <p className="field-error" id={fieldId(path)} tabIndex={-1}>
        {errorOf(path)}
      </p>
    ) : null;

  const errorList = Object.entries(errors);
  return (
    <form className="event-setup" onSubmit={submit} noValidate aria-labelledby={`${uid}-heading`} data-testid="event-setup">
      <h3 id={`${uid}-heading`} className="sr-only">
        Event set-up form
      </h3>
      {formError && (
        <div className="notice notice-error error-summary" role="alert" id={`${uid}-summary`} tabIndex={-1} data-testid="event-setup-errors">
          <p>
            <strong>{formError}</strong>
          </p>
          {errorList.length > 0 && (
            <ul>
              {errorList.map(([path, message]) => (
                <li key={path}>
                  {!isFieldPath(path) ? (
                    describeErrorPath(path)
                  ) : (
                  <a
                    href={`#${fieldId(path)}`}
                    onClick={(e) => {
                      const target = document.getElementById(fieldId(path));
                      if (target) {
                        e.preventDefault();
                        target.focus();
                      }
                    }}
                  >
                    {describeErrorPath(path)}
                  </a>
                  )}
                  : {message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {field('title', 'Title', (p) => <input {...p} value={draft.title} onChange={(e) => setField('title', e.target.value)} />)}
      {field('description', 'Description', (p) => <textarea {...p} rows={4} value={draft.description} onChange={(e) => setField('description', e.target.value)} />)}
      <div className="field-row">
        {field('date', 'Date', (p) => <input {...p} type="date" value={draft.date} onChange={(e) => setField('date', e.target.value)} />)}
        {field('start', 'Starts', (p) => <input {...p} type="time" value={draft.start} onChange={(e) => setField('start', e.target.value)} />)}
        {field('end', 'Ends', (p) => <input {...p} type="time" value={draft.end} onChange={(e) => setField('end', e.target.value)} />)}
      </div>
      {field(
        'timeZone',
        'Time zone',
        (p) => (
          <>
            <input {...p} list={`${uid}-zones`} value={draft.timeZone} onChange={(e) => setField('timeZone', e.target.value)} onFocus={() => setZonesWanted(true)} autoComplete="off" />
            {/* Some 400 zones: offered once the field is used, not on every render of the form. */}
            {zonesWanted && (
              <datalist id={`${uid}-zones`}>
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            )}
          </>
        ),
        'The times above and in the agenda are in this zone, e.g. Europe/Brussels.',
      )}
      {field('organisers', 'Organisers (one per line)', (p) => <textarea {...p} rows={3} value={draft.organisers} onChange={(e) => setField('organisers', e.target.value)} />)}
      {field(
        'attendanceThreshold',
        'Attendance needed for a certificate (%)',
        (p) => <input {...p} inputMode="decimal" value={draft.attendanceThresholdPercent} onChange={(e) => setField('attendanceThresholdPercent', e.target.value)} />,
        'Share of the agenda’s running time; empty means 50 %.',
      )}
      <div className="field-check">
        <input id={fieldId('autopilot')} type="checkbox" checked={draft.autopilot} onChange={(e) => setField('autopilot', e.target.checked)} />
        <label htmlFor={fieldId('autopilot')}>Autopilot: advance the agenda at the planned times</label>
      </div>

      <fieldset className="rows">
        <legend>Agenda ({draft.agenda.length} items)</legend>
        {rowError('agenda')}
        {draft.agenda.map((item, i) => {
          const name = `item ${i + 1}${item.title ? ` (${item.title})` : ''}`;
          return (
            <fieldset key={item.key} className="row-card" data-testid={`agenda-item-${i}`}>
              <legend>Item {i + 1}</legend>
              {rowError(`agenda.${i}`)}
              <div className="field-row">
                {field(`agenda.${i}.kind`, 'Kind', (p) => (
                  <select {...p} value={item.kind} onChange={(e) => setItem(i, { kind: e.target.value as AgendaItemKind })}>
                    {(Object.keys(KIND_LABELS) as AgendaItemKind[]).map((k) => (
                      <option key={k} value={k}>
                        {KIND_LABELS[k]}
                      </option>
                    ))}
                  </select>
                ))}
                {field(`agenda.${i}.start`, 'Starts', (p) => <input {...p} type="time" value={item.start} onChange={(e) => setItem(i, { start: e.target.value })} />)}
                {field(`agenda.${i}.durationMinutes`, 'Minutes', (p) => (
                  <input {...p} inputMode="numeric" className="short" value={item.durationMinutes} onChange={(e) => setItem(i, { durationMinutes: e.target.value })} />
                ))}
              </div>
              {field(`agenda.${i}.title`, 'Title', (p) => <input {...p} value={item.title} onChange={(e) => setItem(i, { title: e.target.value })} />)}
              {field(`agenda.${i}.description`, 'Description', (p) => <textarea {...p} rows={2} value={item.description} onChange={(e) => setItem(i, { description: e.target.value })} />)}
              {hasStage(item.kind) && base.speakers.length > 0 && (
                <fieldset className="checks">
                  <legend>On stage</legend>
                  {base.speakers.map((s) => (
                    <label key={s.id} className="check">
                      <input
                        type="checkbox"
                        checked={item.stage.includes(s.id)}
                        onChange={(e) => setItem(i, { stage: e.target.checked ? [...item.stage, s.id] : item.stage.filter((x) => x !== s.id) })}
                      />{' '}
                      {s.name}
                    </label>
                  ))}
                  {rowError(`agenda.${i}.stage`)}
                </fieldset>
              )}
              {item.kind === 'breakouts' &&
                field(`agenda.${i}.staffPlacement`, 'Speakers and moderators during the breakouts', (p) => (
                  <select {...p} value={item.staffPlacement} onChange={(e) => setItem(i, { staffPlacement: e.target.value as ItemDraft['staffPlacement'] })}>
                    <option value="backstage">Backstage (green room)</option>
                    <option value="breakouts">In the breakout rooms</option>
                  </select>
                ))}
              <div className="row">
                <button type="button" className="secondary small" disabled={i === 0} onClick={() => moveItem(i, -1)} aria-label={`Move ${name} up`}>
                  Move up
                </button>
                <button type="button" className="secondary small" disabled={i === draft.agenda.length - 1} onClick={() => moveItem(i, 1)} aria-label={`Move ${name} down`}>
                  Move down
                </button>
                <button
                  type="button"
                  className="danger small"
                  disabled={draft.agenda.length === 1}
                  onClick={() => edit((d) => ({ ...d, agenda: d.agenda.filter((_, j) => j !== i) }), true)}
                  aria-label={`Remove ${name}`}
                >
                  Remove
                </button>
              </div>
            </fieldset>
          );
        })}
        <button type="button" className="secondary" onClick={() => edit((d) => ({ ...d, agenda: [...d.agenda, blankItem(d)] }), true)}>
          Add an agenda item
        </button>
      </fieldset>

      <fieldset className="rows">
        <legend>Breakout rooms ({draft.breakouts.length})</legend>
        {rowError('breakouts')}
        {draft.breakouts.map((room, i) => (
          <fieldset key={room.key} className="row-card" data-testid={`breakout-${i}`}>
            <legend>Breakout {i + 1}</legend>
            {rowError(`breakouts.${i}`)}
            {field(`breakouts.${i}.title`, 'Title', (p) => <input {...p} value={room.title} onChange={(e) => setRoom(i, { title: e.target.value })} />)}
            {field(`breakouts.${i}.topic`, 'Topic', (p) => <textarea {...p} rows={2} value={room.topic} onChange={(e) => setRoom(i, { topic: e.target.value })} />)}
            <div className="field-row">
              {field(`breakouts.${i}.capacity`, 'Capacity', (p) => (
                <input {...p} inputMode="numeric" className="short" value={room.capacity} onChange={(e) => setRoom(i, { capacity: e.target.value })} />
              ))}
              {field(`breakouts.${i}.facilitator`, 'Facilitator', (p) => <input {...p} value={room.facilitator} onChange={(e) => setRoom(i, { facilitator: e.target.value })} />)}
            </div>
            <button
              type="button"
              className="danger small"
              onClick={() => edit((d) => ({ ...d, breakouts: d.breakouts.filter((_, j) => j !== i) }), true)}
              aria-label={`Remove breakout ${i + 1}${room.title ? ` (${room.title})` : ''}`}
            >
              Remove
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={() => edit((d) => ({ ...d, breakouts: [...d.breakouts, blankBreakout()] }), true)}>
          Add a breakout room
        </button>
        <p className="hint">People whose chosen room is removed are placed again by their other choice and the rooms’ capacity.</p>
      </fieldset>

      <div className="row sticky-actions">
        <button type="submit" disabled={saving || (!dirty && !source.submitUnchanged)} data-testid="event-setup-save">
          {saving ? 'Saving…' : (source.saveLabel ?? 'Save the event set-up')}
        </button>
        <button type="button" className="secondary" disabled={saving || !dirty} onClick={reload}>
          Discard changes
        </button>
        <span role="status" className="hint">
          {savedAt !== null ? (source.savedWords ?? 'Saved: everyone sees the new set-up.') : dirty ? 'Unsaved changes.' : ''}
        </span>
      </div>
    </form>
  );
}

/** The event set-up form (its fields make it long; its state is eventSetupForm.ts, its error words eventSetupErrors.ts, its dialog EventSetupSection.tsx). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useReducer, useState, type FormEvent, type ReactNode } from 'react';
import type { AgendaItemKind, EditableEvent, EventConfig } from '@live-workshop/shared';
import { ApiError, failureWords } from '../net/api.js';
import { fetchEditableEvent, saveEvent } from './moderatorApi.js';
import { announce } from '../session/store/actions.js';
import { AGENDA_ITEM_KINDS, blankBreakout, blankItem, configOf, hasStage, type BreakoutDraft, type EventDraft, type ItemDraft } from './eventDraft.js';
import { problemWords } from './eventSetupErrors.js';
import { SetupErrorSummary } from './SetupErrorSummary.js';
import { LocaleDateInput, LocaleTimeInput } from './LocaleDateTimeInputs.js';
import { datePattern } from './localeDateTime.js';
import { currentLocale } from '../i18n/i18n.js';
import { useT } from '../i18n/useT.js';
import { setupFormReducer } from './eventSetupForm.js';
import { RoundFields } from './RoundFields.js';

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
  const t = useT();
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
      announce(source.savedWords ?? t('setup.savedDone'));
    },
    onError: (error) => {
      if (error instanceof ApiError) {
        dispatch({ type: 'refused', message: failureWords(error, error.message), fieldErrors: error.fieldErrors, fieldIssues: error.fieldIssues });
        announce(t('setup.notSaved'), 'assertive');
        // The summary takes focus so the problems are read first.
        requestAnimationFrame(() => document.getElementById(`${uid}-summary`)?.focus());
      } else dispatch({ type: 'failed', message: t('setup.saveFailed') });
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
          {failureWords(query.error, t('setup.loadFailed'))}
        </p>
        <button type="button" className="secondary" onClick={reload}>
          {t('setup.tryAgain')}
        </button>
      </div>
    );
  }
  if (!form || query.isFetching) return <p role="status">{t('setup.loading')}</p>;
  const { base, draft, dirty, errors, issues, formError, savedAt } = form;
  const saving = save.isPending;
  const errorOf = (path: string) => (errors[path] === undefined ? undefined : problemWords(path, errors[path], issues[path]));
  const locale = currentLocale();
  const dateHint = t('setup.dateHint', { pattern: datePattern(locale, { day: t('setup.dateLetters.day'), month: t('setup.dateLetters.month'), year: t('setup.dateLetters.year') }) });

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
        {t('setup.formHeading')}
      </h3>
      {formError && <SetupErrorSummary id={`${uid}-summary`} message={formError} paths={errorList.map(([path]) => path)} fieldId={fieldId} problemOf={(path) => errorOf(path) ?? ''} />}
      {field('title', t('setup.title'), (p) => <input {...p} value={draft.title} onChange={(e) => setField('title', e.target.value)} />)}
      {field('description', t('setup.description'), (p) => <textarea {...p} rows={4} value={draft.description} onChange={(e) => setField('description', e.target.value)} />)}
      <div className="field-row">
        {field('date', t('setup.date'), (p) => <LocaleDateInput {...p} value={draft.date} onChange={(v) => setField('date', v)} />, dateHint)}
        {field('start', t('setup.starts'), (p) => <LocaleTimeInput {...p} value={draft.start} onChange={(v) => setField('start', v)} />)}
        {field('end', t('setup.ends'), (p) => <LocaleTimeInput {...p} value={draft.end} onChange={(v) => setField('end', v)} />)}
      </div>
      {field(
        'timeZone',
        t('setup.timeZone'),
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
        t('setup.timeZoneHint'),
      )}
      {field('organisers', t('setup.organisers'), (p) => <textarea {...p} rows={3} value={draft.organisers} onChange={(e) => setField('organisers', e.target.value)} />)}
      {field(
        'attendanceThreshold',
        t('setup.attendance'),
        (p) => <input {...p} inputMode="decimal" value={draft.attendanceThresholdPercent} onChange={(e) => setField('attendanceThresholdPercent', e.target.value)} />,
        t('setup.attendanceHint'),
      )}
      <div className="field-check">
        <input id={fieldId('autopilot')} type="checkbox" checked={draft.autopilot} onChange={(e) => setField('autopilot', e.target.checked)} />
        <label htmlFor={fieldId('autopilot')}>{t('setup.autopilot')}</label>
      </div>

      <fieldset className="rows">
        <legend>{t('setup.agendaLegend', { count: draft.agenda.length })}</legend>
        {rowError('agenda')}
        {draft.agenda.map((item, i) => {
          const name = item.title ? t('setup.itemNamed', { number: i + 1, title: item.title }) : t('setup.item', { number: i + 1 });
          return (
            <fieldset key={item.key} className="row-card" data-testid={`agenda-item-${i}`}>
              <legend>{t('setup.itemLegend', { number: i + 1 })}</legend>
              {rowError(`agenda.${i}`)}
              <div className="field-row">
                {field(`agenda.${i}.kind`, t('setup.kindLabel'), (p) => (
                  <select {...p} value={item.kind} onChange={(e) => setItem(i, { kind: e.target.value as AgendaItemKind })}>
                    {AGENDA_ITEM_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`setup.kind.${k}`)}
                      </option>
                    ))}
                  </select>
                ))}
                {field(`agenda.${i}.start`, t('setup.starts'), (p) => <LocaleTimeInput {...p} value={item.start} onChange={(v) => setItem(i, { start: v })} />)}
                {field(`agenda.${i}.durationMinutes`, t('setup.minutes'), (p) => (
                  <input {...p} inputMode="numeric" className="short" value={item.durationMinutes} onChange={(e) => setItem(i, { durationMinutes: e.target.value })} />
                ))}
              </div>
              {field(`agenda.${i}.title`, t('setup.title'), (p) => <input {...p} value={item.title} onChange={(e) => setItem(i, { title: e.target.value })} />)}
              {field(`agenda.${i}.description`, t('setup.description'), (p) => <textarea {...p} rows={2} value={item.description} onChange={(e) => setItem(i, { description: e.target.value })} />)}
              {hasStage(item.kind) && base.speakers.length > 0 && (
                <fieldset className="checks">
                  <legend>{t('setup.onStage')}</legend>
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
              {hasStage(item.kind) && (
                <div className="field-check">
                  <input id={fieldId(`agenda.${i}.showNotes`)} type="checkbox" checked={item.showNotes} onChange={(e) => setItem(i, { showNotes: e.target.checked })} />
                  <label htmlFor={fieldId(`agenda.${i}.showNotes`)}>Report-back: show everyone the breakout rooms’ notes during this item</label>
                  {rowError(`agenda.${i}.showNotes`)}
                </div>
              )}
              {item.kind === 'breakouts' && (
                <RoundFields
                  item={item} index={i} earlier={draft.agenda.slice(0, i)} field={field} rowError={rowError}
                  setItem={(patch, structural) => edit((d) => ({ ...d, agenda: d.agenda.map((it, j) => (j === i ? { ...it, ...patch } : it)) }), structural)}
                />
              )}
              {item.kind === 'breakouts' &&
                field(`agenda.${i}.staffPlacement`, t('setup.staffPlacement'), (p) => (
                  <select {...p} value={item.staffPlacement} onChange={(e) => setItem(i, { staffPlacement: e.target.value as ItemDraft['staffPlacement'] })}>
                    <option value="backstage">{t('setup.staffBackstage')}</option>
                    <option value="breakouts">{t('setup.staffBreakouts')}</option>
                  </select>
                ))}
              <div className="row">
                <button type="button" className="secondary small" disabled={i === 0} onClick={() => moveItem(i, -1)} aria-label={t('setup.moveUpLabel', { name })}>
                  {t('setup.moveUp')}
                </button>
                <button type="button" className="secondary small" disabled={i === draft.agenda.length - 1} onClick={() => moveItem(i, 1)} aria-label={t('setup.moveDownLabel', { name })}>
                  {t('setup.moveDown')}
                </button>
                <button
                  type="button"
                  className="danger small"
                  disabled={draft.agenda.length === 1}
                  onClick={() => edit((d) => ({ ...d, agenda: d.agenda.filter((_, j) => j !== i) }), true)}
                  aria-label={t('setup.removeLabel', { name })}
                >
                  {t('setup.remove')}
                </button>
              </div>
            </fieldset>
          );
        })}
        <button type="button" className="secondary" onClick={() => edit((d) => ({ ...d, agenda: [...d.agenda, blankItem(d)] }), true)}>
          {t('setup.addItem')}
        </button>
      </fieldset>

      <fieldset className="rows">
        <legend>{t('setup.breakoutsLegend', { count: draft.breakouts.length })}</legend>
        {rowError('breakouts')}
        {draft.breakouts.map((room, i) => (
          <fieldset key={room.key} className="row-card" data-testid={`breakout-${i}`}>
            <legend>{t('setup.path.breakout', { number: i + 1 })}</legend>
            {rowError(`breakouts.${i}`)}
            {field(`breakouts.${i}.title`, t('setup.title'), (p) => <input {...p} value={room.title} onChange={(e) => setRoom(i, { title: e.target.value })} />)}
            {field(`breakouts.${i}.topic`, t('setup.topic'), (p) => <textarea {...p} rows={2} value={room.topic} onChange={(e) => setRoom(i, { topic: e.target.value })} />)}
            <div className="field-row">
              {field(`breakouts.${i}.capacity`, t('setup.capacity'), (p) => (
                <input {...p} inputMode="numeric" className="short" value={room.capacity} onChange={(e) => setRoom(i, { capacity: e.target.value })} />
              ))}
              {field(`breakouts.${i}.facilitator`, t('setup.facilitator'), (p) => <input {...p} value={room.facilitator} onChange={(e) => setRoom(i, { facilitator: e.target.value })} />)}
            </div>
            <button
              type="button"
              className="danger small"
              onClick={() => edit((d) => ({ ...d, breakouts: d.breakouts.filter((_, j) => j !== i) }), true)}
              aria-label={room.title ? t('setup.removeRoomNamed', { number: i + 1, title: room.title }) : t('setup.removeRoom', { number: i + 1 })}
            >
              {t('setup.remove')}
            </button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={() => edit((d) => ({ ...d, breakouts: [...d.breakouts, blankBreakout()] }), true)}>
          {t('setup.addRoom')}
        </button>
        <p className="hint">{t('setup.roomsHint')}</p>
      </fieldset>

      <div className="row sticky-actions">
        <button type="submit" disabled={saving || (!dirty && !source.submitUnchanged)} data-testid="event-setup-save">
          {saving ? t('setup.saving') : (source.saveLabel ?? t('setup.save'))}
        </button>
        <button type="button" className="secondary" disabled={saving || !dirty} onClick={reload}>
          {t('setup.discard')}
        </button>
        <span role="status" className="hint">
          {savedAt !== null ? (source.savedWords ?? t('setup.saved')) : dirty ? t('setup.unsaved') : ''}
        </span>
      </div>
    </form>
  );
}

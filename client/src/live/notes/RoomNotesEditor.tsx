import { useEffect, useId, useRef, useState } from 'react';
import { ROOM_NOTES_MAX_CHARS } from '@live-workshop/shared/pure';
import { useT } from '../../i18n/useT.js';
import { currentLocale } from '../../i18n/i18n.js';
import { refusalWords } from '../../session/refusals.js';
import { saveRoomNotes } from './roomNotesSocket.js';
import { useRoomNotes } from './roomNotesStore.js';

/** How long after the last keystroke the notes save themselves. */
export const NOTES_AUTOSAVE_MS = 2000;

/** The time of day a save happened, in the reader's locale. */
const timeOfDay = (ms: number) => new Intl.DateTimeFormat(currentLocale(), { hour: '2-digit', minute: '2-digit' }).format(ms);

/**
 * A breakout room's short notes, written by its facilitator (or a moderator): saved a moment after
 * typing stops, on leaving the field and with the button; what was saved last, when and by whom.
 * The plenary sees them during the report-back.
 */
export function RoomNotesEditor({ breakoutId, heading = 'h3' }: { breakoutId: string; heading?: 'h2' | 'h3' }) {
  const t = useT();
  const saved = useRoomNotes((s) => s.rooms[breakoutId] ?? null);
  const [draft, setDraft] = useState(saved?.text ?? '');
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // What the field holds now: a save that returns while typing went on leaves the newer text unsaved.
  const current = useRef(draft);
  const ids = { heading: useId(), field: useId(), count: useId() };
  const Heading = heading;

  // Someone else's save (a moderator, another tab) shows while we have nothing unsaved.
  useEffect(() => {
    if (!dirty) {
      current.current = saved?.text ?? '';
      setDraft(current.current);
    }
  }, [saved?.text, dirty]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const save = async (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    setBusy(true);
    const result = await saveRoomNotes(breakoutId, text);
    setBusy(false);
    setProblem(result.ok ? null : refusalWords(result));
    if (result.ok) setDirty(current.current !== result.data.text);
  };
  const change = (text: string) => {
    current.current = text;
    setDraft(text);
    setDirty(true);
    if (timer.current) clearTimeout(timer.current);
    if (text.length <= ROOM_NOTES_MAX_CHARS) timer.current = setTimeout(() => void save(text), NOTES_AUTOSAVE_MS);
  };
  const tooLong = draft.length > ROOM_NOTES_MAX_CHARS;
  return (
    <section className="panel room-notes" aria-labelledby={ids.heading} data-testid="room-notes-editor">
      <Heading id={ids.heading}>{t('notes.editorHeading')}</Heading>
      <p className="hint">{t('notes.editorHint')}</p>
      <label htmlFor={ids.field}>{t('notes.label')}</label>
      <textarea
        id={ids.field} rows={6} value={draft} aria-describedby={ids.count} aria-invalid={tooLong || undefined}
        onChange={(e) => change(e.target.value)} onBlur={() => dirty && !tooLong && void save(draft)} data-testid="room-notes-text"
      />
      <p id={ids.count} className={tooLong ? 'field-error' : 'hint'} data-testid="room-notes-count">
        {t('notes.count', { count: draft.length, max: ROOM_NOTES_MAX_CHARS })}
      </p>
      <div className="row">
        <button type="button" disabled={busy || tooLong || !dirty} onClick={() => void save(draft)} data-testid="room-notes-save">
          {busy ? t('notes.saving') : t('notes.save')}
        </button>
        <span className="hint" role="status" data-testid="room-notes-status">
          {dirty ? t('notes.unsaved') : saved ? t('notes.savedBy', { time: timeOfDay(saved.updatedAt), name: saved.updatedBy }) : t('notes.none')}
        </span>
      </div>
      {problem && <p className="field-error" role="alert">{problem}</p>}
    </section>
  );
}

/**
 * The server's field errors for the event set-up in the form's words, in the reader's language:
 * which field a path is, how to name it, and what is wrong with it. The server sends each problem as
 * data (FieldIssue) beside its English message; English readers get the message as it is, others
 * the catalogue's words for the problem (the English message when the catalogue has none).
 */
import type { FieldIssue } from '@live-workshop/shared';
import { currentLanguage, t } from '../i18n/i18n.js';

const FIELD_KEYS = new Set([
  'title', 'description', 'date', 'start', 'end', 'timeZone', 'organisers', 'attendanceThreshold', 'autopilot', 'durationMinutes', 'kind', 'stage',
  'staffPlacement', 'topic', 'capacity', 'facilitator', 'id', 'showNotes', 'rooms', 'reuse', 'select', 'askPreferences', 'roomsFrom',
]);
const fieldWords = (field: string) => (FIELD_KEYS.has(field) ? t(`setup.fieldName.${field}`) : field);

/** "Agenda item 2, title" for a server error path like "agenda.1.title". */
export function describeErrorPath(path: string): string {
  const [head, index, field] = path.split('.');
  const [, , , roomIndex, roomField] = path.split('.');
  if (head === 'agenda' && field === 'rooms' && index !== undefined && roomIndex !== undefined && /^\d+$/.test(roomIndex)) {
    const row = t('setup.path.agendaRoom', { number: Number(index) + 1, room: Number(roomIndex) + 1 });
    return roomField ? t('setup.path.rowField', { row, field: fieldWords(roomField) }) : row;
  }
  if ((head === 'agenda' || head === 'breakouts') && index !== undefined && /^\d+$/.test(index)) {
    const row = t(head === 'agenda' ? 'setup.path.agendaItem' : 'setup.path.breakout', { number: Number(index) + 1 });
    return field ? t('setup.path.rowField', { row, field: fieldWords(field) }) : row;
  }
  if (head === 'moderators' || head === 'speakers') return t(head === 'moderators' ? 'setup.path.moderators' : 'setup.path.speakers');
  if (head === 'form') return t('setup.path.form');
  const words = FIELD_KEYS.has(head ?? '') ? fieldWords(head!) : (head ?? path);
  return words.replace(/^./, (c) => c.toUpperCase());
}

/** What a field holds, for the words of a format problem. */
function formatOf(path: string): string {
  const field = path.split('.').at(-1) ?? '';
  if (field === 'date') return 'date';
  if (field === 'start' || field === 'end') return 'time';
  if (field === 'id') return 'slug';
  return 'other';
}

/** The words for one field's problem in the reader's language. */
export function problemWords(path: string, message: string, issue: FieldIssue | undefined): string {
  if (currentLanguage() === 'en' || !issue) return message;
  const { code, params } = issue;
  if (code === 'too_small' || code === 'too_big') {
    const origin = params.origin === 'string' || params.origin === 'number' || params.origin === 'array' ? params.origin : 'number';
    return t(`setup.problem.${code}.${origin}`, { limit: params.limit ?? 0, defaultValue: message });
  }
  if (code === 'invalid_format') return t(`setup.problem.format.${formatOf(path)}`, { defaultValue: message });
  return t(`setup.problem.${code}`, { ...params, defaultValue: message });
}

const TOP_FIELDS = new Set(['title', 'description', 'date', 'start', 'end', 'timeZone', 'organisers', 'attendanceThreshold', 'autopilot', 'agenda', 'breakouts']);
const ROW_FIELD = /^(agenda\.\d+(\.(kind|start|durationMinutes|title|description|stage|staffPlacement|showNotes|reuse|select|rooms(\.\d+(\.(title|topic|capacity|facilitator))?)?))?|breakouts\.\d+(\.(title|topic|capacity|facilitator))?)$/;

/** Whether the form has a field (or row) for a server error path. */
export function isFieldPath(path: string): boolean {
  return TOP_FIELDS.has(path) || ROW_FIELD.test(path);
}

/** Problems deeper than the form's fields go to the field that holds them: "organisers.2" → "organisers", "agenda.1.stage.0" → "agenda.1.stage". */
export function normalizeErrorPaths<T>(fieldErrors: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [path, problem] of Object.entries(fieldErrors)) {
    const key = path.replace(/^organisers\.\d+$/, 'organisers').replace(/^(agenda\.\d+\.stage)\.\d+$/, '$1').replace(/^(agenda\.\d+\.rooms\.\d+)\.id$/, '$1');
    out[key] ??= problem;
  }
  return out;
}

/** The server's field errors for the event set-up in the form's words: which field a path is, and how to name it. */

const FIELD_WORDS: Record<string, string> = {
  title: 'title', description: 'description', date: 'date', start: 'start', end: 'end', timeZone: 'time zone', organisers: 'organisers',
  attendanceThreshold: 'attendance needed', autopilot: 'autopilot', durationMinutes: 'minutes', kind: 'kind', stage: 'on stage',
  staffPlacement: 'staff during breakouts', topic: 'topic', capacity: 'capacity', facilitator: 'facilitator', id: 'id', showNotes: 'report-back', rooms: 'rooms', reuse: 'earlier round', select: 'how people get their room',
  askPreferences: 'preferences asked', roomsFrom: 'rooms',
};

/** "Agenda item 2, title" for a server error path like "agenda.1.title". */
export function describeErrorPath(path: string): string {
  const [head, index, field] = path.split('.');
  const [, , , roomIndex, roomField] = path.split('.');
  if (head === 'agenda' && field === 'rooms' && roomIndex !== undefined && /^\d+$/.test(roomIndex)) {
    return `Agenda item ${Number(index) + 1}, room ${Number(roomIndex) + 1}${roomField ? `, ${FIELD_WORDS[roomField] ?? roomField}` : ''}`;
  }
  if (head === 'agenda' && index !== undefined && /^\d+$/.test(index)) return `Agenda item ${Number(index) + 1}${field ? `, ${FIELD_WORDS[field] ?? field}` : ''}`;
  if (head === 'breakouts' && index !== undefined && /^\d+$/.test(index)) return `Breakout ${Number(index) + 1}${field ? `, ${FIELD_WORDS[field] ?? field}` : ''}`;
  if (head === 'moderators' || head === 'speakers') return `${head === 'moderators' ? 'Moderator' : 'Speaker'} list (edit the event file)`;
  if (head === 'form') return 'The event';
  return (FIELD_WORDS[head ?? ''] ?? head ?? path).replace(/^./, (c) => c.toUpperCase());
}

const TOP_FIELDS = new Set(['title', 'description', 'date', 'start', 'end', 'timeZone', 'organisers', 'attendanceThreshold', 'autopilot', 'agenda', 'breakouts']);
const ROW_FIELD = /^(agenda\.\d+(\.(kind|start|durationMinutes|title|description|stage|staffPlacement|showNotes|reuse|select|rooms(\.\d+(\.(title|topic|capacity|facilitator))?)?))?|breakouts\.\d+(\.(title|topic|capacity|facilitator))?)$/;

/** Whether the form has a field (or row) for a server error path. */
export function isFieldPath(path: string): boolean {
  return TOP_FIELDS.has(path) || ROW_FIELD.test(path);
}

/** Problems deeper than the form's fields go to the field that holds them: "organisers.2" → "organisers", "agenda.1.stage.0" → "agenda.1.stage". */
export function normalizeErrorPaths(fieldErrors: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const key = path.replace(/^organisers\.\d+$/, 'organisers').replace(/^(agenda\.\d+\.stage)\.\d+$/, '$1').replace(/^(agenda\.\d+\.rooms\.\d+)\.id$/, '$1');
    out[key] ??= message;
  }
  return out;
}

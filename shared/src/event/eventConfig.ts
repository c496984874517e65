import { z } from 'zod';
import { liveSegmentConfigSchema } from './liveSegmentConfig.js';
import { LANGUAGE_CODES, type LanguageCode } from '../i18n/languages.js';

/** An identifier safe in URLs, LiveKit room names and file names. */
export const slugSchema = z
  .string()
  .min(1)
  .max(48)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes');

/** Text shown on one line (a title, a name): no line breaks or other control characters. */
const oneLine = (max: number) => z.string().min(1).max(max).refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'no line breaks or control characters', params: { problem: 'oneLine' } });

/** A person who organises or moderates the event. */
export const moderatorSchema = z.strictObject({
  id: slugSchema,
  name: oneLine(120),
});

/** A person who presents on stage. */
export const speakerSchema = z.strictObject({
  id: slugSchema,
  name: oneLine(120),
  affiliation: z.string().max(200).optional(),
});

/** A person who types the live captions (a CART writer), invited by a personal link like a speaker. */
export const captionerSchema = z.strictObject({
  id: slugSchema,
  name: oneLine(120),
});

/** One breakout room: attendees pick one of these when they register. */
export const breakoutSchema = z.strictObject({
  id: slugSchema,
  title: oneLine(200),
  topic: z.string().max(2000).default(''),
  capacity: z.number().int().min(1).max(100_000),
  facilitator: z.string().max(120).optional(),
});

/** Where speakers and moderators are while the breakouts run. */
export const staffPlacementSchema = z.enum(['backstage', 'breakouts']);

/** A time of day, "HH:MM". */
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Whether YYYY-MM-DD names a day that exists (no 30 February). */
const isCalendarDate = (text: string) => {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
};
const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine((text) => !/^\d{4}-\d{2}-\d{2}$/.test(text) || isCalendarDate(text), { message: 'no such day in the calendar', params: { problem: 'noSuchDay' } });

/** Whether the runtime knows this IANA time zone (Intl throws a RangeError for unknown ones). */
const isKnownTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
/** An IANA time zone, e.g. Europe/Brussels. */
export const timeZoneSchema = z.string().min(1).max(64).refine(isKnownTimeZone, { message: 'use an IANA time zone, e.g. Europe/Brussels', params: { problem: 'timeZone' } });
const timeSchema = z.string().regex(HH_MM, 'use HH:MM');

/** When the event this one rehearses took place (its date and times, in the same time zone). */
export const rehearsalOfSchema = z
  .strictObject({ date: dateSchema, start: timeSchema, end: timeSchema })
  .refine((r) => !HH_MM.test(r.start) || !HH_MM.test(r.end) || r.end > r.start, { path: ['end'], message: 'end must be after start' });

/** A local date and time in the event's zone, "YYYY-MM-DD HH:MM". */
const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/, 'use "YYYY-MM-DD HH:MM"')
  .refine((text) => !/^\d{4}-\d{2}-\d{2} /.test(text) || isCalendarDate(text.slice(0, 10)), 'no such day in the calendar');

/** When registration is open and how many may register; the rest join a waiting list. */
export const registrationWindowSchema = z
  .strictObject({
    /** Registration opens then (the event's zone); open from the start when absent. */
    opens: localDateTimeSchema.optional(),
    /** Registration closes then (the event's zone); when absent, once the event is over. */
    closes: localDateTimeSchema.optional(),
    /** At most this many registrations hold a place; later ones join the waiting list, in order. */
    capacity: z.number().int().min(1).max(1_000_000).optional(),
  })
  .refine((r) => !r.opens || !r.closes || r.opens < r.closes, { path: ['closes'], message: 'closes must be after opens' });

const itemBase = {
  id: slugSchema,
  title: z.string().min(1).max(200),
  /** Planned start, local time of the event ("HH:MM"). */
  start: z.string().regex(HH_MM, 'use HH:MM'),
  durationMinutes: z.number().int().min(1).max(24 * 60),
  description: z.string().max(4000).default(''),
};

/** A stage item that is a report-back: it shows the plenary the notes of the breakout rooms of the round before it. */
const showNotes = z.boolean().optional();

/** One step of the agenda; its kind decides who is where. */
export const agendaItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...itemBase, kind: z.literal('plenary'), stage: z.array(slugSchema).default([]), showNotes }),
  z.strictObject({ ...itemBase, kind: z.literal('live'), stage: z.array(slugSchema).default([]), showNotes }),
  z.strictObject({
    ...itemBase,
    kind: z.literal('breakouts'),
    staffPlacement: staffPlacementSchema.default('backstage'),
    /** This round's own rooms; without it (and without `reuse`) the round uses the event's `breakouts`. */
    rooms: z.array(breakoutSchema).min(1).optional(),
    /** Reuse the rooms and the placement of an earlier breakouts item (its id): the same people meet again. */
    reuse: slugSchema.optional(),
    /** `self`: attendees pick their room during the item before this one; `assigned` (default): placed by preferences. */
    select: z.enum(['assigned', 'self']).optional(),
    /** Whether registration asks for this round's preferences (default: yes). */
    askPreferences: z.boolean().optional(),
  }),
  z.strictObject({ ...itemBase, kind: z.literal('break') }),
  z.strictObject({ ...itemBase, kind: z.literal('closing'), stage: z.array(slugSchema).default([]), showNotes }),
]);

/** One language's own texts of the event; each left out stays as written (shared/src/i18n/localizeEvent.ts). */
export const eventTextsSchema = z.strictObject({
  title: oneLine(300).optional(),
  description: z.string().max(20_000).optional(),
  /** By agenda item id. */
  agenda: z.record(slugSchema, z.strictObject({ title: z.string().min(1).max(200).optional(), description: z.string().max(4000).optional() })).optional(),
  /** By breakout room id. */
  breakouts: z.record(slugSchema, z.strictObject({ title: oneLine(200).optional(), topic: z.string().max(2000).optional() })).optional(),
});

/** A whole event, as written in an event file. */
export const eventConfigSchema = z
  .strictObject({
    id: slugSchema,
    title: oneLine(300),
    description: z.string().max(20_000).default(''),
    /** IANA time zone the times are written in, e.g. Europe/Brussels. */
    timeZone: timeZoneSchema,
    /** Calendar date of the event, YYYY-MM-DD, in timeZone. */
    date: dateSchema,
    start: timeSchema,
    end: timeSchema,
    organisers: z.array(oneLine(200)).default([]),
    breakoutWarningSeconds: z.number().int().min(5).max(3600).default(60),
    moderators: z.array(moderatorSchema).min(1),
    speakers: z.array(speakerSchema).default([]),
    /** Captioners of the live captions; none when absent. */
    captioners: z.array(captionerSchema).optional(),
    breakouts: z.array(breakoutSchema).default([]),
    agenda: z.array(agendaItemSchema).min(1),
    /** The agenda advances by itself at the scheduled times; moderators can hold or override it. Off when absent. */
    autopilot: z.boolean().optional(),
    /** Share of the agenda's running time a person must attend for a certificate of participation (0–1; 0.5 when absent). */
    attendanceThreshold: z.number().min(0).max(1).optional(),
    /** Days after the end of the event when its personal data is purged; kept until an organiser purges when absent. */
    retentionDays: z.number().int().min(1).max(3650).optional(),
    /** Registration's window and capacity (with a waiting list); open until the event is over, without a cap, when absent. */
    registration: registrationWindowSchema.optional(),
    /** Present when this run is a rehearsal: the original date and times of the event it rehearses. */
    rehearsalOf: rehearsalOfSchema.optional(),
    /** Questions, polls and captions of the live segment; defaults when absent. */
    liveSegment: liveSegmentConfigSchema.optional(),
    /** The event's texts in other languages, by language code ("de", "fr", …); the texts above are the default. */
    translations: z.partialRecord(z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]]), eventTextsSchema).optional(),
  })
  .superRefine((event, ctx) => {
    const unique = (ids: string[], path: string, seen = new Set<string>()) => {
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate id "${id}"`, params: { problem: 'duplicateId', id } });
        seen.add(id);
      });
    };
    unique(event.breakouts.map((b) => b.id), 'breakouts');
    unique(event.agenda.map((a) => a.id), 'agenda');
    // Moderators, speakers and captioners share one set of ids; each clash is reported in the list where it is written.
    const people = new Set<string>();
    unique(event.moderators.map((p) => p.id), 'moderators', people);
    unique(event.speakers.map((p) => p.id), 'speakers', people);
    unique((event.captioners ?? []).map((p) => p.id), 'captioners', people);
    // A translation names only items and rooms the event has.
    const itemIds = new Set(event.agenda.map((a) => a.id));
    const roomIds = new Set([...event.breakouts, ...event.agenda.flatMap((item) => (item.kind === 'breakouts' ? item.rooms ?? [] : []))].map((b) => b.id));
    for (const [language, texts] of Object.entries(event.translations ?? {})) {
      for (const id of Object.keys(texts?.agenda ?? {})) if (!itemIds.has(id)) ctx.addIssue({ code: 'custom', path: ['translations', language, 'agenda', id], message: `unknown agenda item "${id}"` });
      for (const id of Object.keys(texts?.breakouts ?? {})) if (!roomIds.has(id)) ctx.addIssue({ code: 'custom', path: ['translations', language, 'breakouts', id], message: `unknown breakout room "${id}"` });
    }
    const speakerIds = new Set(event.speakers.map((s) => s.id));
    event.agenda.forEach((item, i) => {
      if ('stage' in item) {
        item.stage.forEach((id, j) => {
          if (!speakerIds.has(id)) ctx.addIssue({ code: 'custom', path: ['agenda', i, 'stage', j], message: `unknown speaker "${id}"`, params: { problem: 'unknownSpeaker', id } });
        });
      }
      if (item.kind === 'breakouts') checkRound(event, i, ctx);
      // A report-back shows the notes of the round before it, so there must be one.
      if ('showNotes' in item && item.showNotes && !event.agenda.slice(0, i).some((other) => other.kind === 'breakouts')) {
        ctx.addIssue({ code: 'custom', path: ['agenda', i, 'showNotes'], message: 'a report-back (showNotes) needs a breakouts item before it' });
      }
    });
    checkRoomIdsAcrossRounds(event, ctx);
    // A malformed time already has its own issue; comparing it would add a wrong one.
    if (HH_MM.test(event.start) && HH_MM.test(event.end) && event.end <= event.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'end must be after start', params: { problem: 'endAfterStart' } });
    else checkAgendaTimes(event, ctx);
  });

type BreakoutsItemConfig = Extract<z.infer<typeof agendaItemSchema>, { kind: 'breakouts' }>;

/** A breakouts item names its rooms, reuses an earlier item's, or uses the event's; reuse points at an earlier breakouts item. */
function checkRound(event: { breakouts: readonly unknown[]; agenda: readonly z.infer<typeof agendaItemSchema>[] }, i: number, ctx: z.core.$RefinementCtx): void {
  const item = event.agenda[i] as BreakoutsItemConfig;
  if (item.rooms && item.reuse !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['agenda', i, 'reuse'], message: 'a breakouts item either names its rooms or reuses another item\'s, not both' });
    return;
  }
  if (item.reuse !== undefined) {
    const target = event.agenda.findIndex((other) => other.id === item.reuse);
    if (target < 0) ctx.addIssue({ code: 'custom', path: ['agenda', i, 'reuse'], message: `unknown agenda item "${item.reuse}"` });
    else if (event.agenda[target]!.kind !== 'breakouts') ctx.addIssue({ code: 'custom', path: ['agenda', i, 'reuse'], message: `"${item.reuse}" is not a breakouts item` });
    else if (target >= i) ctx.addIssue({ code: 'custom', path: ['agenda', i, 'reuse'], message: `"${item.reuse}" must come before this item` });
    return;
  }
  if (!item.rooms && event.breakouts.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['agenda', i, 'kind'], message: 'a breakouts item needs at least one breakout room (its own rooms, reuse, or the event\'s breakouts)', params: { problem: 'breakoutsNeedRooms' } });
  }
  if (item.select === 'self' && i === 0) {
    ctx.addIssue({ code: 'custom', path: ['agenda', i, 'select'], message: 'a self-select round needs an agenda item before it, during which attendees pick' });
  }
}

/** Room ids name LiveKit rooms, so no two rounds may use the same id for different rooms. */
function checkRoomIdsAcrossRounds(event: { breakouts: readonly { id: string }[]; agenda: readonly z.infer<typeof agendaItemSchema>[] }, ctx: z.core.$RefinementCtx): void {
  const seen = new Map<string, string>(event.breakouts.map((b) => [b.id, 'breakouts']));
  event.agenda.forEach((item, i) => {
    if (item.kind !== 'breakouts' || !item.rooms) return;
    const own = new Set<string>();
    item.rooms.forEach((room, j) => {
      const where = seen.get(room.id);
      if (own.has(room.id)) ctx.addIssue({ code: 'custom', path: ['agenda', i, 'rooms', j, 'id'], message: `duplicate id "${room.id}"` });
      else if (where) ctx.addIssue({ code: 'custom', path: ['agenda', i, 'rooms', j, 'id'], message: `room id "${room.id}" is already used in ${where}` });
      own.add(room.id);
    });
    for (const id of own) if (!seen.has(id)) seen.set(id, `agenda item "${item.id}"`);
  });
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The agenda fits the event's times: no item before the event starts, and the agenda ends when
 * the event ends (the page, the mail and the calendar file all show the event's end).
 */
function checkAgendaTimes(
  event: { start: string; end: string; agenda: readonly { start: string; durationMinutes: number }[] },
  ctx: z.core.$RefinementCtx,
): void {
  if (event.agenda.length === 0 || !HH_MM.test(event.start) || !HH_MM.test(event.end) || event.agenda.some((item) => !HH_MM.test(item.start))) return;
  event.agenda.forEach((item, i) => {
    if (minutesOf(item.start) < minutesOf(event.start)) ctx.addIssue({ code: 'custom', path: ['agenda', i, 'start'], message: `starts at ${item.start}, before the event starts (${event.start})`, params: { problem: 'itemBeforeStart', start: item.start, eventStart: event.start } });
  });
  const ends = event.agenda.map((item) => minutesOf(item.start) + item.durationMinutes);
  const agendaEnd = Math.max(...ends);
  const last = ends.indexOf(agendaEnd);
  if (agendaEnd > minutesOf(event.end)) {
    ctx.addIssue({ code: 'custom', path: ['agenda', last, 'durationMinutes'], message: `the agenda ends at ${hhmmOf(agendaEnd)}, after the event ends (${event.end})`, params: { problem: 'agendaAfterEnd', agendaEnd: hhmmOf(agendaEnd), end: event.end } });
  } else if (agendaEnd < minutesOf(event.end)) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `the event ends at ${event.end} but its agenda ends at ${hhmmOf(agendaEnd)}: make them the same`, params: { problem: 'endNotAgendaEnd', agendaEnd: hhmmOf(agendaEnd), end: event.end } });
  }
}

export type EventConfig = z.infer<typeof eventConfigSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type AgendaItemKind = AgendaItem['kind'];
export type Breakout = z.infer<typeof breakoutSchema>;
export type StaffPlacement = z.infer<typeof staffPlacementSchema>;
export type RegistrationWindow = z.infer<typeof registrationWindowSchema>;

/** The event set-up form's model: an editable draft of an event config, and back. Pure; the server validates. */
import type { AgendaItem, AgendaItemKind, EventConfig } from '@live-workshop/shared';

/** One agenda item being edited; numbers stay text until sent so the server can say what is wrong. */
export interface ItemDraft {
  /** Stable React key, also for items not saved yet. */
  readonly key: string;
  /** Empty for a new item: an id is made from the title when saving. */
  readonly id: string;
  readonly kind: AgendaItemKind;
  readonly title: string;
  readonly start: string;
  readonly durationMinutes: string;
  readonly description: string;
  /** Speakers on stage (plenary, live, closing). */
  readonly stage: readonly string[];
  /** Where staff are during breakouts. */
  readonly staffPlacement: 'backstage' | 'breakouts';
  /** A report-back (plenary, live, closing): the breakout rooms' notes are shown during it. */
  readonly showNotes: boolean;
  /** A breakouts item's rooms: the event's breakout rooms, its own, or an earlier round's (with its people). */
  readonly roomsFrom: 'event' | 'own' | 'reuse';
  /** Its own rooms (roomsFrom `own`). */
  readonly ownRooms: readonly BreakoutDraft[];
  /** The id of the earlier breakouts item whose rooms and people it reuses (roomsFrom `reuse`). */
  readonly reuse: string;
  /** `self`: attendees pick their room during the item before. */
  readonly select: 'assigned' | 'self';
  /** Registration asks for this round's preferences. */
  readonly askPreferences: boolean;
}

/** One breakout room being edited. */
export interface BreakoutDraft {
  readonly key: string;
  readonly id: string;
  readonly title: string;
  readonly topic: string;
  readonly capacity: string;
  readonly facilitator: string;
}

/** The whole form. */
export interface EventDraft {
  readonly title: string;
  readonly description: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
  /** One organiser per line. */
  readonly organisers: string;
  readonly autopilot: boolean;
  /** Percent, empty for the default. */
  readonly attendanceThresholdPercent: string;
  readonly agenda: readonly ItemDraft[];
  readonly breakouts: readonly BreakoutDraft[];
}

/** The kinds of agenda item, in the form's order (their words are the catalogue's `setup.kind.*`). */
export const AGENDA_ITEM_KINDS: readonly AgendaItemKind[] = ['plenary', 'live', 'breakouts', 'break', 'closing'];

/** A breakout room's draft. */
const roomDraftOf = (b: EventConfig['breakouts'][number]): BreakoutDraft => ({
  key: newKey(), id: b.id, title: b.title, topic: b.topic, capacity: String(b.capacity), facilitator: b.facilitator ?? '',
});

/** The round fields of an item that runs no round (or runs the event's rooms, assigned by preferences). */
export const NO_ROUND = { roomsFrom: 'event', ownRooms: [], reuse: '', select: 'assigned', askPreferences: true } as const satisfies Pick<ItemDraft, 'roomsFrom' | 'ownRooms' | 'reuse' | 'select' | 'askPreferences'>;

let nextKey = 0;
/** A key for a row of the form. */
export const newKey = (): string => `row-${++nextKey}`;

/** The form's draft of an event. */
export function draftOf(event: EventConfig): EventDraft {
  return {
    title: event.title,
    description: event.description,
    date: event.date,
    start: event.start,
    end: event.end,
    timeZone: event.timeZone,
    organisers: event.organisers.join('\n'),
    autopilot: event.autopilot === true,
    attendanceThresholdPercent: event.attendanceThreshold === undefined ? '' : String(Math.round(event.attendanceThreshold * 1000) / 10),
    agenda: event.agenda.map((item) => ({
      key: newKey(),
      id: item.id,
      kind: item.kind,
      title: item.title,
      start: item.start,
      durationMinutes: String(item.durationMinutes),
      description: item.description,
      stage: 'stage' in item ? item.stage : [],
      staffPlacement: item.kind === 'breakouts' ? item.staffPlacement : 'backstage',
      showNotes: 'showNotes' in item && item.showNotes === true,
      ...(item.kind === 'breakouts'
        ? {
          roomsFrom: item.rooms ? 'own' as const : item.reuse !== undefined ? 'reuse' as const : 'event' as const,
          ownRooms: (item.rooms ?? []).map(roomDraftOf), reuse: item.reuse ?? '', select: item.select ?? 'assigned', askPreferences: item.askPreferences ?? true,
        }
        : NO_ROUND),
    })),
    breakouts: event.breakouts.map(roomDraftOf),
  };
}

/** A blank agenda item starting where the last one ends. */
export function blankItem(draft: EventDraft): ItemDraft {
  const last = draft.agenda.at(-1);
  let start = draft.start;
  if (last && /^\d\d:\d\d$/.test(last.start) && Number(last.durationMinutes) > 0) {
    const [h, m] = last.start.split(':').map(Number) as [number, number];
    const total = Math.min(h * 60 + m + Number(last.durationMinutes), 23 * 60 + 59);
    start = `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  }
  return { key: newKey(), id: '', kind: 'plenary', title: '', start, durationMinutes: '30', description: '', stage: [], staffPlacement: 'backstage', showNotes: false, ...NO_ROUND };
}

/** A blank breakout room. */
export function blankBreakout(): BreakoutDraft {
  return { key: newKey(), id: '', title: '', topic: '', capacity: '50', facilitator: '' };
}

/** A slug for a new item or room from its title, not clashing with the taken ones. */
export function slugFor(title: string, taken: ReadonlySet<string>, fallback: string): string {
  const base = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '') || fallback;
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

/** A number typed in the form, or the text itself when it is not one (the server then says what is wrong). */
function numberOr(text: string): number | string {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** The full event config to send: the draft over the current config (moderators, speakers, ids and the rest kept). */
export function configOf(draft: EventDraft, base: EventConfig): Record<string, unknown> {
  const itemIds = new Set(draft.agenda.map((i) => i.id).filter(Boolean));
  // Room ids name LiveKit rooms, so a new room's id is unique across every round.
  const roomIds = new Set([...draft.breakouts, ...draft.agenda.flatMap((i) => (i.kind === 'breakouts' && i.roomsFrom === 'own' ? i.ownRooms : []))].map((b) => b.id).filter(Boolean));
  const roomOf = (b: BreakoutDraft, i: number) => {
    const id = b.id || slugFor(b.title.split(':')[0] ?? '', roomIds, `room-${i + 1}`);
    roomIds.add(id);
    return { id, title: b.title.trim(), topic: b.topic.trim(), capacity: numberOr(b.capacity), ...(b.facilitator.trim() ? { facilitator: b.facilitator.trim() } : {}) };
  };
  const agenda = draft.agenda.map((item, i) => {
    const id = item.id || slugFor(item.title, itemIds, `item-${i + 1}`);
    itemIds.add(id);
    const common = { id, title: item.title.trim(), start: item.start, durationMinutes: numberOr(item.durationMinutes), description: item.description.trim() };
    switch (item.kind) {
      case 'breakouts': {
        const rooms = item.roomsFrom === 'own' ? { rooms: item.ownRooms.map(roomOf) } : item.roomsFrom === 'reuse' ? { reuse: item.reuse } : {};
        return {
          ...common, kind: item.kind, staffPlacement: item.staffPlacement, ...rooms,
          ...(item.select === 'self' ? { select: 'self' } : {}), ...(item.askPreferences ? {} : { askPreferences: false }),
        };
      }
      case 'break':
        return { ...common, kind: item.kind };
      case 'plenary':
      case 'live':
      case 'closing':
        return { ...common, kind: item.kind, stage: [...item.stage], ...(item.showNotes ? { showNotes: true } : {}) };
    }
  }) satisfies Record<string, unknown>[];
  const breakouts = draft.breakouts.map(roomOf);
  const { autopilot: _autopilot, attendanceThreshold: _threshold, ...rest } = base;
  const percent = numberOr(draft.attendanceThresholdPercent);
  return {
    ...rest,
    title: draft.title.trim(),
    description: draft.description.trim(),
    date: draft.date,
    start: draft.start,
    end: draft.end,
    timeZone: draft.timeZone.trim(),
    organisers: draft.organisers.split('\n').map((o) => o.trim()).filter(Boolean),
    ...(draft.autopilot ? { autopilot: true } : {}),
    ...(percent === '' ? {} : { attendanceThreshold: typeof percent === 'number' ? percent / 100 : percent }),
    agenda,
    breakouts,
  };
}

/** Whether an item kind puts speakers on stage. */
export const hasStage = (kind: AgendaItemKind): kind is Extract<AgendaItem, { stage: string[] }>['kind'] => kind === 'plenary' || kind === 'live' || kind === 'closing';

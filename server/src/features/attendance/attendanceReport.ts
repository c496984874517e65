import { breakoutIdOf, roundOfRoom, roundsOf, type AgendaItem, type EventConfig, type OccupancySeries, type RoomId } from '@live-workshop/shared';
import type { AttendanceEvent, TimelineEntry } from './attendanceStore.js';

/** A stretch of time, [from, to) in epoch milliseconds. */
export interface Interval {
  readonly from: number;
  readonly to: number;
}

/** A stretch during which one agenda item ran. An item that was returned to has several. */
export interface ItemSegment extends Interval {
  readonly itemIndex: number;
}

/** How long one person was present in one agenda item, and where. */
export interface ItemAttendance {
  readonly itemIndex: number;
  readonly itemId: string;
  readonly title: string;
  readonly kind: AgendaItem['kind'];
  /** How long the item ran. */
  readonly runMs: number;
  /** Time in any LiveKit room of the event while the item ran. */
  readonly presentMs: number;
  /** Time connected to the workshop page (Socket.IO) while the item ran. */
  readonly connectedMs: number;
  readonly rooms: readonly { readonly roomId: RoomId; readonly ms: number }[];
}

/** One person's attendance, measured against what the agenda really did. */
export interface ParticipantAttendance {
  readonly participantId: string;
  /** Total running time of the agenda's items. */
  readonly agendaMs: number;
  readonly presentMs: number;
  /** presentMs / agendaMs (0 when nothing ran). */
  readonly share: number;
  readonly items: readonly ItemAttendance[];
  /** The breakout room the person spent most time in while breakouts ran. */
  readonly breakout: { readonly breakoutId: string; readonly title: string; readonly ms: number } | null;
  /** Per round of breakouts (in agenda order), the room the person spent most time in during that round; rounds they missed are left out. */
  readonly rounds: readonly { readonly roundKey: string; readonly roundTitle: string; readonly breakoutId: string; readonly title: string; readonly ms: number }[];
}

/** The stretches during which agenda items ran; the last one runs until `until`. */
export function itemSegments(timeline: readonly TimelineEntry[], until: number): ItemSegment[] {
  const segments: ItemSegment[] = [];
  timeline.forEach((entry, i) => {
    if (entry.itemIndex === null) return;
    const to = Math.min(timeline[i + 1]?.at ?? until, until);
    if (to > entry.at) segments.push({ itemIndex: entry.itemIndex, from: entry.at, to });
  });
  return segments;
}

/** Join overlapping or touching intervals. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged.at(-1);
    if (last && next.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, next.to) };
    else merged.push(next);
  }
  return merged;
}

/** Milliseconds of `intervals` that fall inside `window`. */
export function overlapMs(intervals: readonly Interval[], window: Interval): number {
  let total = 0;
  for (const i of intervals) total += Math.max(0, Math.min(i.to, window.to) - Math.max(i.from, window.from));
  return total;
}

/** One person's intervals per room (media) or of their connection (key "signal"); what is still open runs until `until`. */
export function intervalsByPlace(events: readonly AttendanceEvent[], until: number): Map<RoomId | 'signal', Interval[]> {
  const open = new Map<RoomId | 'signal', number>();
  const byPlace = new Map<RoomId | 'signal', Interval[]>();
  const close = (place: RoomId | 'signal', from: number, to: number) => {
    if (to <= from) return;
    const list = byPlace.get(place);
    if (list) list.push({ from, to });
    else byPlace.set(place, [{ from, to }]);
  };
  for (const e of events) {
    const place = e.source === 'signal' ? 'signal' : e.roomId;
    if (place === null) continue;
    const since = open.get(place);
    if (e.kind === 'joined' && since === undefined) open.set(place, e.at);
    else if (e.kind === 'left' && since !== undefined) {
      close(place, since, e.at);
      open.delete(place);
    }
  }
  for (const [place, since] of open) close(place, since, until);
  for (const [place, list] of byPlace) byPlace.set(place, mergeIntervals(list));
  return byPlace;
}

/** Time present per agenda item and the breakout attended, for one person's facts (in time order). */
export function attendanceOf(event: EventConfig, participantId: string, events: readonly AttendanceEvent[], segments: readonly ItemSegment[], until: number): ParticipantAttendance {
  const places = intervalsByPlace(events, until);
  const rooms = [...places.entries()].filter((e): e is [RoomId, Interval[]] => e[0] !== 'signal');
  const anyRoom = mergeIntervals(rooms.flatMap(([, list]) => list));
  const connected = places.get('signal') ?? [];
  const items = event.agenda.map((item, itemIndex): ItemAttendance => {
    const segs = segments.filter((s) => s.itemIndex === itemIndex);
    const sum = (list: readonly Interval[]) => segs.reduce((total, s) => total + overlapMs(list, s), 0);
    return {
      itemIndex, itemId: item.id, title: item.title, kind: item.kind,
      runMs: segs.reduce((total, s) => total + (s.to - s.from), 0),
      presentMs: sum(anyRoom),
      connectedMs: sum(connected),
      rooms: rooms.map(([roomId, list]) => ({ roomId, ms: sum(list) })).filter((r) => r.ms > 0).sort((a, b) => b.ms - a.ms),
    };
  });
  const agendaMs = items.reduce((t, i) => t + i.runMs, 0);
  const presentMs = items.reduce((t, i) => t + i.presentMs, 0);
  const inBreakouts = new Map<string, number>();
  for (const item of items) {
    if (item.kind !== 'breakouts') continue;
    for (const r of item.rooms) {
      const id = breakoutIdOf(r.roomId);
      if (id) inBreakouts.set(id, (inBreakouts.get(id) ?? 0) + r.ms);
    }
  }
  const titleOf = (id: string) => roundOfRoom(event, id)?.rooms.find((b) => b.id === id)?.title ?? id;
  const [top] = [...inBreakouts.entries()].sort((a, b) => b[1] - a[1]);
  const breakout = top ? { breakoutId: top[0], title: titleOf(top[0]), ms: top[1] } : null;
  // Room ids are unique across rounds, so each room's time belongs to its round.
  const rounds = roundsOf(event).flatMap((round) => {
    const [best] = round.rooms.map((room) => [room.id, inBreakouts.get(room.id) ?? 0] as const).filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]);
    return best ? [{ roundKey: round.key, roundTitle: round.title, breakoutId: best[0], title: titleOf(best[0]), ms: best[1] }] : [];
  });
  return { participantId, agendaMs, presentMs, share: agendaMs > 0 ? presentMs / agendaMs : 0, items, breakout, rounds };
}

/** Occupancy of every room over [from, to) in steps of stepMs (from is rounded down to a step). */
export function occupancyOf(events: readonly AttendanceEvent[], from: number, to: number, stepMs: number): OccupancySeries {
  const start = Math.floor(from / stepMs) * stepMs;
  const steps = Math.max(0, Math.ceil((to - start) / stepMs));
  const byPerson = new Map<string, AttendanceEvent[]>();
  for (const e of events) {
    if (e.source !== 'media') continue;
    const list = byPerson.get(e.participantId);
    if (list) list.push(e);
    else byPerson.set(e.participantId, [e]);
  }
  const counts = new Map<RoomId, number[]>();
  for (const list of byPerson.values()) {
    for (const [place, intervals] of intervalsByPlace(list, to)) {
      if (place === 'signal') continue;
      const row = counts.get(place) ?? new Array<number>(steps).fill(0);
      counts.set(place, row);
      let counted = -1;
      for (const i of intervals) {
        const first = Math.max(0, Math.floor((i.from - start) / stepMs), counted + 1);
        const last = Math.min(steps - 1, Math.ceil((i.to - start) / stepMs) - 1);
        for (let s = first; s <= last; s++) row[s]! += 1;
        counted = Math.max(counted, last);
      }
    }
  }
  const rooms = [...counts.keys()].sort();
  const points = Array.from({ length: steps }, (_, s) => ({
    at: start + s * stepMs,
    counts: Object.fromEntries(rooms.map((r) => [r, counts.get(r)![s]!])),
  }));
  return { stepMs, rooms, points };
}

/** Room occupancy series in the console's words: which rooms to show, their names, and the rows of the table fallback. */
import type { EventConfig, OccupancySeries, RoomId } from '@live-workshop/shared';
import { describeRoom } from '../ui/words.js';
import { t } from '../i18n/i18n.js';

/** A short room name for a legend: "Plenary", "Backstage", "Breakout 2: Building Trust". */
export function roomLabel(event: EventConfig, roomId: string): string {
  if (roomId === 'plenary') return t('rooms.plenary');
  if (roomId === 'backstage') return t('console.occupancy.backstage');
  return describeRoom(event, roomId as RoomId);
}

/** The rooms worth drawing: those anybody was in (all of them when nobody was anywhere yet). */
export function roomsShown(series: OccupancySeries): string[] {
  const used = series.rooms.filter((r) => series.points.some((p) => (p.counts[r] ?? 0) > 0));
  return used.length > 0 ? used : [...series.rooms];
}

/** The steps where any count changed (and the last one): the table fallback stays short and says the same. */
export function changeRows(series: OccupancySeries, rooms: readonly string[]): OccupancySeries['points'] {
  const rows: OccupancySeries['points'][number][] = [];
  let previous: string | null = null;
  series.points.forEach((p, i) => {
    const key = rooms.map((r) => p.counts[r] ?? 0).join(',');
    if (key !== previous || i === series.points.length - 1) rows.push(p);
    previous = key;
  });
  return rows;
}

/** "Plenary peaked at 12 people; Breakout 1: Shaping Skills at 5." for the chart's text alternative. */
export function peaksSummary(series: OccupancySeries, rooms: readonly string[], event: EventConfig): string {
  const parts = rooms.map((r) => `${roomLabel(event, r)} ${Math.max(0, ...series.points.map((p) => p.counts[r] ?? 0))}`);
  return t('console.occupancy.peaks', { rooms: parts.join(', ') });
}

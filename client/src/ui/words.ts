/** How rooms and phases are named on screen, in the workshop's words. */
import type { EventConfig, Phase, RoomId } from '@live-workshop/shared';
import { breakoutIdOf, roundOfRoom } from '@live-workshop/shared/pure';
import { t } from '../i18n/i18n.js';

/** The breakout of a room id with its 1-based number, or null. */
export function breakoutOf(event: EventConfig | null, roomId: RoomId | null) {
  if (!event || !roomId) return null;
  const id = breakoutIdOf(roomId);
  if (!id) return null;
  // Room ids are unique across rounds: the room's own round numbers it.
  const rooms = (id !== null && roundOfRoom(event, id)?.rooms) || event.breakouts;
  const index = rooms.findIndex((b) => b.id === id);
  return index < 0 ? null : { number: index + 1, breakout: rooms[index]! };
}

/** The short part of a title before its colon: "Building Trust". */
export function shortTitle(title: string): string {
  const i = title.indexOf(':');
  return i > 0 ? title.slice(0, i).trim() : title;
}

/** "Breakout 2: Building Trust", "the plenary", "backstage (green room)". */
export function describeRoom(event: EventConfig | null, roomId: RoomId | null): string {
  if (!roomId) return t('rooms.none');
  if (roomId === 'plenary') return t('rooms.thePlenary');
  if (roomId === 'backstage') return t('rooms.theBackstage');
  const b = breakoutOf(event, roomId);
  if (b) return t('rooms.breakout', { number: b.number, title: shortTitle(b.breakout.title) });
  return t('rooms.breakoutById', { id: breakoutIdOf(roomId) ?? roomId });
}

/** The full title of a room, for headings. */
export function roomTitle(event: EventConfig | null, roomId: RoomId | null): string {
  if (!roomId) return '';
  if (roomId === 'plenary') return t('rooms.plenary');
  if (roomId === 'backstage') return t('rooms.backstage');
  const b = breakoutOf(event, roomId);
  return b ? t('rooms.breakout', { number: b.number, title: b.breakout.title }) : roomId;
}

/** The heading of a phase: the agenda item's title, or the state of the event. */
export function phaseTitle(event: EventConfig | null, phase: Phase | null): string {
  if (!phase) return t('rooms.phase.connecting');
  switch (phase.kind) {
    case 'scheduled':
      return t('rooms.phase.scheduled');
    case 'lobby':
      return t('rooms.phase.lobby');
    case 'ended':
      return t('rooms.phase.ended');
    default:
      return event?.agenda[phase.itemIndex]?.title ?? t('rooms.phase.item');
  }
}

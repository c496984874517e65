/** LiveKit rooms of an event and the workshop's room ids (zod-free: the browser imports these). */

/** A LiveKit room of the event, by its meaning in the workshop. */
export type RoomId = 'plenary' | 'backstage' | `breakout:${string}`;

/** The room id of a breakout room. */
export const breakoutRoomId = (breakoutId: string): RoomId => `breakout:${breakoutId}`;

/** The breakout id inside a breakout room id, or null for other rooms. */
export const breakoutIdOf = (roomId: RoomId): string | null =>
  roomId.startsWith('breakout:') ? roomId.slice('breakout:'.length) : null;

/** Maximum length LiveKit accepts for a room name. */
export const LIVEKIT_ROOM_NAME_MAX = 256;

/** The one place that names LiveKit rooms: `<eventId>--<room>`, e.g. `cedefop-2025--breakout-trust`. */
export function livekitRoomName(eventId: string, roomId: RoomId): string {
  return `${eventId}--${roomId.replace(':', '-')}`;
}

/** Reverse of livekitRoomName for rooms of the given event; null when the name is not one of ours. */
export function roomIdFromLivekitName(eventId: string, name: string): RoomId | null {
  const prefix = `${eventId}--`;
  if (!name.startsWith(prefix)) return null;
  const rest = name.slice(prefix.length);
  if (rest === 'plenary' || rest === 'backstage') return rest;
  if (rest.startsWith('breakout-') && rest.length > 'breakout-'.length) return `breakout:${rest.slice('breakout-'.length)}`;
  return null;
}

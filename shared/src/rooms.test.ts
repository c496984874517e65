import { describe, expect, test } from 'vitest';
import { breakoutIdOf, breakoutRoomId, type RoomId } from './domain.js';
import { LIVEKIT_ROOM_NAME_MAX, livekitRoomName, roomIdFromLivekitName } from './rooms.js';

describe('livekitRoomName', () => {
  test.each<[eventId: string, roomId: RoomId, name: string]>([
    ['cedefop-2025', 'plenary', 'cedefop-2025--plenary'],
    ['cedefop-2025', 'backstage', 'cedefop-2025--backstage'],
    ['cedefop-2025', 'breakout:trust', 'cedefop-2025--breakout-trust'],
    ['microcredentials-2025', 'breakout:global-credentials', 'microcredentials-2025--breakout-global-credentials'],
  ])('%s + %s → %s', (eventId, roomId, name) => {
    expect(livekitRoomName(eventId, roomId)).toBe(name);
  });

  test('the longest possible name fits LiveKit', () => {
    const longestSlug = 'x'.repeat(48);
    expect(livekitRoomName(longestSlug, breakoutRoomId(longestSlug)).length).toBeLessThanOrEqual(LIVEKIT_ROOM_NAME_MAX);
  });
});

describe('roomIdFromLivekitName', () => {
  const rooms: RoomId[] = ['plenary', 'backstage', 'breakout:trust', 'breakout:skills', 'breakout:a-b-c', 'breakout:9'];
  const events = ['cedefop-2025', 'a', 'event--with--dashes'];

  test.each(events.flatMap((eventId) => rooms.map((roomId) => [eventId, roomId] as const)))(
    'round trip: %s / %s',
    (eventId, roomId) => {
      expect(roomIdFromLivekitName(eventId, livekitRoomName(eventId, roomId))).toBe(roomId);
    },
  );

  test.each([
    ['another event', 'other-2025--plenary'],
    ['a prefix of the event id', 'cedefop--plenary'],
    ['a single dash separator', 'cedefop-2025-plenary'],
    ['no room', 'cedefop-2025--'],
    ['an unknown room', 'cedefop-2025--lobby'],
    ['a breakout without an id', 'cedefop-2025--breakout-'],
    ['the room id instead of the room name', 'cedefop-2025--breakout:trust'],
    ['a suffix after a fixed room', 'cedefop-2025--plenary-2'],
    ['nothing at all', ''],
  ])('%s is not one of ours: %j', (_name, livekitName) => {
    expect(roomIdFromLivekitName('cedefop-2025', livekitName)).toBeNull();
  });
});

describe('breakout room ids', () => {
  test.each<[RoomId, string | null]>([
    ['breakout:trust', 'trust'],
    ['breakout:a-b', 'a-b'],
    ['plenary', null],
    ['backstage', null],
  ])('breakoutIdOf(%s) → %s', (roomId, breakoutId) => {
    expect(breakoutIdOf(roomId)).toBe(breakoutId);
    if (breakoutId !== null) expect(breakoutRoomId(breakoutId)).toBe(roomId);
  });
});

/**
 * Two values of @live-workshop/shared that live in modules which also build zod schemas at load
 * time (domain.ts, protocol/payloads.ts). Importing them would put zod into the attendee bundle
 * (~26 kB gzip) for a number and a one-liner, so they are restated here; sharedValues.test.ts
 * fails the moment they drift from shared. Everything else comes from @live-workshop/shared.
 */
import type { RoomId } from '@live-workshop/shared';

/** Same as shared's CHAT_MAX_CHARS. */
export const CHAT_MAX_CHARS = 1000;

/** Same as shared's breakoutIdOf: the breakout id inside a breakout room id, or null. */
export const breakoutIdOf = (roomId: RoomId): string | null => (roomId.startsWith('breakout:') ? roomId.slice('breakout:'.length) : null);

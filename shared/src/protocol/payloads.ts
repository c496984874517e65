import { z } from 'zod';
import { clientActionSchema } from '../engine/actions.js';
import { CHAT_MAX_CHARS } from '../limits.js';

/** A command a participant sends: the action and the agenda version they saw. */
export const agendaCommandPayload = z.strictObject({
  expectedVersion: z.number().int().min(0),
  action: clientActionSchema,
});
export type AgendaCommandPayload = z.infer<typeof agendaCommandPayload>;

// Defined where no schema is built, so the browser can show it without loading zod.
export { CHAT_MAX_CHARS } from '../limits.js';

/** A chat message to the room the sender is in. */
export const chatSendPayload = z.strictObject({ text: z.string().trim().min(1).max(CHAT_MAX_CHARS) });
export type ChatSendPayload = z.infer<typeof chatSendPayload>;

/** A room of the event, as a client may name it. */
const roomIdSchema = z.union([z.literal('plenary'), z.literal('backstage'), z.templateLiteral(['breakout:', z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/)])]);

/** A moderator asks for a token to look into a room. */
export const visitRoomPayload = z.strictObject({ roomId: roomIdSchema });
export type VisitRoomPayload = z.infer<typeof visitRoomPayload>;

/** A moderator, or a breakout room's facilitator for someone in their room: mute that person's microphone. */
export const muteParticipantPayload = z.strictObject({ participantId: z.string().min(1).max(64) });
export type MuteParticipantPayload = z.infer<typeof muteParticipantPayload>;

/** An attendee asks the moderators for help. */
export const helpRequestPayload = z.strictObject({ text: z.string().trim().max(300).default('') });
export type HelpRequestPayload = z.infer<typeof helpRequestPayload>;

/** A page's correlation id: the same on its connection's server log lines and in its move reports. */
export const correlationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

/**
 * A client reports how its move goes: the cue reached it and it is switching (`started`; then
 * `cueToConnectedMs` is the time from the cue to that moment), connected (cue to connected and
 * publishing), or a connect attempt that failed (`cueToConnectedMs` is then the time to the failure).
 */
export const moveReportPayload = z.strictObject({
  phaseKey: z.string().max(32),
  roomId: roomIdSchema,
  cueToConnectedMs: z.number().min(0).max(600_000),
  cueToPublishingMs: z.number().min(0).max(600_000).nullable(),
  /** Absent: connected (what clients before it reported). */
  outcome: z.enum(['started', 'connected', 'failed']).optional(),
  /** A finished move: whether it switched into a room joined before the cue (false: it joined after the cue). */
  preJoined: z.boolean().optional(),
  /** The page's correlation id (see correlationIdSchema). */
  correlationId: correlationIdSchema.optional(),
});
export type MoveReportPayload = z.infer<typeof moveReportPayload>;

/** Nothing: requests that take no arguments. */
export const emptyPayload = z.strictObject({}).optional();

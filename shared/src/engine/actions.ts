import { z } from 'zod';
import { roleSchema } from '../domain.js';
import { eventConfigSchema, slugSchema } from '../event/eventConfig.js';

const participantId = z.string().min(1).max(64);

/** Actions a moderator may take on the agenda (phase and clock). */
export const agendaActionSchema = z.discriminatedUnion('type', [
  /** Let attendees into the lobby. */
  z.strictObject({ type: z.literal('openDoors') }),
  /** Start the first agenda item. */
  z.strictObject({ type: z.literal('start') }),
  /** Go on to the next agenda item (or end after the last). */
  z.strictObject({ type: z.literal('next') }),
  /** Jump to a given agenda item. */
  z.strictObject({ type: z.literal('goTo'), itemIndex: z.number().int().min(0).max(1000) }),
  /** Give the current item more time. */
  z.strictObject({ type: z.literal('extend'), minutes: z.number().int().min(1).max(240) }),
  /** Close the breakout rooms now and bring everyone back. */
  z.strictObject({ type: z.literal('endBreakouts') }),
  /** Stop the item's clock. */
  z.strictObject({ type: z.literal('pause') }),
  /** Restart the item's clock. */
  z.strictObject({ type: z.literal('resume') }),
  /** End the event for everyone. */
  z.strictObject({ type: z.literal('end') }),
]);

/** Actions a moderator may take on people. */
export const rosterActionSchema = z.discriminatedUnion('type', [
  /** Put a person in another breakout room. */
  z.strictObject({ type: z.literal('reassign'), participantId, breakoutId: slugSchema }),
  /** Redistribute attendees over the breakouts honouring preferences and capacity. */
  z.strictObject({ type: z.literal('autoBalance') }),
  /** Bring an attendee on stage (may publish in the plenary). */
  z.strictObject({ type: z.literal('promoteToStage'), participantId }),
  /** Send an attendee back to the audience. */
  z.strictObject({ type: z.literal('returnToAudience'), participantId }),
  /** Lower someone's raised hand. */
  z.strictObject({ type: z.literal('lowerHand'), participantId }),
  /** Take a person out of the event. */
  z.strictObject({ type: z.literal('remove'), participantId }),
  /** A message shown in every room. */
  z.strictObject({ type: z.literal('broadcast'), text: z.string().trim().min(1).max(500) }),
]);

/** Actions any participant may take on themselves. */
export const selfActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('raiseHand') }),
  z.strictObject({ type: z.literal('lowerOwnHand') }),
]);

/** Actions only the server itself issues. */
export const systemActionSchema = z.discriminatedUnion('type', [
  /** A person registered or was invited: place them. */
  z.strictObject({
    type: z.literal('admit'),
    participant: z.strictObject({
      id: participantId,
      name: z.string().min(1).max(120),
      role: roleSchema,
      preferences: z.array(slugSchema).max(2),
    }),
  }),
  /** A moderator edited the event before it started (validated like an event file). */
  z.strictObject({ type: z.literal('replaceEvent'), event: eventConfigSchema }),
  /** A deadline scheduled by an earlier step came due. */
  z.strictObject({ type: z.literal('deadlineReached'), deadline: z.enum(['itemEnd', 'breakoutWarning']) }),
]);

/** Every action a client may send (moderator, roster or self). */
export const clientActionSchema = z.union([agendaActionSchema, rosterActionSchema, selfActionSchema]);

export type AgendaAction = z.infer<typeof agendaActionSchema>;
export type RosterAction = z.infer<typeof rosterActionSchema>;
export type SelfAction = z.infer<typeof selfActionSchema>;
export type SystemAction = z.infer<typeof systemActionSchema>;
export type ClientAction = z.infer<typeof clientActionSchema>;
export type Action = ClientAction | SystemAction;

/** Who issues a command. */
export type Actor =
  | { readonly kind: 'participant'; readonly participantId: string; readonly role: 'attendee' | 'speaker' | 'moderator' }
  | { readonly kind: 'system' };

/** What step() takes: an action, who sends it, and the agenda version they saw. */
export interface Command {
  readonly action: Action;
  readonly by: Actor;
  readonly expectedVersion: number;
}

import { z } from 'zod';
import { roleSchema, type Role } from '../domain.js';
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
  z.strictObject({
    type: z.literal('reassign'),
    participantId,
    breakoutId: slugSchema,
    /** Place the person even when the room is full (the moderator confirmed it). */
    overCapacity: z.boolean().optional(),
  }),
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
  /** A captioner chooses the breakout they hear and caption while the breakouts run (null: the stage, heard from backstage then). */
  z.strictObject({ type: z.literal('captionRoom'), breakoutId: slugSchema.nullable() }),
  /** Pick your own room in a self-select round (during the item before it). */
  z.strictObject({ type: z.literal('pickBreakout'), breakoutId: slugSchema }),
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
      /** Preferences for the rounds with their own rooms, by round (the id of the item naming them). */
      roundPreferences: z.record(slugSchema, z.array(slugSchema).max(2)).optional(),
      /** A facilitator's room (role `facilitator` only, and required for it). */
      facilitates: slugSchema.optional(),
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

/** The action types of one family, read from its schema (the one list of them). */
function typesOf<T extends string>(schema: { readonly options: readonly { readonly shape: { readonly type: { readonly value: T } } }[] }): ReadonlySet<string> {
  return new Set(schema.options.map((option) => option.shape.type.value));
}

/** Every action type by family, derived from the schemas above. */
export const ACTION_TYPES = {
  agenda: typesOf(agendaActionSchema),
  roster: typesOf(rosterActionSchema),
  self: typesOf(selfActionSchema),
  system: typesOf(systemActionSchema),
} as const;

export const isAgendaAction = (action: Action): action is AgendaAction => ACTION_TYPES.agenda.has(action.type);
export const isRosterAction = (action: Action): action is RosterAction => ACTION_TYPES.roster.has(action.type);
export const isSelfAction = (action: Action): action is SelfAction => ACTION_TYPES.self.has(action.type);
export const isSystemAction = (action: Action): action is SystemAction => ACTION_TYPES.system.has(action.type);

/**
 * The server's agents that act for the organisers (the autopilot, a deletion, the preview of the
 * next cue): they may run agenda and roster actions, never a person's own or the server's
 * bookkeeping. The command log records each under an id no person can have (it contains a colon).
 */
export const AGENT_IDS = { autopilot: 'server:autopilot', privacy: 'server:privacy', preview: 'server:preview' } as const;
export type Agent = keyof typeof AGENT_IDS;

/** Who issues a command. */
export type Actor =
  /** A person, with the role their credential carries. */
  | { readonly kind: 'participant'; readonly participantId: string; readonly role: Role }
  /** The server's own bookkeeping: admissions, event edits, deadlines. */
  | { readonly kind: 'system' }
  /** A server agent acting for the organisers. */
  | { readonly kind: 'agent'; readonly agent: Agent; readonly participantId: (typeof AGENT_IDS)[Agent] };

/** The actor of a server agent. */
export const agentActor = (agent: Agent): Actor => ({ kind: 'agent', agent, participantId: AGENT_IDS[agent] });

/** What step() takes: an action, who sends it, and the agenda version they saw. */
export interface Command {
  readonly action: Action;
  readonly by: Actor;
  readonly expectedVersion: number;
}

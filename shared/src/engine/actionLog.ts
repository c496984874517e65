import type { Action, Actor, Agent } from './actions.js';
import { isAgendaAction, isRosterAction } from './actions.js';
import type { AgendaState } from './state.js';
import { isItemPhase } from './state.js';

/** One line of the moderators' action log: who did what, when, and where the agenda was after it. */
export interface ActionLogEntry {
  /** The agenda version after the command (roster actions and broadcasts leave it as it was). */
  readonly version: number;
  readonly at: number;
  /** A person (by id: names are looked up when the log is read), a server agent, or a deadline. */
  readonly by: { readonly kind: 'person'; readonly id: string } | { readonly kind: 'agent'; readonly agent: Agent } | { readonly kind: 'deadline' };
  readonly action: LoggedAction;
  /** The agenda item running after the command, or null (before the start, after the end). */
  readonly itemIndex: number | null;
}

/** The part of an action the log keeps: its type, and whom or what it was about. */
export interface LoggedAction {
  readonly type: string;
  readonly participantId?: string;
  readonly breakoutId?: string;
  readonly minutes?: number;
  readonly itemIndex?: number;
  readonly deadline?: string;
  readonly text?: string;
}

/** The same entry as a moderator reads it: names resolved (null: nobody by that id any more). */
export interface ActionLogLine extends ActionLogEntry {
  readonly byName: string | null;
  readonly participantName: string | null;
}

/** How many lines the console keeps and a moderator is sent on connecting. */
export const ACTION_LOG_LINES = 100;

/**
 * The log entry of an accepted command, or null when it is none of the moderators' business to
 * see in the log: a person's own hand, the server's bookkeeping (admissions, event edits, the
 * closing warning). An item that ends by its time is logged as the deadline's doing.
 */
export function actionLogEntryOf(actor: Actor, action: Action, after: AgendaState, at: number): ActionLogEntry | null {
  let by: ActionLogEntry['by'];
  if (action.type === 'deadlineReached') {
    if (action.deadline !== 'itemEnd') return null;
    by = { kind: 'deadline' };
  } else if (!isAgendaAction(action) && !isRosterAction(action)) return null;
  else if (actor.kind === 'agent') by = { kind: 'agent', agent: actor.agent };
  else if (actor.kind === 'participant') by = { kind: 'person', id: actor.participantId };
  else return null;
  const { type, ...rest } = action as Action & Record<string, unknown>;
  const kept: { -readonly [K in keyof LoggedAction]: LoggedAction[K] } = { type };
  for (const key of ['participantId', 'breakoutId', 'minutes', 'itemIndex', 'deadline', 'text'] as const) {
    const value = rest[key];
    if (typeof value === 'string' || typeof value === 'number') (kept as Record<string, unknown>)[key] = value;
  }
  return { version: after.version, at, by, action: kept, itemIndex: isItemPhase(after.phase) ? after.phase.itemIndex : null };
}

/** Names for a log entry from the agenda's people (staff are among them). */
export function actionLogLineOf(entry: ActionLogEntry, nameOf: (participantId: string) => string | null): ActionLogLine {
  return {
    ...entry,
    byName: entry.by.kind === 'person' ? nameOf(entry.by.id) : null,
    participantName: entry.action.participantId ? nameOf(entry.action.participantId) : null,
  };
}

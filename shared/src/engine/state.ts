import type { EventConfig } from '../event/eventConfig.js';
import type { Participant } from '../domain.js';

/** The clock of the current agenda item; absolute times so a restart loses nothing. */
export type ItemTimer =
  | { readonly status: 'running'; readonly endsAt: number }
  | { readonly status: 'paused'; readonly remainingMs: number };

/** Fields every agenda-item phase has. */
interface ItemPhaseBase {
  readonly itemIndex: number;
  readonly startedAt: number;
  readonly timer: ItemTimer;
}

/** Where the event is. Each variant holds only its own fields. */
export type Phase =
  | { readonly kind: 'scheduled' }
  | { readonly kind: 'lobby'; readonly openedAt: number }
  | (ItemPhaseBase & { readonly kind: 'plenary' })
  | (ItemPhaseBase & { readonly kind: 'live' })
  | (ItemPhaseBase & { readonly kind: 'breakouts' })
  | (ItemPhaseBase & { readonly kind: 'break' })
  | (ItemPhaseBase & { readonly kind: 'closing' })
  | { readonly kind: 'ended'; readonly endedAt: number };

/** A phase that runs an agenda item. */
export type ItemPhase = Extract<Phase, { itemIndex: number }>;

/** The whole live state of one event. */
export interface AgendaState {
  readonly event: EventConfig;
  /** Version of the public agenda (phase and clock); commands carry the one they expect. */
  readonly version: number;
  /** Bumped on every change of the roster (admissions, assignments, stage, hands). */
  readonly rosterRevision: number;
  readonly phase: Phase;
  readonly participants: Readonly<Record<string, Participant>>;
  readonly nextSeq: number;
}

/** A fresh event, before the doors open. */
export function initialState(event: EventConfig): AgendaState {
  return { event, version: 1, rosterRevision: 1, phase: { kind: 'scheduled' }, participants: {}, nextSeq: 1 };
}

/** True when the phase runs an agenda item. */
export const isItemPhase = (phase: Phase): phase is ItemPhase => 'itemIndex' in phase;

/** A stable key for the phase, used to match prepared assignments to the cue that uses them. */
export function phaseKey(phase: Phase): string {
  return isItemPhase(phase) ? `item:${phase.itemIndex}` : phase.kind;
}

/** Milliseconds left on the item's clock (negative when over time). */
export function remainingMs(timer: ItemTimer, now: number): number {
  return timer.status === 'running' ? timer.endsAt - now : timer.remainingMs;
}

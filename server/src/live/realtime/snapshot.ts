import { phaseKey, type AgendaSnapshot, type AgendaState } from '@live-workshop/shared';

/** The public snapshot of the agenda, stamped with server time. */
export function snapshotOf(state: AgendaState, serverTime: number): AgendaSnapshot {
  return { eventId: state.event.id, version: state.version, phaseKey: phaseKey(state.phase), phase: state.phase, serverTime };
}

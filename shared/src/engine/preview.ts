import { agentActor } from './actions.js';
import { step } from './step.js';
import type { AgendaState } from './state.js';

/** The state after the moderator's next cue, if there is one; used to prepare moves before the cue. */
export function previewNext(state: AgendaState, now: number): AgendaState | null {
  if (state.phase.kind === 'scheduled' || state.phase.kind === 'ended') return null;
  const result = step(state, { action: { type: 'next' }, by: agentActor('preview'), expectedVersion: state.version }, now);
  return result.ok ? result.state : null;
}

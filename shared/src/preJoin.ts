/**
 * Pre-joined connections (issue 14): a LiveKit connection made before the cue that moves its
 * person there. Every join token carries the agenda position from which its connection counts
 * (`lw.activeFrom`, an attribute set by our server in the token, which the participant cannot
 * change); a connection whose position the agenda has not reached yet is a pre-join: other pages
 * do not show it, presence, attendance and certificates count it as absent. The one rule, for
 * both sides, is `isActiveConnection`.
 *
 * Why an attribute and not LiveKit's `hidden` grant with `updateParticipant` at the cue: the
 * cue is one broadcast encoded once; un-hiding would add one room-API call per person moving
 * (thousands at a plenary cue) between the cue and anyone being seen, and a hidden participant's
 * tracks are hidden too, so publishing would wait for that call. With the attribute every page
 * flips at the moment its own cue arrives, with no call at all; the cost is that a pre-joined
 * person's name reaches the few pages already in that room (usually none: the next room is
 * empty until the cue), which do not show it.
 */
import { isItemPhase, type Phase } from './engine/state.js';

/** The token attribute holding the agenda position from which a connection counts. */
export const ACTIVE_FROM_ATTRIBUTE = 'lw.activeFrom';

/** Where a phase stands in the agenda, as a number: before the doors, the lobby, item 0, 1, …, the end. */
export function agendaPosition(phase: Phase): number {
  if (isItemPhase(phase)) return phase.itemIndex;
  switch (phase.kind) {
    case 'scheduled':
      return -2;
    case 'lobby':
      return -1;
    case 'ended':
      return Number.MAX_SAFE_INTEGER;
  }
}

/** The agenda position a connection's attributes name, or null when they name none (it always counts). */
export function activeFromOf(attributes: Readonly<Record<string, string>> | undefined): number | null {
  const raw = attributes?.[ACTIVE_FROM_ATTRIBUTE];
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) ? n : null;
}

/** Whether a connection counts (is seen, is present) while the agenda is at `position`. */
export function isActiveConnection(activeFrom: number | null, position: number): boolean {
  return activeFrom === null || activeFrom <= position;
}

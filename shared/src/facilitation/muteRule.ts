// Who may mute whom: moderators anyone, a breakout room's facilitator (a speaker placed in the room,
// or the facilitator invited by the room's link) the people in their own room. The person stays free to unmute themselves.
import { placementOf } from '../engine/placement.js';
import type { AgendaState } from '../engine/state.js';
import type { RoomId } from '../rooms.js';

/** The room to mute someone in, or why this person may not. */
export function muteDecision(state: AgendaState, byId: string, targetId: string):
  | { readonly ok: true; readonly roomId: RoomId }
  | { readonly ok: false; readonly code: 'unknown_participant' | 'forbidden' | 'not_allowed_now'; readonly message: string } {
  const by = state.participants[byId];
  if (!state.participants[targetId]) return { ok: false, code: 'unknown_participant', message: 'That person is not in the event.' };
  const there = placementOf(state, targetId).roomId;
  const here = placementOf(state, byId).roomId;
  const facilitating = (by?.role === 'speaker' || by?.role === 'facilitator') && here !== null && here.startsWith('breakout:') && here === there;
  if (by?.role !== 'moderator' && !facilitating) {
    return { ok: false, code: 'forbidden', message: 'Only moderators, and a breakout room\'s facilitator for the people in their room, can mute someone.' };
  }
  if (there === null) return { ok: false, code: 'not_allowed_now', message: 'That person is in no room now.' };
  return { ok: true, roomId: there };
}

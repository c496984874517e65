// A node of a cluster adopts the agenda another node saved (LiveAgenda.refresh). The node that
// committed the command performed its shared effects once for everyone: the broadcasts (they reach
// every node's clients through the Redis adapter), LiveKit permissions, the database's side. What
// is left here is what only this node can do for the connections it holds: move them (a fresh
// assignment and token each), keep their chat topics, end the connection of someone removed, and
// count pre-joins from the new phase. The effects are not replayed; they are read off the two states.
import { agendaPosition, type AgendaState } from '@live-workshop/shared';
import type { Assignments } from '../assignments/assignments.js';
import type { ChatMembership } from '../chat/chatMembership.js';
import type { RosterPublisher } from '../realtime/roster.js';
import type { Sessions } from '../realtime/sessions.js';
import type { Log } from '../../platform/log.js';
import type { Presence } from './presence.js';
import type { AdoptedListener } from './liveAgenda.js';

/** What following an adopted state touches on this node. */
export interface AdoptionDeps {
  readonly assignments: Assignments;
  readonly chat: ChatMembership;
  readonly roster: RosterPublisher;
  readonly sessions: Sessions;
  readonly presence: Presence;
  readonly log: Log;
}

/** Which participants an adopted state changed (records compared by content: a re-read state has new objects), and who left. */
export function participantChanges(before: AgendaState, after: AgendaState): { changed: string[]; removed: string[] } {
  const changed = Object.keys(after.participants).filter((id) => JSON.stringify(before.participants[id]) !== JSON.stringify(after.participants[id]));
  const removed = Object.keys(before.participants).filter((id) => !(id in after.participants));
  return { changed, removed };
}

/** The listener LiveAgenda.onAdopted calls on this node. */
export function followAdoptedStates(deps: AdoptionDeps): AdoptedListener {
  const background = (what: string, work: Promise<unknown>) => work.catch((err: unknown) => deps.log.error({ err }, `${what} failed`));
  return (before, after) => {
    const { changed, removed } = participantChanges(before, after);
    for (const id of removed) {
      deps.sessions.end(id, 'removed', 'A moderator removed you from the workshop.');
      deps.assignments.forget(id);
    }
    if (agendaPosition(before.phase) !== agendaPosition(after.phase)) deps.presence.agendaMoved(agendaPosition(after.phase));
    const cue = before.version !== after.version;
    if (cue) deps.chat.follow();
    else if (changed.length > 0) deps.chat.follow(changed);
    if (cue || changed.length > 0 || removed.length > 0) deps.roster.changed();
    if (cue) background('assignments after an adopted cue', deps.assignments.afterCue());
    else if (changed.length > 0) background('assignment update after an adopted change', deps.assignments.participantsChanged(changed));
  };
}

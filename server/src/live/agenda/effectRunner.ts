import { EVENTS, livekitRoomName, publishSourcesIn, type AgendaState, type Effect } from '@live-workshop/shared';
import type { LiveKitPort } from '../../livekit/livekitPort.js';
import type { Log } from '../../platform/log.js';
import type { Clock } from '../../platform/clock.js';
import type { Assignments } from '../assignments/assignments.js';
import type { GhostSweeper } from './ghostSweeper.js';
import type { RosterPublisher } from '../realtime/roster.js';
import type { Sessions } from '../realtime/sessions.js';
import { snapshotOf } from '../realtime/snapshot.js';
import type { Transport } from '../realtime/transport.js';
import type { ChatMembership } from '../chat/chatMembership.js';
import type { PeopleStore } from '../../people/peopleStore.js';

/** What performing effects needs. */
export interface EffectDeps {
  transport: Transport;
  chat: ChatMembership;
  assignments: Assignments;
  livekit: LiveKitPort;
  sessions: Sessions;
  people: PeopleStore;
  roster: RosterPublisher;
  ghosts: GhostSweeper;
  clock: Clock;
  log: Log;
}

/** Performs the engine's effects: the cue broadcast first, then tokens, permissions and messages. */
export function createEffectRunner(deps: EffectDeps) {
  const { transport, log } = deps;
  const background = (what: string, work: Promise<unknown>) => work.catch((err: unknown) => log.error({ err }, `${what} failed`));

  return (effects: readonly Effect[], _before: AgendaState, after: AgendaState): void => {
    let cue = false;
    const changed: string[] = [];
    for (const effect of effects) {
      switch (effect.type) {
        case 'agendaChanged':
          cue = true;
          deps.ghosts.cue();
          {
            const snapshot = snapshotOf(after, deps.clock.now());
            transport.broadcast(EVENTS.agendaChanged, snapshot);
            // Stamped with the snapshot's time (taken before the broadcast), not after it returns.
            log.info({ version: after.version, phase: after.phase.kind, at: snapshot.serverTime }, 'cue');
          }
          break;
        case 'move':
          deps.ghosts.moved(effect.moves.map((m) => m.participantId));
          break;
        case 'removed':
          deps.people.revokeCredentials(effect.participantId);
          // Sticks: registering again mails no link until a moderator re-admits them.
          deps.people.setRemovedAt(effect.participantId, deps.clock.now());
          deps.sessions.end(effect.participantId, 'removed', 'A moderator removed you from the workshop.');
          deps.assignments.forget(effect.participantId);
          if (effect.from) background('remove from LiveKit', deps.livekit.removeParticipant(livekitRoomName(after.event.id, effect.from), effect.participantId));
          break;
        case 'setPermissions':
          for (const change of effect.changes) {
            background('permission update', deps.livekit.setCanPublish(
              livekitRoomName(after.event.id, change.roomId), change.participantId, change.canPublish, publishSourcesIn(change.roomId, change.canPublish),
            ));
          }
          break;
        case 'warn':
          transport.broadcast(EVENTS.agendaWarned, { warning: effect.warning, secondsLeft: effect.secondsLeft, version: after.version });
          break;
        case 'eventChanged':
          transport.broadcast(EVENTS.eventChanged, after.event);
          break;
        case 'broadcast':
          transport.broadcast(EVENTS.broadcastSent, { text: effect.text, from: effect.from, at: deps.clock.now() });
          break;
        case 'rosterChanged':
          changed.push(...effect.participantIds);
          break;
        case 'scheduleDeadline':
        case 'cancelDeadline':
          break; // owned by LiveAgenda
      }
    }
    if (cue) deps.chat.follow();
    else if (changed.length > 0) deps.chat.follow(changed);
    if (cue || changed.length > 0) deps.roster.changed();
    if (cue) background('assignments after cue', deps.assignments.afterCue());
    else if (changed.length > 0) background('assignment update', deps.assignments.participantsChanged(changed));
  };
}

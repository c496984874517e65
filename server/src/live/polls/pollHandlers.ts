import { EVENTS, placementOf, pollControlPayload, pollLaunchPayload, pollVotePayload, type AgendaState, type PollAudience } from '@live-workshop/shared';
import type { Limiter } from '../../platform/rateLimits.js';
import { handle, type RequestHandler } from '../realtime/handle.js';
import type { RoomSocket } from '../realtime/transport.js';
import type { Log } from '../../platform/log.js';
import type { PollBoard } from './pollBoard.js';

/** The poll requests, by name; thin over the board. */
export function pollHandlers(deps: { board: PollBoard; log: Log; limiter: Limiter }) {
  const wrap = { log: deps.log, limiter: deps.limiter };
  return {
    [EVENTS.pollLaunch]: handle(wrap, 'poll', pollLaunchPayload, ({ poll, audience, durationSeconds }, { claims }) =>
      // The schema checked the room's form (plenary or breakout:<id>); the board checks the breakout exists.
      deps.board.launch(claims, poll, audience as PollAudience, durationSeconds)),
    [EVENTS.pollVote]: handle(wrap, 'poll answer', pollVotePayload, ({ pollId, answer }, { claims }) => deps.board.vote(claims.participantId, pollId, answer)),
    [EVENTS.pollControl]: handle(wrap, 'poll control', pollControlPayload, ({ pollId, action }, { claims }) => deps.board.control(claims, pollId, action)),
  } satisfies Record<string, RequestHandler>;
}

/** What a connection receives on opening: the polls put to its room and its answers; moderators every poll with results, a speaker those they launched. */
export function greetWithPolls(board: PollBoard, state: AgendaState, socket: RoomSocket): void {
  const { participantId, role } = socket.claims;
  const mine = board.for(participantId, placementOf(state, participantId).roomId);
  for (const poll of mine.polls) socket.send(EVENTS.pollChanged, poll);
  if (role === 'moderator') for (const poll of board.all()) socket.send(EVENTS.pollTallied, poll);
  else if (role === 'speaker') for (const poll of board.launchedBy(participantId)) socket.send(EVENTS.pollTallied, poll);
  socket.send(EVENTS.pollsAnswered, { answers: mine.answers });
}

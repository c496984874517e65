import {
  EVENTS, canModerateQuestions, failure, questionAskPayload, questionConfigurePayload, questionModeratePayload, questionUpvotePayload,
} from '@live-workshop/shared';
import type { Limiter } from '../../platform/rateLimits.js';
import { handle, type RequestHandler } from '../realtime/handle.js';
import type { RoomSocket } from '../realtime/transport.js';
import type { Log } from '../../platform/log.js';
import type { QuestionBoard } from './questionBoard.js';

/** What the question requests need. */
export interface QuestionHandlerDeps {
  board: QuestionBoard;
  log: Log;
  limiter: Limiter;
  /** Questions each person may ask per minute (QUESTIONS_PER_MINUTE). */
  askLimiter: Limiter;
}

/** The question requests, by name; thin over the board. */
export function questionHandlers(deps: QuestionHandlerDeps) {
  const wrap = { log: deps.log, limiter: deps.limiter };
  const moderatorsOnly = (socket: RoomSocket) => (canModerateQuestions(socket.claims.role) ? null : failure('forbidden', 'Only moderators can moderate questions.'));
  return {
    [EVENTS.questionAsk]: handle(wrap, 'question', questionAskPayload, async ({ text, anonymous }, { claims: me }) => {
      try {
        await deps.askLimiter.consume(me.participantId);
      } catch {
        return failure('rate_limited', 'You have asked several questions just now; please wait a minute before asking another.');
      }
      return deps.board.ask(me.participantId, text, anonymous);
    }),
    [EVENTS.questionUpvote]: handle(wrap, 'upvote', questionUpvotePayload, ({ questionId }, { claims: me }) => deps.board.upvote(me.participantId, questionId)),
    [EVENTS.questionModerate]: handle(wrap, 'question moderation', questionModeratePayload, ({ questionId, action }, socket) =>
      moderatorsOnly(socket) ?? deps.board.moderate(questionId, action)),
    [EVENTS.questionConfigure]: handle(wrap, 'question settings', questionConfigurePayload, ({ moderation }, socket) =>
      moderatorsOnly(socket) ?? deps.board.configure(moderation)),
  } satisfies Record<string, RequestHandler>;
}

/** What a connection receives on opening: the room's board, moderators' board, and its own votes. */
export function greetWithQuestions(board: QuestionBoard, socket: RoomSocket): void {
  socket.send(EVENTS.questionsChanged, board.roomView());
  if (canModerateQuestions(socket.claims.role)) socket.send(EVENTS.questionsModerated, board.moderatorView());
  socket.send(EVENTS.questionsVoted, { questionIds: board.votedBy(socket.claims.participantId) });
}

// The live segment over the session's socket: its facts into the live segment's store, and its
// requests (each answered with a Result; refusals come back in words through refusalWords).
import { EVENTS } from '@live-workshop/shared/pure';
import type { QuestionModerationAction, QuestionModeration } from '@live-workshop/shared';
import { request, type LwSocket } from '../../session/socket.js';
import { applyModeratorBoard, applyQuestionBoard, markAsked, markVoted, setVotedQuestions } from './liveSegmentStore.js';

/** Listen to the live segment's facts on a new socket (socket.ts calls this once per connection). */
export function wireLiveSegment(s: LwSocket): void {
  s.on(EVENTS.questionsChanged, (board) => applyQuestionBoard(board));
  s.on(EVENTS.questionsModerated, (board) => applyModeratorBoard(board));
  s.on(EVENTS.questionsVoted, ({ questionIds }) => setVotedQuestions(questionIds));
}

/** Ask the room a question. */
export async function askQuestion(text: string, anonymous: boolean) {
  const result = await request(EVENTS.questionAsk, { text, anonymous });
  if (result.ok) markAsked(result.data.id);
  return result;
}

/** Upvote a question. */
export async function upvoteQuestion(questionId: number) {
  const result = await request(EVENTS.questionUpvote, { questionId });
  if (result.ok) markVoted(questionId);
  return result;
}

/** Moderators: act on a question. */
export function moderateQuestion(questionId: number, action: QuestionModerationAction) {
  return request(EVENTS.questionModerate, { questionId, action });
}

/** Moderators: questions at once, or after approval. */
export function configureQuestions(moderation: QuestionModeration) {
  return request(EVENTS.questionConfigure, { moderation });
}

// The live segment over the session's socket: its facts into the live segment's store, and its
// requests (each answered with a Result; refusals come back in words through refusalWords).
import { EVENTS } from '@live-workshop/shared/pure';
import type { CaptionSendPayload, Reaction, PollAnswer, PollControlPayload, PollLaunchPayload, QuestionModerationAction, QuestionModeration } from '@live-workshop/shared';
import { request, type LwSocket } from '../../session/socket.js';
import {
  addCaptionLine, addReactionCounts, applyModeratorBoard, applyQuestionCounts, applyPoll, applyPollTally, applyQuestionBoard, markAsked, markVoted, setPollAnswers, setVotedQuestions,
} from './liveSegmentStore.js';

/** Listen to the live segment's facts on a new socket (socket.ts calls this once per connection). */
export function wireLiveSegment(s: LwSocket): void {
  s.on(EVENTS.questionsChanged, (board) => applyQuestionBoard(board));
  s.on(EVENTS.questionsCounted, (counts) => applyQuestionCounts(counts));
  s.on(EVENTS.questionsModerated, (board) => applyModeratorBoard(board));
  s.on(EVENTS.questionsVoted, ({ questionIds }) => setVotedQuestions(questionIds));
  s.on(EVENTS.pollChanged, (poll) => applyPoll(poll));
  s.on(EVENTS.pollTallied, (poll) => applyPollTally(poll));
  s.on(EVENTS.pollsAnswered, ({ answers }) => setPollAnswers(answers));
  s.on(EVENTS.reactionsCounted, (counts) => addReactionCounts(counts));
  s.on(EVENTS.captionAdded, (line) => addCaptionLine(line));
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

/** Moderators (and a breakout's staff): put a poll to an audience. */
export function launchPoll(payload: PollLaunchPayload) {
  return request(EVENTS.pollLaunch, payload);
}

/** Answer a poll (again to change the answer). */
export async function answerPoll(pollId: string, answer: PollAnswer) {
  const result = await request(EVENTS.pollVote, { pollId, answer });
  if (result.ok) setPollAnswers([{ pollId, answer }]);
  return result;
}

/** Close a poll, or show or hide its results. */
export function controlPoll(pollId: string, action: PollControlPayload['action']) {
  return request(EVENTS.pollControl, { pollId, action });
}

/** React on the stage. */
export function sendReaction(reaction: Reaction) {
  return request(EVENTS.reactionSend, { reaction });
}

/** Captioners: text for a room, interim while typing, final at the end of a line. */
export function sendCaption(payload: CaptionSendPayload) {
  return request(EVENTS.captionSend, payload);
}

// The live segment's part of the Socket.IO protocol (questions, polls, reactions, captions):
// names declared once, and the event maps events.ts merges into the whole protocol. No schema
// here, so the browser imports the names from the pure entry.
import type { Ack } from './result.js';
import type { QuestionAskPayload, QuestionConfigurePayload, QuestionModeratePayload, QuestionUpvotePayload } from './liveSegmentPayloads.js';
import type { ModeratorBoardView, QuestionBoardView, QuestionStatus } from '../liveSegment/questions.js';

/** Event names of the live segment. Commands are imperative; facts are past tense. */
export const LIVE_SEGMENT_EVENTS = {
  questionAsk: 'question:ask',
  questionUpvote: 'question:upvote',
  questionModerate: 'question:moderate',
  questionConfigure: 'question:configure',
  questionsChanged: 'questions:changed',
  questionsModerated: 'questions:moderated',
  questionsVoted: 'questions:voted',
} as const;

/** Requests of the live segment; each is validated on the server and answered with an ack. */
export interface LiveSegmentClientEvents {
  /** Ask the room a question; `pending` when moderators approve first. */
  'question:ask': (payload: QuestionAskPayload, ack: Ack<{ id: number; status: QuestionStatus }>) => void;
  /** Upvote a question, once. */
  'question:upvote': (payload: QuestionUpvotePayload, ack: Ack<{ votes: number }>) => void;
  /** Moderators: approve, hide, mark answered, edit, merge, pin or unpin a question. */
  'question:moderate': (payload: QuestionModeratePayload, ack: Ack<{ revision: number }>) => void;
  /** Moderators: switch between showing questions at once and after approval. */
  'question:configure': (payload: QuestionConfigurePayload, ack: Ack<{ revision: number }>) => void;
}

/** Facts of the live segment. */
export interface LiveSegmentServerEvents {
  /** The room's question board (approved questions, the pinned one), at most every QUESTIONS_PUSH_INTERVAL_MS. */
  'questions:changed': (board: QuestionBoardView) => void;
  /** Moderators: every question with its author and status. */
  'questions:moderated': (board: ModeratorBoardView) => void;
  /** The questions you have upvoted (once per connection). */
  'questions:voted': (voted: { readonly questionIds: readonly number[] }) => void;
}

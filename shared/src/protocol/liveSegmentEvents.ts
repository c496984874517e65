// The live segment's part of the Socket.IO protocol (questions, polls, reactions, captions):
// names declared once, and the event maps events.ts merges into the whole protocol. No schema
// here, so the browser imports the names from the pure entry.
import type { Ack } from './result.js';
import type {
  PollControlPayload, PollLaunchPayload, PollVotePayload, QuestionAskPayload, ReactionSendPayload, CaptionSendPayload, QuestionConfigurePayload, QuestionModeratePayload, QuestionUpvotePayload,
} from './liveSegmentPayloads.js';
import type { PollAnswer, PollView } from '../liveSegment/polls.js';
import type { ReactionCounts } from '../liveSegment/reactions.js';
import type { CaptionLine } from '../liveSegment/captions.js';
import type { ModeratorBoardView, QuestionBoardView, QuestionStatus, QuestionVoteCounts } from '../liveSegment/questions.js';

/** Event names of the live segment. Commands are imperative; facts are past tense. */
export const LIVE_SEGMENT_EVENTS = {
  questionAsk: 'question:ask',
  questionUpvote: 'question:upvote',
  questionModerate: 'question:moderate',
  questionConfigure: 'question:configure',
  questionsChanged: 'questions:changed',
  questionsModerated: 'questions:moderated',
  questionsVoted: 'questions:voted',
  questionsCounted: 'questions:counted',
  pollLaunch: 'poll:launch',
  pollVote: 'poll:vote',
  pollControl: 'poll:control',
  pollChanged: 'poll:changed',
  pollTallied: 'poll:tallied',
  pollsAnswered: 'polls:answered',
  reactionSend: 'reaction:send',
  reactionsCounted: 'reactions:counted',
  captionSend: 'caption:send',
  captionAdded: 'caption:added',
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
  /** Moderators (and staff in a breakout, for their room): put a poll to everyone or to one room. */
  'poll:launch': (payload: PollLaunchPayload, ack: Ack<{ pollId: string }>) => void;
  /** Answer an open poll; answering again replaces the answer. */
  'poll:vote': (payload: PollVotePayload, ack: Ack<{ pollId: string }>) => void;
  /** Whoever launched it, or a moderator: close a poll, or show or hide its results. */
  'poll:control': (payload: PollControlPayload, ack: Ack<{ pollId: string }>) => void;
  /** React on the stage: counted with everyone else's and sent once per REACTION_INTERVAL_MS. */
  'reaction:send': (payload: ReactionSendPayload, ack: Ack<{ counted: true }>) => void;
  /** Captioners (and moderators): caption text for a room, interim or final. */
  'caption:send': (payload: CaptionSendPayload, ack: Ack<{ id: number | null }>) => void;
}

/** Facts of the live segment. */
export interface LiveSegmentServerEvents {
  /** The room's question board (approved questions, the pinned one), at most every QUESTIONS_PUSH_INTERVAL_MS. */
  'questions:changed': (board: QuestionBoardView) => void;
  /** Only votes changed: the new counts, at most every VOTE_COUNTS_INTERVAL_MS (the board itself is not sent again). */
  'questions:counted': (counts: QuestionVoteCounts) => void;
  /** Moderators: every question with its author and status. */
  'questions:moderated': (board: ModeratorBoardView) => void;
  /** The questions you have upvoted (once per connection). */
  'questions:voted': (voted: { readonly questionIds: readonly number[] }) => void;
  /** A poll put to you opened, closed or showed its results (results only once shown). */
  'poll:changed': (poll: PollView) => void;
  /** Moderators: a poll with its live results, at most every POLL_PUSH_INTERVAL_MS while votes arrive. */
  'poll:tallied': (poll: PollView) => void;
  /** Your answers to the polls still on screen (once per connection). */
  'polls:answered': (answers: { readonly answers: readonly { readonly pollId: string; readonly answer: PollAnswer }[] }) => void;
  /** Your room's reactions of the last interval: one message however many people reacted. */
  'reactions:counted': (counts: ReactionCounts) => void;
  /** A caption line in your room (interim text replaces the previous interim one). */
  'caption:added': (line: CaptionLine) => void;
}

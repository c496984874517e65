// Questions from the audience: the pure rules both sides share (who sees what, the order of the
// list, merging duplicates). No I/O and no schema, so the browser imports it from the pure entry.
import type { Role } from '../domain.js';

/** Longest question, in characters. */
export const QUESTION_MAX_CHARS = 300;
/** Questions one person may ask per minute. */
export const QUESTIONS_PER_MINUTE = 3;

/** Whether questions reach the room at once or only once a moderator approves them. */
export type QuestionModeration = 'immediate' | 'approval';

/** Where a question is in moderation; `merged` points at the question it was folded into. */
export type QuestionStatus = 'pending' | 'approved' | 'hidden' | 'merged';

/** A question as the server holds it (every field; moderators see all of it). */
export interface Question {
  readonly id: number;
  readonly authorId: string;
  readonly authorName: string;
  /** Anonymous to the room; moderators still see who asked. */
  readonly anonymous: boolean;
  readonly text: string;
  readonly askedAt: number;
  readonly status: QuestionStatus;
  readonly answeredAt: number | null;
  readonly mergedInto: number | null;
  readonly votes: number;
}

/** A question as the room (attendees and speakers) sees it: no author when anonymous, no ids of people. */
export interface PublicQuestion {
  readonly id: number;
  readonly text: string;
  /** Null when asked anonymously. */
  readonly author: string | null;
  readonly askedAt: number;
  readonly votes: number;
  readonly answered: boolean;
}

/** The whole board as one audience sees it, sent at most every QUESTIONS_PUSH_INTERVAL_MS. */
export interface QuestionBoardView {
  readonly revision: number;
  readonly moderation: QuestionModeration;
  readonly questions: readonly PublicQuestion[];
  /** The question being answered now, shown above the stage. */
  readonly pinned: PublicQuestion | null;
}

/** What moderators see: every question with its author and status. */
export interface ModeratorBoardView {
  readonly revision: number;
  readonly moderation: QuestionModeration;
  readonly questions: readonly Question[];
  readonly pinnedId: number | null;
}

/** How often the board is pushed while it changes (one message per interval, however many changes). */
export const QUESTIONS_PUSH_INTERVAL_MS = 500;

/**
 * New vote counts alone (the one change that comes a thousand a second) go as a small
 * `questions:counted` message at most this often; anything else sends the whole board.
 */
export const VOTE_COUNTS_INTERVAL_MS = 1000;

/** The vote counts that changed since the last push, at the board's revision. */
export interface QuestionVoteCounts {
  readonly revision: number;
  readonly votes: readonly { readonly id: number; readonly votes: number }[];
}

/** The orders the list can be read in. */
export type QuestionOrder = 'votes' | 'time';

/** Whether the room sees this question. */
export const isPublic = (q: Pick<Question, 'status'>): boolean => q.status === 'approved';

/** Who may moderate questions. */
export const canModerateQuestions = (role: Role): boolean => role === 'moderator';

/** The room's view of one question. */
export function publicQuestion(q: Question): PublicQuestion {
  return { id: q.id, text: q.text, author: q.anonymous ? null : q.authorName, askedAt: q.askedAt, votes: q.votes, answered: q.answeredAt !== null };
}

/**
 * The list in an order: by votes (most first; unanswered before answered; older first on a tie)
 * or by time (newest first). Returns a new array.
 */
export function sortQuestions<Q extends Pick<PublicQuestion, 'votes' | 'askedAt' | 'id'> & { answered?: boolean }>(list: readonly Q[], order: QuestionOrder): Q[] {
  const copy = [...list];
  if (order === 'time') return copy.sort((a, b) => b.askedAt - a.askedAt || b.id - a.id);
  return copy.sort((a, b) => Number(a.answered ?? false) - Number(b.answered ?? false) || b.votes - a.votes || a.askedAt - b.askedAt || a.id - b.id);
}

/** The status a newly asked question gets under a moderation mode. */
export const statusOnAsk = (moderation: QuestionModeration): QuestionStatus => (moderation === 'approval' ? 'pending' : 'approved');

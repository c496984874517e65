// The live segment's client state (questions now; polls, reactions and captions beside them): a
// store of typed slices of its own beside the session's lwStore, so the live segment is one folder
// to read and the session store stays the agenda's. Actions are module-level, as in lwStore.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ModeratorBoardView, QuestionBoardView } from '@live-workshop/shared';
import { announce } from '../../session/store/actions.js';

/** Questions: the room's board, moderators' board, and what this person did. */
export interface QuestionsSlice {
  readonly board: QuestionBoardView | null;
  readonly moderatorBoard: ModeratorBoardView | null;
  /** Questions we have upvoted (from the server on connect, and our own acks). */
  readonly voted: readonly number[];
  /** Questions we asked in this page. */
  readonly mine: readonly number[];
}

/** The live segment's whole client state. */
export interface LiveSegmentState {
  readonly questions: QuestionsSlice;
}

/** A fresh state. */
export const initialLiveSegmentState = (): LiveSegmentState => ({
  questions: { board: null, moderatorBoard: null, voted: [], mine: [] },
});

/** The live segment's store. */
export const liveSegmentStore = createStore<LiveSegmentState>()(() => initialLiveSegmentState());

/** Select a narrow piece of the live segment's state. */
export function useLiveSegment<T>(selector: (s: LiveSegmentState) => T): T {
  return useStore(liveSegmentStore, selector);
}

function patchQuestions(value: Partial<QuestionsSlice>): void {
  liveSegmentStore.setState((s) => ({ questions: { ...s.questions, ...value } }));
}

/** The room's board arrived; a newly pinned question is announced. */
export function applyQuestionBoard(board: QuestionBoardView): void {
  const before = liveSegmentStore.getState().questions.board;
  patchQuestions({ board });
  if (board.pinned && board.pinned.id !== before?.pinned?.id) announce(`Question being answered now: ${board.pinned.text}`, 'polite');
}

/** Moderators' board arrived. */
export function applyModeratorBoard(moderatorBoard: ModeratorBoardView): void {
  patchQuestions({ moderatorBoard });
}

/** The server told us which questions we upvoted. */
export function setVotedQuestions(ids: readonly number[]): void {
  patchQuestions({ voted: ids });
}

/** Our upvote was counted. */
export function markVoted(id: number): void {
  const { voted } = liveSegmentStore.getState().questions;
  if (!voted.includes(id)) patchQuestions({ voted: [...voted, id] });
}

/** We asked a question. */
export function markAsked(id: number): void {
  patchQuestions({ mine: [...liveSegmentStore.getState().questions.mine, id] });
}

/** Back to a fresh state (tests). */
export function resetLiveSegment(): void {
  liveSegmentStore.setState(initialLiveSegmentState(), true);
}

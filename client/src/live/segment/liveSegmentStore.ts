// The live segment's client state (questions now; polls, reactions and captions beside them): a
// store of typed slices of its own beside the session's lwStore, so the live segment is one folder
// to read and the session store stays the agenda's. Actions are module-level, as in lwStore.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CaptionLine, ModeratorBoardView, PollAnswer, PollView, QuestionBoardView, QuestionVoteCounts, Reaction, ReactionCounts, RoomId } from '@live-workshop/shared';
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

/** Polls put to us (results once shown), moderators' live results, and our answers. */
export interface PollsSlice {
  /** Polls put to us, by id, in the order they opened. */
  readonly polls: Readonly<Record<string, PollView>>;
  /** Moderators: every poll with its live results. */
  readonly tallies: Readonly<Record<string, PollView>>;
  readonly answers: Readonly<Record<string, PollAnswer>>;
}

/** Reactions heard in our room: the latest intervals (for the animation) and the totals since we came. */
export interface ReactionsSlice {
  readonly recent: readonly (ReactionCounts & { readonly seq: number })[];
  readonly totals: Readonly<Partial<Record<Reaction, number>>>;
}

/** Captions heard in the rooms we were in: final lines, the interim line being typed, whether we show them. */
export interface CaptionsSlice {
  readonly lines: readonly CaptionLine[];
  readonly interim: Readonly<Partial<Record<RoomId, CaptionLine>>>;
  /** Each viewer turns captions on or off (remembered in this browser). */
  readonly shown: boolean;
}

/** The live segment's whole client state. */
export interface LiveSegmentState {
  readonly questions: QuestionsSlice;
  readonly polls: PollsSlice;
  readonly reactions: ReactionsSlice;
  readonly captions: CaptionsSlice;
}

/** A fresh state. */
export const initialLiveSegmentState = (): LiveSegmentState => ({
  questions: { board: null, moderatorBoard: null, voted: [], mine: [] },
  polls: { polls: {}, tallies: {}, answers: {} },
  reactions: { recent: [], totals: {} },
  captions: { lines: [], interim: {}, shown: rememberedCaptionsShown() },
});

const CAPTIONS_KEY = 'lw.captions';
function rememberedCaptionsShown(): boolean {
  try {
    return globalThis.localStorage?.getItem(CAPTIONS_KEY) === 'on';
  } catch {
    return false;
  }
}

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

/** Only votes changed: the new counts onto the board we hold (a question we do not hold yet comes with the next whole board). */
export function applyQuestionCounts(counts: QuestionVoteCounts): void {
  const { board } = liveSegmentStore.getState().questions;
  if (!board || counts.revision <= board.revision) return;
  const votes = new Map(counts.votes.map((v) => [v.id, v.votes]));
  const recount = <Q extends { id: number; votes: number }>(q: Q): Q => (votes.has(q.id) ? { ...q, votes: votes.get(q.id)! } : q);
  patchQuestions({ board: { ...board, revision: counts.revision, questions: board.questions.map(recount), pinned: board.pinned ? recount(board.pinned) : null } });
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

function patchPolls(value: Partial<PollsSlice>): void {
  liveSegmentStore.setState((s) => ({ polls: { ...s.polls, ...value } }));
}

/** A poll put to us changed; its opening and its results being shown are announced. */
export function applyPoll(poll: PollView): void {
  const before = liveSegmentStore.getState().polls.polls[poll.id];
  patchPolls({ polls: { ...liveSegmentStore.getState().polls.polls, [poll.id]: poll } });
  if (!before && poll.status === 'open') announce(`A poll has opened: ${poll.definition.question}`, 'assertive');
  else if (poll.resultsShown && !before?.resultsShown) announce(`Poll results are shown: ${poll.definition.question}`, 'polite');
  else if (poll.status === 'closed' && before?.status === 'open') announce(`The poll has closed: ${poll.definition.question}`, 'polite');
}

/** Moderators: a poll's live results. */
export function applyPollTally(poll: PollView): void {
  patchPolls({ tallies: { ...liveSegmentStore.getState().polls.tallies, [poll.id]: poll } });
}

/** Our answers, from the server on connect or from our own acks. */
export function setPollAnswers(answers: readonly { pollId: string; answer: PollAnswer }[]): void {
  patchPolls({ answers: { ...liveSegmentStore.getState().polls.answers, ...Object.fromEntries(answers.map((a) => [a.pollId, a.answer])) } });
}

const RECENT_REACTIONS = 5;
let reactionSeq = 0;

/** One interval's reactions in our room (not announced: a screen reader would hear nothing else). */
export function addReactionCounts(counts: ReactionCounts): void {
  const { recent, totals } = liveSegmentStore.getState().reactions;
  const next = { ...totals };
  for (const [reaction, n] of Object.entries(counts.counts) as [Reaction, number][]) next[reaction] = (next[reaction] ?? 0) + n;
  liveSegmentStore.setState({ reactions: { recent: [...recent, { ...counts, seq: ++reactionSeq }].slice(-RECENT_REACTIONS), totals: next } });
}

const MAX_CAPTION_LINES = 200;

/** A caption line arrived: a final line is kept (and ends the interim one); interim text replaces the last. */
export function addCaptionLine(line: CaptionLine): void {
  const { captions } = liveSegmentStore.getState();
  const interim = { ...captions.interim, [line.roomId]: line.final || !line.text ? undefined : line };
  const lines = line.final && !captions.lines.some((l) => l.id === line.id) ? [...captions.lines, line].slice(-MAX_CAPTION_LINES) : captions.lines;
  liveSegmentStore.setState({ captions: { ...captions, lines, interim } });
}

/** Turn captions on or off for this viewer. */
export function setCaptionsShown(shown: boolean): void {
  liveSegmentStore.setState((s) => ({ captions: { ...s.captions, shown } }));
  try {
    localStorage.setItem(CAPTIONS_KEY, shown ? 'on' : 'off');
  } catch {
    // Storage disabled: the choice lasts for this page.
  }
}

// Questions from the audience, the server's side: the board in memory over its store, the rules
// of asking, voting and moderating (shared/liveSegment/questions.ts says who sees what), and one
// push per QUESTIONS_PUSH_INTERVAL_MS to the room and to moderators however many changes arrive;
// while only votes change, the room gets their new counts alone, once per VOTE_COUNTS_INTERVAL_MS
// (at 5,000 people each message is 5,000 socket writes: the server's main cost under load).
import {
  failure, isPublic, placementOf, publicQuestion, statusOnAsk, success, QUESTIONS_PUSH_INTERVAL_MS, VOTE_COUNTS_INTERVAL_MS,
  type AgendaState, type ModeratorBoardView, type Question, type QuestionBoardView, type QuestionModeration,
  type QuestionModerationAction, type QuestionStatus, type QuestionVoteCounts, type Result,
} from '@live-workshop/shared';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';
import type { MetaStore } from '../../platform/db/metaStore.js';
import { GroupCommit } from '../../platform/db/groupCommit.js';
import type { QuestionChange, QuestionStore } from './questionStore.js';

const PINNED_KEY = 'questions.pinned';
const MODERATION_KEY = 'questions.moderation';

/** Where the board's views go: the whole board, or only new vote counts, to the room; every question to moderators. */
export interface QuestionBoardOutlet {
  room(view: QuestionBoardView): void;
  roomCounts(counts: QuestionVoteCounts): void;
  moderators(view: ModeratorBoardView): void;
}

/** What the board needs. */
export interface QuestionBoardDeps {
  store: QuestionStore;
  meta: MetaStore;
  clock: Clock;
  scheduler: Scheduler;
  state: () => AgendaState;
  outlet: QuestionBoardOutlet;
}

/** The question board: the only writer of questions, votes, the pin and the moderation mode. */
export class QuestionBoard {
  private readonly questions = new Map<number, Question>();
  private readonly voters: Map<number, Set<string>>;
  private pinnedId: number | null;
  private moderationMode: QuestionModeration;
  private revision = 0;
  private timer: TimerHandle | null = null;
  /** Questions whose votes changed since the last push, and the timer of the counts-only push. */
  private readonly recounted = new Set<number>();
  private countsTimer: TimerHandle | null = null;
  private closed = false;
  private readonly votesWritten: GroupCommit<{ questionId: number; voterId: string }>;

  constructor(private readonly deps: QuestionBoardDeps) {
    this.votesWritten = new GroupCommit((votes) => deps.store.addVotes(votes));
    for (const q of deps.store.all()) this.questions.set(q.id, q);
    this.voters = deps.store.votes();
    this.pinnedId = (JSON.parse(deps.meta.get(PINNED_KEY) ?? 'null') as number | null);
    const saved = deps.meta.get(MODERATION_KEY);
    this.moderationMode = saved ? (JSON.parse(saved) as QuestionModeration) : (deps.state().event.liveSegment?.questionModeration ?? 'immediate');
  }

  /** Ask a question; the room hears of it once approved (at once under `immediate`). */
  ask(askerId: string, text: string, anonymous: boolean): Result<{ id: number; status: QuestionStatus }> {
    const state = this.deps.state();
    const asker = state.participants[askerId];
    if (!asker) return failure('unknown_participant', 'You are not part of this event.');
    if (asker.role !== 'moderator' && placementOf(state, askerId).roomId !== 'plenary') {
      return failure('not_allowed_now', 'Questions are asked in the plenary; come back to it to ask.');
    }
    const question = this.deps.store.add({
      authorId: askerId, authorName: asker.name, anonymous, text, askedAt: this.deps.clock.now(), status: statusOnAsk(this.moderationMode),
    });
    this.questions.set(question.id, question);
    this.changed();
    return success({ id: question.id, status: question.status });
  }

  /** Upvote a public question, once per person, never one's own; answered once the vote is stored (votes are committed in groups). */
  async upvote(voterId: string, questionId: number): Promise<Result<{ votes: number }>> {
    const q = this.questions.get(questionId);
    if (!q || !isPublic(q)) return failure('unknown_item', 'There is no such question.');
    if (q.authorId === voterId) return failure('not_allowed_now', 'You cannot upvote your own question.');
    let voters = this.voters.get(questionId);
    if (voters?.has(voterId)) return failure('not_allowed_now', 'You have already upvoted this question.');
    if (!voters) this.voters.set(questionId, (voters = new Set()));
    // Counted at once, so a second upvote in the same moment is refused; taken back if the write fails.
    voters.add(voterId);
    this.recount(questionId, voters.size);
    try {
      await this.votesWritten.write({ questionId, voterId });
    } catch (err) {
      voters.delete(voterId);
      this.recount(questionId, voters.size);
      throw err;
    }
    return success({ votes: this.voters.get(questionId)?.size ?? voters.size });
  }

  /** A moderator's decision on one question. */
  moderate(questionId: number, action: QuestionModerationAction): Result<{ revision: number }> {
    const q = this.questions.get(questionId);
    if (!q || q.status === 'merged') return failure('unknown_item', 'There is no such question.');
    switch (action.type) {
      case 'approve':
        this.change(q, { status: 'approved' });
        break;
      case 'hide':
        this.change(q, { status: 'hidden' });
        if (this.pinnedId === q.id) this.pin(null);
        break;
      case 'answered':
        this.change(q, { answeredAt: action.answered ? (q.answeredAt ?? this.deps.clock.now()) : null });
        break;
      case 'edit':
        this.change(q, { text: action.text });
        break;
      case 'merge': {
        const into = this.questions.get(action.into);
        if (!into || into.status === 'merged' || into.id === q.id) return failure('unknown_item', 'Merge it into another question that is still on the board.');
        // Votes still on their way to the disk are moved too.
        this.votesWritten.flush();
        this.deps.store.moveVotes(q.id, into.id);
        const merged = new Set([...(this.voters.get(into.id) ?? []), ...(this.voters.get(q.id) ?? [])]);
        this.voters.set(into.id, merged);
        this.voters.delete(q.id);
        this.change(q, { status: 'merged', mergedInto: into.id });
        this.put({ ...q, status: 'merged', mergedInto: into.id, votes: 0 });
        this.put({ ...this.questions.get(into.id)!, votes: merged.size });
        if (this.pinnedId === q.id) this.pin(into.id);
        break;
      }
      case 'pin':
        if (!isPublic(q)) return failure('not_allowed_now', 'Approve the question before pinning it.');
        this.pin(q.id);
        break;
      case 'unpin':
        if (this.pinnedId === q.id) this.pin(null);
        break;
    }
    this.changed();
    return success({ revision: this.revision });
  }

  /** Moderators: show questions at once, or only once approved (kept across restarts). */
  configure(moderation: QuestionModeration): Result<{ revision: number }> {
    this.moderationMode = moderation;
    this.deps.meta.set(MODERATION_KEY, JSON.stringify(moderation));
    this.changed();
    return success({ revision: this.revision });
  }

  /** What the room sees. */
  roomView(): QuestionBoardView {
    const pinned = this.pinnedId === null ? undefined : this.questions.get(this.pinnedId);
    return {
      revision: this.revision, moderation: this.moderationMode,
      questions: [...this.questions.values()].filter(isPublic).map(publicQuestion),
      pinned: pinned ? publicQuestion(pinned) : null,
    };
  }

  /** What moderators see. */
  moderatorView(): ModeratorBoardView {
    return { revision: this.revision, moderation: this.moderationMode, questions: [...this.questions.values()], pinnedId: this.pinnedId };
  }

  /** The ids of the questions a person has upvoted. */
  votedBy(participantId: string): number[] {
    return [...this.voters].filter(([, voters]) => voters.has(participantId)).map(([id]) => id);
  }

  /** Every question, for the export after the event. */
  all(): Question[] {
    return [...this.questions.values()];
  }

  get pinned(): number | null {
    return this.pinnedId;
  }

  /** A person's data was deleted: their questions stay, nameless; their votes stay counted. */
  forget(participantId: string, name: string): void {
    this.votesWritten.flush();
    this.deps.store.anonymise(participantId, name);
    for (const q of this.questions.values()) {
      if (q.authorId === participantId) this.questions.set(q.id, { ...q, authorId: 'deleted', authorName: name, anonymous: true });
    }
    for (const [id, voters] of this.voters) {
      if (voters.delete(participantId)) voters.add(`deleted:${id}:${voters.size}`);
    }
    this.changed();
  }

  close(): void {
    this.votesWritten.flush();
    this.closed = true;
    this.timer?.cancel();
    this.timer = null;
    this.countsTimer?.cancel();
    this.countsTimer = null;
  }

  private change(q: Question, change: QuestionChange): void {
    this.deps.store.update(q.id, change);
    this.put({ ...this.questions.get(q.id)!, ...change });
  }

  private put(q: Question): void {
    this.questions.set(q.id, q);
    this.changed();
  }

  private pin(id: number | null): void {
    this.pinnedId = id;
    this.deps.meta.set(PINNED_KEY, JSON.stringify(id));
  }

  /** A question's votes changed: their new count goes out with the next push (the whole board's, or the counts alone). */
  private recount(questionId: number, votes: number): void {
    this.questions.set(questionId, { ...this.questions.get(questionId)!, votes });
    this.revision++;
    this.recounted.add(questionId);
    if (this.timer || this.countsTimer || this.closed) return;
    this.countsTimer = this.deps.scheduler.at(this.deps.clock.now() + VOTE_COUNTS_INTERVAL_MS, () => {
      this.countsTimer = null;
      if (this.closed || this.recounted.size === 0) return;
      const votes = [...this.recounted].map((id) => this.questions.get(id)!).filter(isPublic).map((q) => ({ id: q.id, votes: q.votes }));
      this.recounted.clear();
      if (votes.length > 0) this.deps.outlet.roomCounts({ revision: this.revision, votes });
      this.deps.outlet.moderators(this.moderatorView());
    });
  }

  /** Count the change and push both views once the interval is over (one message, however many changes; new counts included). */
  private changed(): void {
    this.revision++;
    if (this.timer || this.closed) return;
    this.timer = this.deps.scheduler.at(this.deps.clock.now() + QUESTIONS_PUSH_INTERVAL_MS, () => {
      this.timer = null;
      if (this.closed) return;
      // The whole board carries every count: no counts-only push is due after it.
      this.countsTimer?.cancel();
      this.countsTimer = null;
      this.recounted.clear();
      this.deps.outlet.room(this.roomView());
      this.deps.outlet.moderators(this.moderatorView());
    });
  }
}

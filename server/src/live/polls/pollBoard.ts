// Polls, the server's side: launched to everyone or to one room, one answer per person (changed
// until closed), closed by hand or on a timer that is re-armed after a restart, results pushed to
// moderators at most every POLL_PUSH_INTERVAL_MS and to the audience once a moderator shows them.
import {
  answerProblem, breakoutIdOf, failure, isInAudience, placementOf, roundOfRoom, success, tallyPoll, POLL_PUSH_INTERVAL_MS,
  type AgendaState, type PollAnswer, type PollAudience, type PollDefinition, type PollView, type Result, type Role, type RoomId,
} from '@live-workshop/shared';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';
import { GroupCommit } from '../../platform/db/groupCommit.js';
import type { PollRecord, PollStore, PollVote } from './pollStore.js';

/** Where poll views go: the poll's audience (results only once shown), and moderators and whoever launched it (always with results). */
export interface PollOutlet {
  audience(poll: PollView): void;
  moderators(poll: PollView, launchedBy: string): void;
}

/** Who acts on a poll. */
export interface PollActor {
  readonly participantId: string;
  readonly role: Role;
}

/** What the poll board needs. */
export interface PollBoardDeps {
  store: PollStore;
  clock: Clock;
  scheduler: Scheduler;
  state: () => AgendaState;
  outlet: PollOutlet;
}

/** The polls of the event: the only writer of polls and their answers. */
export class PollBoard {
  private readonly polls = new Map<string, PollRecord>();
  private readonly answers = new Map<string, Map<string, PollAnswer>>();
  private readonly timers = new Map<string, TimerHandle>();
  private readonly dirty = new Set<string>();
  private pushTimer: TimerHandle | null = null;
  private closed = false;
  private readonly votesWritten: GroupCommit<PollVote>;

  constructor(private readonly deps: PollBoardDeps) {
    this.votesWritten = new GroupCommit((votes) => deps.store.voteAll(votes));
    for (const p of deps.store.all()) this.polls.set(p.id, p);
    for (const v of deps.store.votes()) this.answersOf(v.pollId).set(v.voterId, v.answer);
    for (const p of this.polls.values()) if (p.status === 'open' && p.closesAt !== null) this.armClose(p);
  }

  /** Put a poll to an audience: moderators anywhere; other staff only to the breakout they are in (a facilitator). */
  launch(by: PollActor, poll: PollDefinition | { preparedId: string }, audience: PollAudience, durationSeconds: number | null): Result<{ pollId: string }> {
    const state = this.deps.state();
    if (by.role !== 'moderator') {
      const here = placementOf(state, by.participantId).roomId;
      const facilitating = by.role === 'speaker' && here?.startsWith('breakout:') && audience.kind === 'room' && audience.roomId === here;
      if (!facilitating) return failure('forbidden', 'Only moderators, and staff in a breakout room for their room, can run a poll.');
    }
    if (audience.kind === 'room' && audience.roomId !== 'plenary' && !roundOfRoom(state.event, breakoutIdOf(audience.roomId) ?? '')) {
      return failure('unknown_breakout', `There is no room "${audience.roomId}".`);
    }
    let definition: PollDefinition;
    let preparedId: string | null = null;
    if ('preparedId' in poll) {
      const prepared = state.event.liveSegment?.polls.find((p) => p.id === poll.preparedId);
      if (!prepared) return failure('unknown_item', `The event file prepares no poll "${poll.preparedId}".`);
      definition = { question: prepared.question, kind: prepared.kind, options: prepared.options };
      preparedId = prepared.id;
    } else definition = poll;
    const now = this.deps.clock.now();
    const record: PollRecord = {
      id: `poll-${this.polls.size + 1}`, definition, preparedId, audience, status: 'open', openedAt: now,
      closesAt: durationSeconds === null ? null : now + durationSeconds * 1000, closedAt: null, resultsShown: false, launchedBy: by.participantId,
    };
    this.put(record);
    if (record.closesAt !== null) this.armClose(record);
    return success({ pollId: record.id });
  }

  /** Answer an open poll put to the room the person is in; a second answer replaces the first. Answered once stored (answers are committed in groups). */
  async vote(voterId: string, pollId: string, answer: PollAnswer): Promise<Result<{ pollId: string }>> {
    const poll = this.polls.get(pollId);
    if (!poll) return failure('unknown_item', 'There is no such poll.');
    if (poll.status !== 'open') return failure('not_allowed_now', 'This poll has closed.');
    if (!isInAudience(poll.audience, placementOf(this.deps.state(), voterId).roomId)) return failure('forbidden', 'This poll is for another room.');
    const problem = answerProblem(poll.definition, answer);
    if (problem) return failure('invalid_payload', problem);
    // Counted at once (a close in the meantime counts it: it arrived while open); taken back if the write fails.
    const answers = this.answersOf(pollId);
    const previous = answers.get(voterId);
    answers.set(voterId, answer);
    this.tallyLater(pollId);
    try {
      await this.votesWritten.write({ pollId, voterId, answer, at: this.deps.clock.now() });
    } catch (err) {
      if (previous) answers.set(voterId, previous);
      else answers.delete(voterId);
      this.tallyLater(pollId);
      throw err;
    }
    return success({ pollId });
  }

  /** Close a poll, or show or hide its results: a moderator, or whoever launched it. */
  control(by: PollActor, pollId: string, action: { type: 'close' } | { type: 'showResults'; shown: boolean }): Result<{ pollId: string }> {
    const poll = this.polls.get(pollId);
    if (!poll) return failure('unknown_item', 'There is no such poll.');
    if (by.role !== 'moderator' && by.participantId !== poll.launchedBy) return failure('forbidden', 'Only moderators, or whoever launched it, control a poll.');
    if (action.type === 'close') {
      if (poll.status === 'closed') return failure('not_allowed_now', 'This poll is already closed.');
      this.closePoll(poll);
    } else this.put({ ...poll, resultsShown: action.shown });
    return success({ pollId });
  }

  /** The poll as its audience sees it: results only once shown. */
  audienceView(poll: PollRecord): PollView {
    return { ...this.viewBase(poll), results: poll.resultsShown ? this.results(poll) : null };
  }

  /** The poll with its results, for moderators (and whoever launched it). */
  moderatorView(poll: PollRecord): PollView {
    return { ...this.viewBase(poll), results: this.results(poll) };
  }

  /** The polls someone in `roomId` is asked (newest last), and their own answers to them. */
  for(participantId: string, roomId: RoomId | null): { polls: PollView[]; answers: { pollId: string; answer: PollAnswer }[] } {
    const polls = [...this.polls.values()].filter((p) => isInAudience(p.audience, roomId));
    return {
      polls: polls.map((p) => this.audienceView(p)),
      answers: polls.flatMap((p) => {
        const answer = this.answers.get(p.id)?.get(participantId);
        return answer ? [{ pollId: p.id, answer }] : [];
      }),
    };
  }

  /** The polls someone launched, with results (a breakout's facilitator, on connecting). */
  launchedBy(participantId: string): PollView[] {
    return [...this.polls.values()].filter((p) => p.launchedBy === participantId).map((p) => this.moderatorView(p));
  }

  /** Every poll with results (moderators' console, the export). */
  all(): PollView[] {
    return [...this.polls.values()].map((p) => this.moderatorView(p));
  }

  /** A person's data was deleted: their answers stay counted, under no one's id. */
  forget(voterId: string): void {
    this.votesWritten.flush();
    this.deps.store.anonymise(voterId);
    for (const [pollId, answers] of this.answers) {
      const answer = answers.get(voterId);
      if (answer === undefined) continue;
      answers.delete(voterId);
      answers.set(`deleted:${pollId}:${answers.size}`, answer);
    }
  }

  /** Stop every timer: the app is closing. */
  stop(): void {
    this.votesWritten.flush();
    this.closed = true;
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
    this.pushTimer?.cancel();
  }

  private closePoll(poll: PollRecord): void {
    this.timers.get(poll.id)?.cancel();
    this.timers.delete(poll.id);
    this.put({ ...poll, status: 'closed', closedAt: this.deps.clock.now() });
  }

  private viewBase(p: PollRecord) {
    return { id: p.id, definition: p.definition, audience: p.audience, status: p.status, openedAt: p.openedAt, closesAt: p.closesAt, resultsShown: p.resultsShown };
  }

  private results(p: PollRecord) {
    return tallyPoll(p.definition, this.answers.get(p.id)?.values() ?? []);
  }

  private answersOf(pollId: string): Map<string, PollAnswer> {
    let answers = this.answers.get(pollId);
    if (!answers) this.answers.set(pollId, (answers = new Map()));
    return answers;
  }

  /** Store a change of state and tell everyone concerned at once (opening, closing, showing are rare and awaited). */
  private put(poll: PollRecord): void {
    this.polls.set(poll.id, poll);
    this.deps.store.save(poll);
    this.dirty.delete(poll.id);
    this.deps.outlet.audience(this.audienceView(poll));
    this.deps.outlet.moderators(this.moderatorView(poll), poll.launchedBy);
  }

  private armClose(poll: PollRecord): void {
    this.timers.set(poll.id, this.deps.scheduler.at(poll.closesAt!, () => {
      this.timers.delete(poll.id);
      const current = this.polls.get(poll.id);
      if (!this.closed && current?.status === 'open') this.closePoll(current);
    }));
  }

  /** New answers: one push per interval, however many arrive. */
  private tallyLater(pollId: string): void {
    this.dirty.add(pollId);
    if (this.pushTimer || this.closed) return;
    this.pushTimer = this.deps.scheduler.at(this.deps.clock.now() + POLL_PUSH_INTERVAL_MS, () => {
      this.pushTimer = null;
      if (this.closed) return;
      for (const id of this.dirty) {
        const poll = this.polls.get(id)!;
        this.deps.outlet.moderators(this.moderatorView(poll), poll.launchedBy);
        if (poll.resultsShown) this.deps.outlet.audience(this.audienceView(poll));
      }
      this.dirty.clear();
    });
  }
}

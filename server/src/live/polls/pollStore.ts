import type { Database } from 'better-sqlite3';
import type { PollAnswer, PollAudience, PollDefinition } from '@live-workshop/shared';

/** A launched poll as stored. */
export interface PollRecord {
  readonly id: string;
  readonly definition: PollDefinition;
  /** The event file's poll it was launched from, if any. */
  readonly preparedId: string | null;
  readonly audience: PollAudience;
  readonly status: 'open' | 'closed';
  readonly openedAt: number;
  readonly closesAt: number | null;
  readonly closedAt: number | null;
  readonly resultsShown: boolean;
  readonly launchedBy: string;
}

/** One person's answer to one poll. */
export interface PollVote {
  readonly pollId: string;
  readonly voterId: string;
  readonly answer: PollAnswer;
  readonly at: number;
}

/** Launched polls and their answers (one per person, replaced while open), kept for the whole event. */
export interface PollStore {
  /** Every poll, in launch order. */
  all(): PollRecord[];
  votes(): PollVote[];
  save(poll: PollRecord): void;
  /** Record answers in one transaction, each replacing the person's earlier one. */
  voteAll(votes: readonly PollVote[]): void;
  /** A person's answers. */
  votesOf(voterId: string): PollVote[];
  /** Keep a person's answers counted but not who gave them (their data was deleted). */
  anonymise(voterId: string): void;
}

/** The polls in the SQLite data file. */
export class SqlitePollStore implements PollStore {
  private readonly selectAll;
  private readonly selectVotes;
  private readonly upsertPoll;
  private readonly upsertVote;
  private readonly byVoter;
  private readonly anonymiseVoter;

  constructor(private readonly db: Database) {
    this.selectAll = db.prepare<[], { record: string }>(`SELECT record FROM polls ORDER BY rowid`);
    this.selectVotes = db.prepare<[], { poll_id: string; voter_id: string; answer: string; at: number }>(`SELECT * FROM poll_votes`);
    this.upsertPoll = db.prepare(`INSERT INTO polls (id, record) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET record = excluded.record`);
    this.upsertVote = db.prepare(`INSERT INTO poll_votes (poll_id, voter_id, answer, at) VALUES (?, ?, ?, ?)
      ON CONFLICT(poll_id, voter_id) DO UPDATE SET answer = excluded.answer, at = excluded.at`);
    this.byVoter = db.prepare<[string], { poll_id: string; voter_id: string; answer: string; at: number }>(`SELECT * FROM poll_votes WHERE voter_id = ? ORDER BY at`);
    this.anonymiseVoter = db.prepare(`UPDATE poll_votes SET voter_id = 'deleted:' || lower(hex(randomblob(8))) WHERE voter_id = ?`);
  }

  all(): PollRecord[] {
    return this.selectAll.all().map((r) => JSON.parse(r.record) as PollRecord);
  }

  votes(): PollVote[] {
    return this.selectVotes.all().map((r) => ({ pollId: r.poll_id, voterId: r.voter_id, answer: JSON.parse(r.answer) as PollAnswer, at: r.at }));
  }

  save(poll: PollRecord): void {
    this.upsertPoll.run(poll.id, JSON.stringify(poll));
  }

  voteAll(votes: readonly PollVote[]): void {
    this.db.transaction(() => {
      for (const v of votes) this.upsertVote.run(v.pollId, v.voterId, JSON.stringify(v.answer), v.at);
    })();
  }

  votesOf(voterId: string): PollVote[] {
    return this.byVoter.all(voterId).map((r) => ({ pollId: r.poll_id, voterId: r.voter_id, answer: JSON.parse(r.answer) as PollAnswer, at: r.at }));
  }

  anonymise(voterId: string): void {
    this.anonymiseVoter.run(voterId);
  }
}

import type { Database } from 'better-sqlite3';
import type { Question, QuestionStatus } from '@live-workshop/shared';

interface QuestionRow {
  id: number; author_id: string; author_name: string; anonymous: number; text: string; asked_at: number;
  status: QuestionStatus; answered_at: number | null; merged_into: number | null; votes: number;
}

/** A new question, before the store numbers it. */
export type NewQuestion = Omit<Question, 'id' | 'votes' | 'answeredAt' | 'mergedInto'>;

/** What a moderator may change on a stored question. */
export type QuestionChange = Partial<Pick<Question, 'text' | 'status' | 'answeredAt' | 'mergedInto'>>;

/** Questions and their votes, kept for the whole event (and exported after it). */
export interface QuestionStore {
  /** Every question with its vote count, oldest first. */
  all(): Question[];
  /** Who voted for what: question id → voter ids. */
  votes(): Map<number, Set<string>>;
  add(question: NewQuestion): Question;
  update(id: number, change: QuestionChange): void;
  /** Record votes in one transaction (a vote already there is kept once). */
  addVotes(votes: readonly { questionId: number; voterId: string }[]): void;
  /** Fold a duplicate's votes into another question (a person who voted for both counts once). */
  moveVotes(fromId: number, toId: number): void;
  /** The questions a person asked. */
  askedBy(participantId: string): Question[];
  /** The ids of the questions a person upvoted. */
  votedBy(participantId: string): number[];
  /** Keep a person's questions but not who asked them, and drop their votes' link to them (their data was deleted). */
  anonymise(participantId: string, name: string): void;
}

const fromRow = (r: QuestionRow): Question => ({
  id: r.id, authorId: r.author_id, authorName: r.author_name, anonymous: r.anonymous === 1, text: r.text, askedAt: r.asked_at,
  status: r.status, answeredAt: r.answered_at, mergedInto: r.merged_into, votes: r.votes,
});

const SELECT = `SELECT q.*, (SELECT COUNT(*) FROM question_votes v WHERE v.question_id = q.id) AS votes FROM questions q`;

/** The questions in the SQLite data file. */
export class SqliteQuestionStore implements QuestionStore {
  private readonly selectAll;
  private readonly selectVotes;
  private readonly insert;
  private readonly insertVote;
  private readonly byAuthor;
  private readonly byVoter;
  private readonly copyVotes;
  private readonly dropVotes;

  constructor(private readonly db: Database) {
    this.selectAll = db.prepare<[], QuestionRow>(`${SELECT} ORDER BY q.id`);
    this.selectVotes = db.prepare<[], { question_id: number; voter_id: string }>(`SELECT question_id, voter_id FROM question_votes`);
    this.insert = db.prepare(`INSERT INTO questions (author_id, author_name, anonymous, text, asked_at, status) VALUES (?, ?, ?, ?, ?, ?)`);
    this.insertVote = db.prepare(`INSERT OR IGNORE INTO question_votes (question_id, voter_id) VALUES (?, ?)`);
    this.byAuthor = db.prepare<[string], QuestionRow>(`${SELECT} WHERE q.author_id = ? ORDER BY q.id`);
    this.byVoter = db.prepare<[string], { question_id: number }>(`SELECT question_id FROM question_votes WHERE voter_id = ? ORDER BY question_id`);
    this.copyVotes = db.prepare(`INSERT OR IGNORE INTO question_votes (question_id, voter_id) SELECT ?, voter_id FROM question_votes WHERE question_id = ?`);
    this.dropVotes = db.prepare(`DELETE FROM question_votes WHERE question_id = ?`);
  }

  all(): Question[] {
    return this.selectAll.all().map(fromRow);
  }

  votes(): Map<number, Set<string>> {
    const votes = new Map<number, Set<string>>();
    for (const { question_id, voter_id } of this.selectVotes.iterate()) {
      let set = votes.get(question_id);
      if (!set) votes.set(question_id, (set = new Set()));
      set.add(voter_id);
    }
    return votes;
  }

  add(q: NewQuestion): Question {
    const info = this.insert.run(q.authorId, q.authorName, q.anonymous ? 1 : 0, q.text, q.askedAt, q.status);
    return { ...q, id: Number(info.lastInsertRowid), votes: 0, answeredAt: null, mergedInto: null };
  }

  update(id: number, change: QuestionChange): void {
    const columns: Record<keyof QuestionChange, string> = { text: 'text', status: 'status', answeredAt: 'answered_at', mergedInto: 'merged_into' };
    const entries = (Object.keys(change) as (keyof QuestionChange)[]).filter((k) => change[k] !== undefined);
    if (entries.length === 0) return;
    this.db.prepare(`UPDATE questions SET ${entries.map((k) => `${columns[k]} = ?`).join(', ')} WHERE id = ?`).run(...entries.map((k) => change[k]), id);
  }

  addVotes(votes: readonly { questionId: number; voterId: string }[]): void {
    this.db.transaction(() => {
      for (const v of votes) this.insertVote.run(v.questionId, v.voterId);
    })();
  }

  moveVotes(fromId: number, toId: number): void {
    this.db.transaction(() => {
      this.copyVotes.run(toId, fromId);
      this.dropVotes.run(fromId);
    })();
  }

  askedBy(participantId: string): Question[] {
    return this.byAuthor.all(participantId).map(fromRow);
  }

  votedBy(participantId: string): number[] {
    return this.byVoter.all(participantId).map((r) => r.question_id);
  }

  anonymise(participantId: string, name: string): void {
    this.db.prepare(`UPDATE questions SET author_id = 'deleted', author_name = ?, anonymous = 1 WHERE author_id = ?`).run(name, participantId);
    // A vote stays counted, under an id that names nobody.
    this.db.prepare(`UPDATE question_votes SET voter_id = 'deleted:' || lower(hex(randomblob(8))) WHERE voter_id = ?`).run(participantId);
  }
}

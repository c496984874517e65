// Polls: the pure rules both sides share (what a valid answer is, how answers are counted, who
// sees results). No I/O and no schema; the zod schemas are in protocol/liveSegmentPayloads.ts.
import type { RoomId } from '../rooms.js';

/** The kinds of poll. */
export const POLL_KINDS = ['single', 'multiple', 'rating', 'word'] as const;
export type PollKind = (typeof POLL_KINDS)[number];

/** Limits of a poll and its answers. */
export const POLL_QUESTION_MAX_CHARS = 300;
export const POLL_OPTION_MAX_CHARS = 120;
export const POLL_MAX_OPTIONS = 10;
export const POLL_WORD_MAX_CHARS = 40;
/** Longest a poll may run on its timer. */
export const POLL_MAX_DURATION_SECONDS = 3600;
/** How many different words a result lists (the most given first). */
export const POLL_TOP_WORDS = 30;
/** How often a poll's results are pushed while votes arrive. */
export const POLL_PUSH_INTERVAL_MS = 500;
/** The ratings of a rating poll. */
export const RATINGS = [1, 2, 3, 4, 5] as const;

/** A poll as prepared (event file, console) or written ad hoc. */
export interface PollDefinition {
  readonly question: string;
  readonly kind: PollKind;
  /** The choices of a single or multiple choice poll; empty for rating and word polls. */
  readonly options: readonly string[];
}

/** An answer, by kind. */
export type PollAnswer =
  | { readonly kind: 'single'; readonly choice: number }
  | { readonly kind: 'multiple'; readonly choices: readonly number[] }
  | { readonly kind: 'rating'; readonly rating: number }
  | { readonly kind: 'word'; readonly word: string };

/** Who a poll is put to: everyone, or the people in one room (a breakout, the plenary). */
export type PollAudience = { readonly kind: 'everyone' } | { readonly kind: 'room'; readonly roomId: RoomId };

/** Counted answers: per option (or per rating 1–5), or the words given most. */
export interface PollResults {
  /** How many people answered. */
  readonly voters: number;
  /** Per option for choice polls, per rating (1–5) for rating polls; empty for word polls. */
  readonly counts: readonly number[];
  /** Word polls: the words given most (lower-cased), most first. */
  readonly words: readonly { readonly word: string; readonly count: number }[];
}

/** A poll launched in the event. `results` is present for the audience only once shown. */
export interface PollView {
  readonly id: string;
  readonly definition: PollDefinition;
  readonly audience: PollAudience;
  readonly status: 'open' | 'closed';
  readonly openedAt: number;
  /** When the timer closes it; null when it is closed by hand. */
  readonly closesAt: number | null;
  readonly resultsShown: boolean;
  readonly results: PollResults | null;
}

/** Why an answer does not fit its poll, or null when it does. */
export function answerProblem(def: PollDefinition, answer: PollAnswer): string | null {
  if (answer.kind !== def.kind) return `This poll takes a ${def.kind} answer.`;
  switch (answer.kind) {
    case 'single':
      return Number.isInteger(answer.choice) && answer.choice >= 0 && answer.choice < def.options.length ? null : 'Choose one of the options.';
    case 'multiple': {
      const unique = new Set(answer.choices);
      if (answer.choices.length === 0) return 'Choose at least one option.';
      if (unique.size !== answer.choices.length) return 'Choose each option once.';
      return answer.choices.every((c) => Number.isInteger(c) && c >= 0 && c < def.options.length) ? null : 'Choose among the options.';
    }
    case 'rating':
      return (RATINGS as readonly number[]).includes(answer.rating) ? null : 'Rate from 1 to 5.';
    case 'word':
      return normaliseWord(answer.word).length > 0 ? null : 'Give a word.';
  }
}

/** A word answer as it is counted: trimmed, inner spaces collapsed, lower-case. */
export const normaliseWord = (word: string): string => word.trim().replace(/\s+/g, ' ').toLowerCase().slice(0, POLL_WORD_MAX_CHARS);

/** Count the answers of one poll (one answer per person). */
export function tallyPoll(def: PollDefinition, answers: Iterable<PollAnswer>): PollResults {
  const counts = def.kind === 'rating' ? RATINGS.map(() => 0) : def.kind === 'word' ? [] : def.options.map(() => 0);
  const words = new Map<string, number>();
  let voters = 0;
  for (const a of answers) {
    if (answerProblem(def, a)) continue;
    voters++;
    if (a.kind === 'single') counts[a.choice]!++;
    else if (a.kind === 'multiple') for (const c of a.choices) counts[c]!++;
    else if (a.kind === 'rating') counts[a.rating - 1]!++;
    else words.set(normaliseWord(a.word), (words.get(normaliseWord(a.word)) ?? 0) + 1);
  }
  const top = [...words].map(([word, count]) => ({ word, count })).sort((x, y) => y.count - x.count || x.word.localeCompare(y.word)).slice(0, POLL_TOP_WORDS);
  return { voters, counts, words: top };
}

/** Whether someone in `roomId` is asked this poll. */
export const isInAudience = (audience: PollAudience, roomId: RoomId | null): boolean => audience.kind === 'everyone' || audience.roomId === roomId;

/** The labels of a poll's bars: its options, or the five ratings. */
export const pollLabels = (def: PollDefinition): readonly string[] => (def.kind === 'rating' ? RATINGS.map((r) => `${r} ${'★'.repeat(r)}`) : def.options);

/** The queues that need a moderator now, counted from the roster, the help requests and the question board. Pure. */
import type { HelpRequest, ModeratorBoardView, RosterView } from '@live-workshop/shared';

/** How many wait in each queue, and who raised a hand (to name them when a new one goes up). */
export interface Needs {
  readonly help: number;
  readonly hands: number;
  readonly handNames: ReadonlyMap<string, string>;
  /** Questions waiting for approval, or (without approval) asked and not answered yet. */
  readonly questions: number;
}

/** The queues now. */
export function needsOf(roster: RosterView | null, helpRequests: readonly HelpRequest[], board: ModeratorBoardView | null): Needs {
  const raised = roster?.entries.filter((e) => e.handRaised) ?? [];
  const live = board?.questions.filter((q) => q.status !== 'merged' && q.status !== 'hidden') ?? [];
  const questions = board?.moderation === 'approval' ? live.filter((q) => q.status === 'pending').length : live.filter((q) => q.answeredAt === null).length;
  return { help: helpRequests.length, hands: raised.length, handNames: new Map(raised.map((e) => [e.id, e.name])), questions };
}

/** What is new since the last look: hands raised by whom, more questions, more help requests. */
export interface NewNeeds {
  readonly hands: readonly string[];
  readonly questions: number;
  readonly help: number;
}

/** The difference between two looks at the queues; nothing is new on the first look. */
export function newNeeds(before: Needs | null, now: Needs): NewNeeds {
  if (!before) return { hands: [], questions: 0, help: 0 };
  return {
    hands: [...now.handNames].filter(([id]) => !before.handNames.has(id)).map(([, name]) => name),
    questions: Math.max(0, now.questions - before.questions),
    help: Math.max(0, now.help - before.help),
  };
}

/** Whether anything in a difference is new. */
export const anythingNew = (n: NewNeeds): boolean => n.hands.length > 0 || n.questions > 0 || n.help > 0;

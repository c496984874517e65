import { expect, test } from 'vitest';
import type { ModeratorBoardView } from '@live-workshop/shared';
import { rosterEntry } from '../testing/fixtures.js';
import { anythingNew, needsOf, newNeeds } from './needs.js';

const roster = (hands: string[]) => ({ revision: 1, entries: ['Ann', 'Ben', 'Cem'].map((name) => rosterEntry({ id: name.toLowerCase(), name, handRaised: hands.includes(name) })) });
const question = (id: number, status: 'pending' | 'approved' | 'hidden' | 'merged', answered = false) => ({
  id, authorId: 'ann', authorName: 'Ann', anonymous: false, text: `q${id}`, askedAt: 1, status, answeredAt: answered ? 2 : null, mergedInto: null, votes: 0,
});
const board = (moderation: 'approval' | 'immediate', questions: ReturnType<typeof question>[]): ModeratorBoardView => ({ revision: 1, moderation, questions, pinnedId: null });
const help = (n: number) => Array.from({ length: n }, (_, i) => ({ participantId: `p${i}`, name: `P${i}`, roomId: null, text: '', at: i }));

test.each([
  ['with approval, the questions waiting for it', board('approval', [question(1, 'pending'), question(2, 'approved'), question(3, 'pending')]), 2],
  ['without approval, the shown questions not answered yet', board('immediate', [question(1, 'approved'), question(2, 'approved', true), question(3, 'hidden'), question(4, 'merged')]), 1],
  ['no board (not a moderator yet)', null, 0],
])('questions to handle: %s', (_name, b, count) => {
  expect(needsOf(roster([]), [], b).questions).toBe(count);
});

test('what is new since the last look: the hands raised since (by name), more questions, more help requests; nothing on the first look', () => {
  const first = needsOf(roster(['Ben']), help(1), board('approval', [question(1, 'pending')]));
  expect(newNeeds(null, first)).toEqual({ hands: [], questions: 0, help: 0 });
  const later = needsOf(roster(['Ben', 'Cem']), help(2), board('approval', [question(1, 'pending'), question(2, 'pending')]));
  expect(newNeeds(first, later)).toEqual({ hands: ['Cem'], questions: 1, help: 1 });
  expect(anythingNew(newNeeds(first, later))).toBe(true);
  // A hand lowered and a request done are no news.
  expect(anythingNew(newNeeds(later, needsOf(roster([]), help(0), board('approval', []))))).toBe(false);
});

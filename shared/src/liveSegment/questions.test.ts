import { describe, expect, test } from 'vitest';
import { isPublic, publicQuestion, sortQuestions, statusOnAsk, type Question } from './questions.js';

const q = (id: number, votes: number, askedAt: number, answered = false) => ({ id, votes, askedAt, answered });

describe('the order of the list', () => {
  test.each([
    ['votes: most first', 'votes', [q(1, 1, 10), q(2, 5, 20), q(3, 3, 30)], [2, 3, 1]],
    ['votes: a tie goes to the older question', 'votes', [q(1, 2, 30), q(2, 2, 10)], [2, 1]],
    ['votes: answered questions go last', 'votes', [q(1, 9, 10, true), q(2, 1, 20)], [2, 1]],
    ['time: newest first', 'time', [q(1, 9, 10), q(2, 0, 30), q(3, 5, 20)], [2, 3, 1]],
  ] as const)('%s', (_what, order, list, ids) => {
    expect(sortQuestions(list, order).map((x) => x.id)).toEqual(ids);
  });

  test('sorting leaves the given list as it was', () => {
    const list = [q(1, 1, 10), q(2, 5, 20)];
    sortQuestions(list, 'votes');
    expect(list.map((x) => x.id)).toEqual([1, 2]);
  });
});

describe('who sees what', () => {
  const base: Question = { id: 1, authorId: 'ada', authorName: 'Ada', anonymous: false, text: 'T', askedAt: 5, status: 'approved', answeredAt: null, mergedInto: null, votes: 2 };

  test.each([
    ['approved', true], ['pending', false], ['hidden', false], ['merged', false],
  ] as const)('a %s question is public: %s', (status, shown) => {
    expect(isPublic({ status })).toBe(shown);
  });

  test('the room never sees who asked an anonymous question, nor anyone\'s id', () => {
    expect(publicQuestion({ ...base, anonymous: true })).toEqual({ id: 1, text: 'T', author: null, askedAt: 5, votes: 2, answered: false });
    expect(publicQuestion({ ...base, answeredAt: 9 })).toMatchObject({ author: 'Ada', answered: true });
  });

  test.each([['immediate', 'approved'], ['approval', 'pending']] as const)('under %s a new question is %s', (mode, status) => {
    expect(statusOnAsk(mode)).toBe(status);
  });
});

import { describe, expect, test } from 'vitest';
import { answerProblem, isInAudience, normaliseWord, tallyPoll, type PollAnswer, type PollDefinition } from './polls.js';

const single: PollDefinition = { question: 'Q', kind: 'single', options: ['a', 'b', 'c'] };
const multiple: PollDefinition = { question: 'Q', kind: 'multiple', options: ['a', 'b'] };
const rating: PollDefinition = { question: 'Q', kind: 'rating', options: [] };
const word: PollDefinition = { question: 'Q', kind: 'word', options: [] };

describe('a valid answer', () => {
  test.each<[string, PollDefinition, PollAnswer, boolean]>([
    ['one of the options', single, { kind: 'single', choice: 2 }, true],
    ['an option that does not exist', single, { kind: 'single', choice: 3 }, false],
    ['a fractional option', single, { kind: 'single', choice: 0.5 }, false],
    ['another kind', single, { kind: 'rating', rating: 3 }, false],
    ['several options', multiple, { kind: 'multiple', choices: [0, 1] }, true],
    ['no option', multiple, { kind: 'multiple', choices: [] }, false],
    ['an option twice', multiple, { kind: 'multiple', choices: [1, 1] }, false],
    ['a rating of 5', rating, { kind: 'rating', rating: 5 }, true],
    ['a rating of 0', rating, { kind: 'rating', rating: 0 }, false],
    ['a word', word, { kind: 'word', word: ' Trust ' }, true],
    ['only spaces', word, { kind: 'word', word: '   ' }, false],
  ])('%s: %s', (_what, def, answer, ok) => {
    expect(answerProblem(def, answer) === null).toBe(ok);
  });
});

describe('counting', () => {
  test('choices are counted per option; a person answering several counts once as a voter', () => {
    expect(tallyPoll(multiple, [{ kind: 'multiple', choices: [0, 1] }, { kind: 'multiple', choices: [1] }])).toEqual({ voters: 2, counts: [1, 2], words: [] });
  });

  test('ratings are counted from 1 to 5', () => {
    expect(tallyPoll(rating, [{ kind: 'rating', rating: 5 }, { kind: 'rating', rating: 1 }, { kind: 'rating', rating: 5 }]).counts).toEqual([1, 0, 0, 0, 2]);
  });

  test('words are counted regardless of case and spacing, most given first', () => {
    const answers = ['Trust', ' trust ', 'Skills', 'open  data', 'Open data', 'OPEN DATA'].map((w) => ({ kind: 'word' as const, word: w }));
    expect(tallyPoll(word, answers).words).toEqual([{ word: 'open data', count: 3 }, { word: 'trust', count: 2 }, { word: 'skills', count: 1 }]);
    expect(normaliseWord('  A   B ')).toBe('a b');
  });

  test('an answer that does not fit is not counted', () => {
    expect(tallyPoll(single, [{ kind: 'single', choice: 9 }, { kind: 'single', choice: 0 }])).toEqual({ voters: 1, counts: [1, 0, 0], words: [] });
  });
});

test.each([
  [{ kind: 'everyone' } as const, 'breakout:skills', true],
  [{ kind: 'room', roomId: 'breakout:skills' } as const, 'breakout:skills', true],
  [{ kind: 'room', roomId: 'breakout:skills' } as const, 'plenary', false],
])('audience %j includes someone in %s: %s', (audience, roomId, shown) => {
  expect(isInAudience(audience, roomId as never)).toBe(shown);
});

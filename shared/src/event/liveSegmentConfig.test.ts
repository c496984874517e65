import { describe, expect, test } from 'vitest';
import { liveSegmentConfigSchema } from './liveSegmentConfig.js';

describe('the live segment in an event file', () => {
  test('absent parts take their defaults', () => {
    expect(liveSegmentConfigSchema.parse({})).toEqual({ questionModeration: 'immediate', polls: [] });
  });

  test('prepared polls of every kind are read', () => {
    const polls = [
      { id: 'a', question: 'Which?', kind: 'single', options: ['x', 'y'] },
      { id: 'b', question: 'Which ones?', kind: 'multiple', options: ['x', 'y', 'z'] },
      { id: 'c', question: 'How good?', kind: 'rating' },
      { id: 'd', question: 'One word?', kind: 'word' },
    ];
    expect(liveSegmentConfigSchema.parse({ questionModeration: 'approval', polls }).polls.map((p) => p.options.length)).toEqual([2, 3, 0, 0]);
  });

  test.each([
    ['a choice poll with one option', [{ id: 'a', question: 'Q', kind: 'single', options: ['x'] }], ['polls', 0, 'options']],
    ['a word poll with options', [{ id: 'a', question: 'Q', kind: 'word', options: ['x'] }], ['polls', 0, 'options']],
    ['two polls with one id', [{ id: 'a', question: 'Q', kind: 'rating' }, { id: 'a', question: 'R', kind: 'rating' }], ['polls', 1, 'id']],
    ['an unknown kind', [{ id: 'a', question: 'Q', kind: 'essay' }], ['polls', 0, 'kind']],
  ])('%s is refused at its path', (_what, polls, path) => {
    const result = liveSegmentConfigSchema.safeParse({ polls });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});

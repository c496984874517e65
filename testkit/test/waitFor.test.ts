import { describe, expect, test } from 'vitest';
import { waitFor } from '../src/waitFor.js';

describe('waitFor', () => {
  test('resolves with the first truthy answer; a throwing probe counts as "not yet"', async () => {
    const answers: (() => number)[] = [() => 0, () => { throw new Error('not ready'); }, () => 7, () => 8];
    await expect(waitFor(() => answers.shift()!(), { intervalMs: 1 })).resolves.toBe(7);
    expect(answers).toHaveLength(1);
  });

  test('gives up naming what it waited for and the last answer', async () => {
    await expect(waitFor(() => null, { timeoutMs: 0, what: 'the roster' })).rejects.toThrow(/waiting for the roster \(last: null\)/);
    await expect(waitFor(() => { throw new Error('still closed'); }, { timeoutMs: 0 })).rejects.toThrow(/last: still closed/);
  });
});

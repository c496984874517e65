import { expect, test } from 'vitest';
import { GroupCommit } from './groupCommit.js';

test('writes queued in one turn are committed as one batch, and each promise settles after it', async () => {
  const batches: number[][] = [];
  let flush: (() => void) | null = null;
  const commit = new GroupCommit<number>((items) => batches.push([...items]), (f) => { flush = f; });
  const settled: number[] = [];
  const writes = [1, 2, 3].map((n) => commit.write(n).then(() => settled.push(n)));
  await Promise.resolve();
  expect(batches).toEqual([]);
  expect(settled).toEqual([]);
  flush!();
  await Promise.all(writes);
  expect(batches).toEqual([[1, 2, 3]]);
  expect(settled).toEqual([1, 2, 3]);
});

test('a failed batch rejects every write in it; the next batch starts afresh', async () => {
  let fail = true;
  const commit = new GroupCommit<number>(() => {
    if (fail) throw new Error('disk full');
  }, (f) => queueMicrotask(f));
  await expect(Promise.all([commit.write(1), commit.write(2)])).rejects.toThrow('disk full');
  fail = false;
  await expect(commit.write(3)).resolves.toBeUndefined();
});

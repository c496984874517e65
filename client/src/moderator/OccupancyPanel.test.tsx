import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { notifyManager } from '@tanstack/react-query';
import type { Phase } from '@live-workshop/shared';
import { EVENT, running } from '../testing/fixtures.js';
import { withQueries } from '../testing/queries.js';
import { OCCUPANCY_POLL_MS, OccupancyPanel } from './OccupancyPanel.js';

// Query results reach the component in a microtask, not a timer: fake time alone then decides when reads happen.
notifyManager.setScheduler(queueMicrotask);
// The chart (uPlot, canvas) is not what these tests read: its text alternative and the table are.
vi.mock('./OccupancyChart.js', () => ({ default: () => null }));

let reads: number;
let held: (() => void)[];
/** The answers, in the order of the reads; a `held` answer waits for its release. */
let answers: { plenary: number; hold?: boolean }[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  reads = 0;
  held = [];
  answers = [];
  vi.stubGlobal('fetch', async () => {
    const answer = answers[reads] ?? { plenary: 0 };
    reads += 1;
    if (answer.hold) await new Promise<void>((resolve) => held.push(resolve));
    // A plain object, not a Response: its body is read without streams, so fake timers alone decide when.
    const body = JSON.stringify({ stepMs: 60_000, rooms: ['plenary'], points: [{ at: 0, counts: { plenary: answer.plenary } }] });
    return { ok: true, status: 200, text: async () => body };
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const panel = (phase: Phase) => withQueries(<OccupancyPanel credential="cred-mod" event={EVENT} phase={phase} />);
const settle = () => act(() => vi.advanceTimersByTimeAsync(0));
const peak = () => screen.getByRole('img').getAttribute('aria-label');

test('nothing is read before the doors open; while the event runs it is read every 30 s; after the end once more, then never', async () => {
  answers = [{ plenary: 3 }, { plenary: 5 }, { plenary: 4 }];
  const { rerender } = render(panel({ kind: 'scheduled' }));
  await settle();
  expect(reads).toBe(0);
  rerender(panel(running('plenary', 0, Date.now() + 3_600_000)));
  await settle();
  expect(reads).toBe(1);
  expect(peak()).toBe('People per room over time; highest counts: Plenary 3.');
  await act(() => vi.advanceTimersByTimeAsync(OCCUPANCY_POLL_MS));
  expect(reads).toBe(2);
  await settle();
  expect(peak()).toBe('People per room over time; highest counts: Plenary 5.');
  rerender(panel({ kind: 'ended' } as Phase));
  await settle();
  expect(reads).toBe(3);
  expect(peak()).toBe('People per room over time; highest counts: Plenary 4.');
  await act(() => vi.advanceTimersByTimeAsync(3 * OCCUPANCY_POLL_MS));
  expect(reads).toBe(3);
});

test('a slow poll answered after the end\'s last read does not replace it', async () => {
  answers = [{ plenary: 3 }, { plenary: 9, hold: true }, { plenary: 4 }];
  const { rerender } = render(panel(running('plenary', 0, Date.now() + 3_600_000)));
  await settle();
  await act(() => vi.advanceTimersByTimeAsync(OCCUPANCY_POLL_MS));
  expect(reads).toBe(2);
  rerender(panel({ kind: 'ended' } as Phase));
  await settle();
  expect(reads).toBe(3);
  expect(peak()).toBe('People per room over time; highest counts: Plenary 4.');
  held.forEach((release) => release());
  await settle();
  expect(peak()).toBe('People per room over time; highest counts: Plenary 4.');
});

// close() stops every periodic job of the app: nothing it scheduled runs afterwards.
import { expect, test } from 'vitest';
import { ManualTime, type Scheduler } from '../src/platform/clock.js';
import { startTestApp } from './harness.js';

test('after close() no periodic job (token refresh, presence reconcile) runs or re-arms', async () => {
  // Months before the seed event, so no agenda deadline or autopilot time comes due in the hour below.
  const time = new ManualTime(Date.parse('2025-01-01T08:00:00Z'));
  let closed = false;
  const ranAfterClose: number[] = [];
  const scheduler: Scheduler = {
    at: (at, fn) => time.at(at, () => {
      if (closed) ranAfterClose.push(at);
      fn();
    }),
  };
  const { app } = await startTestApp({ clock: time, scheduler });
  // The presence reconcile (every 10 s) fires first, while the token refresh (every 60 s) waits.
  time.advanceBy(10_001);
  time.advanceBy(10_001);
  await app.close();
  closed = true;
  time.advanceBy(3_600_000);
  expect(ranAfterClose).toEqual([]);
});

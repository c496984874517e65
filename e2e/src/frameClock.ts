// When a page showed each person's video frames, by wall-clock time: a watcher in the page hooks
// every remote video (also ones created later, e.g. after a reconnect) and records the time of
// each frame presented, so a test can tell when video came back to within a frame.
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** Name → wall-clock times (ms) of the last frames presented of that person's video. */
    __lwFrameTimes?: Record<string, number[]>;
  }
}

/** Start recording frame times on `page` (idempotent). */
export async function watchFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    if (window.__lwFrameTimes) return;
    const times: Record<string, number[]> = {};
    window.__lwFrameTimes = times;
    const hooked = new WeakSet<HTMLVideoElement>();
    const hook = () => {
      for (const video of Array.from(document.querySelectorAll<HTMLVideoElement>('video[data-testid="remote-video"]'))) {
        if (hooked.has(video)) continue;
        hooked.add(video);
        const name = video.dataset.name ?? '';
        const onFrame = () => {
          const list = (times[name] ??= []);
          list.push(Date.now());
          if (list.length > 400) list.splice(0, list.length - 400);
          if (video.isConnected) video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
      }
    };
    hook();
    setInterval(hook, 50);
  });
}

/**
 * The time of the `nth` frame of `name`'s video presented after `sinceMs` (so that a single
 * stale frame does not count as video being back), or null if there is none yet.
 */
export async function nthFrameAfter(page: Page, name: string, sinceMs: number, nth = 3): Promise<number | null> {
  const times = await page.evaluate((n) => window.__lwFrameTimes?.[n] ?? [], name);
  const after = times.filter((t) => t > sinceMs);
  return after.length >= nth ? after[nth - 1]! : null;
}

// What a page's speakers play: the level of the remote audio it receives.
import type { Page } from 'playwright-core';

/** Peak level (0–1) of the remote audio a page plays, listened to for `windowMs`. */
export function remoteAudioPeak(page: Page, windowMs = 1500): Promise<number> {
  return page.evaluate(async (ms) => {
    const streams = Array.from(document.querySelectorAll('audio'))
      .map((a) => a.srcObject)
      .filter((s): s is MediaStream => s instanceof MediaStream && s.getAudioTracks().length > 0);
    if (streams.length === 0) return 0;
    const context = new AudioContext();
    await context.resume();
    const analysers = streams.map((stream) => {
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(stream).connect(analyser);
      return analyser;
    });
    const buffer = new Float32Array(2048);
    let peak = 0;
    const until = performance.now() + ms;
    while (performance.now() < until) {
      for (const analyser of analysers) {
        analyser.getFloatTimeDomainData(buffer);
        for (const v of buffer) peak = Math.max(peak, Math.abs(v));
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    await context.close();
    return peak;
  }, windowMs);
}

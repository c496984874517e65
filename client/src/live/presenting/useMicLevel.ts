import { useEffect, useState } from 'react';

/** How often the level is read, in ms: enough for a meter, cheap for the page. */
const LEVEL_INTERVAL_MS = 100;
/** Share of the last level kept at each reading: the meter falls back smoothly between syllables. */
const LEVEL_DECAY = 0.8;

/**
 * The loudness of a microphone track, 0 to 1 (RMS of the waveform, scaled so speech fills most of
 * the meter, falling back smoothly), read through Web Audio; null without a live track.
 */
export function useMicLevel(track: MediaStreamTrack | null): number | null {
  const [level, setLevel] = useState<number | null>(null);
  useEffect(() => {
    if (!track || track.readyState !== 'live' || typeof AudioContext === 'undefined') {
      setLevel(null);
      return;
    }
    const context = new AudioContext();
    // A context made without a click starts suspended in most browsers: the next click resumes it.
    const resume = () => void context.resume().catch(() => undefined);
    resume();
    document.addEventListener('pointerdown', resume, { once: true });
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let held = 0;
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      held = Math.max(Math.min(1, Math.sqrt(sum / samples.length) * 4), held * LEVEL_DECAY);
      setLevel(held < 0.005 ? 0 : held);
    }, LEVEL_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', resume);
      void context.close();
    };
  }, [track]);
  return level;
}

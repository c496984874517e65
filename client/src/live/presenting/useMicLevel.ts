import { useEffect, useState } from 'react';

/** How often the level is read, in ms: enough for a meter, cheap for the page. */
const LEVEL_INTERVAL_MS = 100;

/**
 * The loudness of a microphone track, 0 to 1 (RMS of the waveform, scaled so speech fills most of
 * the meter), read through Web Audio; null without a live track.
 */
export function useMicLevel(track: MediaStreamTrack | null): number | null {
  const [level, setLevel] = useState<number | null>(null);
  useEffect(() => {
    if (!track || track.readyState !== 'live' || typeof AudioContext === 'undefined') {
      setLevel(null);
      return;
    }
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      setLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
    }, LEVEL_INTERVAL_MS);
    return () => {
      clearInterval(timer);
      void context.close();
    };
  }, [track]);
  return level;
}

// A track published ahead of the cue sends nothing until the cue, and at the cue a muted person's
// copy starts sending only as muted: not one frame of their microphone or camera goes out first.
import { expect, test } from 'vitest';
import type { LocalParticipant, LocalTrackPublication } from 'livekit-client';
import { publishPaused, resumePaused } from './pausedPublishing.js';

/** A MediaStreamTrack as far as publishing ahead uses it. */
function fakeTrack(): MediaStreamTrack {
  const track = { enabled: true, readyState: 'live', stop: () => undefined, clone: () => ({ ...track, clone: track.clone }) };
  return track as unknown as MediaStreamTrack;
}

/** A local participant whose publications record whether their copy was enabled whenever sending started or stopped. */
function fakeParticipant(log: string[]): LocalParticipant {
  return {
    publishTrack: async (copy: MediaStreamTrack) => {
      log.push(`publish enabled=${copy.enabled}`);
      const sender = { getStats: async () => new Map([['o', { type: 'outbound-rtp', packetsSent: 1 }]]) };
      return {
        track: {
          sender,
          pauseUpstream: async () => void log.push(`pause enabled=${copy.enabled}`),
          resumeUpstream: async () => void log.push(`resume enabled=${copy.enabled}`),
        },
      } as unknown as LocalTrackPublication;
    },
  } as unknown as LocalParticipant;
}

test('published disabled and paused; at the cue a muted person resumes disabled, an unmuted one enabled', async () => {
  const log: string[] = [];
  const mic = fakeTrack();
  const paused = await publishPaused(fakeParticipant(log), 'audio', mic, {});
  expect(paused.from).toBe(mic);
  expect(paused.copy).not.toBe(mic);
  // The track in use in the current room is untouched.
  expect(mic.enabled).toBe(true);
  expect(log).toEqual(['publish enabled=false', 'pause enabled=false']);
  // Still nothing to send while waiting for the cue.
  expect(paused.copy.enabled).toBe(false);

  await resumePaused(paused, true);
  expect(log.at(-1)).toBe('resume enabled=false');
  const other = await publishPaused(fakeParticipant(log), 'audio', fakeTrack(), {});
  await resumePaused(other, false);
  expect(log.at(-1)).toBe('resume enabled=true');
});

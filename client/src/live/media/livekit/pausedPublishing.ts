/**
 * Our camera and microphone published in a pre-joined room before the cue, with nothing sent
 * (issue 14: the move becomes a switch). Each is a copy of the track in use, disabled (silence,
 * black) until the media server has received its first packets, then its upstream is paused: no
 * media leaves the browser for that room until the cue resumes it, with no negotiation left to do.
 *
 * Why send those first packets: LiveKit sets up a published track, and lets others subscribe to it,
 * only once its first packet arrives. Paused at once, that set-up and every subscriber's
 * negotiation would wait for the cue (measured in the bench: `prejoin-published`, bench/src/mediaPage.ts).
 * What they carry is silence and black frames, sent to a room where nobody shows the person yet
 * (shared/src/preJoin.ts).
 */
import { Track, type LocalParticipant, type LocalTrackPublication, type TrackPublishOptions } from 'livekit-client';

/** How long silence is sent after the first packet before the upstream pauses (the server's set-up of the track). */
export const PAUSE_AFTER_FIRST_PACKET_MS = 300;
/** A track whose first packet does not go out within this long is paused anyway. */
const FIRST_PACKET_WAIT_MS = 3_000;

/** One track published paused: the copy that is sent, and the track it copies. */
export interface PausedPublication {
  readonly publication: LocalTrackPublication;
  /** The track in use elsewhere that this copies (a move resumes only a copy of the tracks it sends). */
  readonly from: MediaStreamTrack;
  /** Ours to stop when the room is left. */
  readonly copy: MediaStreamTrack;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function packetsSent(publication: LocalTrackPublication): Promise<number> {
  const sender = publication.track?.sender;
  if (!sender) return 0;
  let n = 0;
  (await sender.getStats()).forEach((s: { type?: string; packetsSent?: number }) => {
    if (s.type === 'outbound-rtp') n += s.packetsSent ?? 0;
  });
  return n;
}

/** Publish a disabled copy of `track`, let the server set it up, and pause its upstream. */
export async function publishPaused(lp: LocalParticipant, kind: 'audio' | 'video', track: MediaStreamTrack, options: TrackPublishOptions): Promise<PausedPublication> {
  const copy = track.clone();
  copy.enabled = false;
  const source = kind === 'audio' ? Track.Source.Microphone : Track.Source.Camera;
  let publication: LocalTrackPublication;
  try {
    publication = await lp.publishTrack(copy, { ...options, source });
  } catch (error) {
    copy.stop();
    throw error;
  }
  const until = Date.now() + FIRST_PACKET_WAIT_MS;
  while (Date.now() < until && (await packetsSent(publication)) === 0) await sleep(50);
  await sleep(PAUSE_AFTER_FIRST_PACKET_MS);
  await publication.track?.pauseUpstream();
  // Still disabled: the cue enables it only if the person is not muted then.
  return { publication, from: track, copy };
}

/** At the cue: send what was published paused, enabled only when not `muted` (a muted person sends not one frame first). */
export async function resumePaused(paused: PausedPublication, muted: boolean): Promise<LocalTrackPublication> {
  paused.copy.enabled = !muted;
  await paused.publication.track?.resumeUpstream();
  return paused.publication;
}

import { useEffect, useId } from 'react';
import type { RemoteTrackRef } from './livekit/types.js';
import { AUDIO_FADE_OUT_MS } from '../moves/audioHandover.js';
import { useLw } from '../../session/useLw.js';
import { useMediaControls } from './useMediaControls.js';
import { useRemoteTrack } from './useTrack.js';
import { t as tr } from '../../i18n/i18n.js';
import { playbackVolume } from '../../session/store/listeningActions.js';

/** Steps of the fade-out of the room we left (its length: AUDIO_FADE_OUT_MS in live/moves/audioHandover.ts). */
const FADE_STEPS = 10;

function AudioTrack({ track, fading = false, volume = 1 }: { track: RemoteTrackRef; fading?: boolean; volume?: number }) {
  const ref = useRemoteTrack<HTMLAudioElement>(track);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (!fading) {
      element.volume = volume;
      return;
    }
    let step = 0;
    const timer = setInterval(() => {
      step += 1;
      element.volume = Math.max(0, volume * (1 - step / FADE_STEPS));
      if (step >= FADE_STEPS) clearInterval(timer);
    }, AUDIO_FADE_OUT_MS / FADE_STEPS);
    return () => clearInterval(timer);
  }, [fading, ref, volume]);
  return <audio ref={ref} autoPlay data-testid="remote-audio" data-volume={volume} />;
}

/**
 * Plays every remote microphone and screen audio of the room (and, during a move, of the room left), each at
 * the volume the listener chose for that person (and for the stage); offers a button when the browser blocks sound.
 */
export function RemoteAudio() {
  const participants = useLw((s) => s.media.participants);
  const blocked = useLw((s) => s.media.audioBlocked);
  const controls = useMediaControls();
  const heldId = useId();
  const held = useLw((s) => s.media.heldAudio);
  const listening = useLw((s) => s.listening);
  const roomId = useLw((s) => s.media.roomId);
  const tracks = participants.flatMap((p) => p.tracks.filter((t) => t.kind === 'audio').map((track) => ({ track, volume: playbackVolume(listening, p.identity, roomId) })));
  return (
    <>
      <div hidden>
        {tracks.map(({ track, volume }) => (
          <AudioTrack key={track.key} track={track} volume={volume} />
        ))}
        {/* The room we just left, until the new one is heard (then faded out). */}
        {held.tracks.map((t) => (
          <AudioTrack key={`held-${t.key}`} track={t} fading={held.fading} />
        ))}
      </div>
      {blocked && (
        <aside className="notice notice-info" aria-labelledby={heldId}>
          <p id={heldId}>{tr('media.soundHeld')}</p>
          <button type="button" onClick={() => void controls.startAudio()}>
            {tr('media.turnOnSound')}
          </button>
        </aside>
      )}
    </>
  );
}

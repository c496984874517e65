import { useEffect } from 'react';
import type { RemoteTrackRef } from './livekit/types.js';
import { AUDIO_FADE_OUT_MS } from '../moves/audioHandover.js';
import { useLw } from '../../session/useLw.js';
import { useMediaControls } from './useMediaControls.js';
import { useRemoteTrack } from './useTrack.js';
import { t as tr } from '../../i18n/i18n.js';

/** Steps of the fade-out of the room we left (its length: AUDIO_FADE_OUT_MS in live/moves/audioHandover.ts). */
const FADE_STEPS = 10;

function AudioTrack({ track, fading = false }: { track: RemoteTrackRef; fading?: boolean }) {
  const ref = useRemoteTrack<HTMLAudioElement>(track);
  useEffect(() => {
    const element = ref.current;
    if (!fading || !element) return;
    let step = 0;
    const timer = setInterval(() => {
      step += 1;
      element.volume = Math.max(0, 1 - step / FADE_STEPS);
      if (step >= FADE_STEPS) clearInterval(timer);
    }, AUDIO_FADE_OUT_MS / FADE_STEPS);
    return () => clearInterval(timer);
  }, [fading, ref]);
  return <audio ref={ref} autoPlay />;
}

/** Plays every remote microphone and screen audio of the room (and, during a move, of the room left); offers a button when the browser blocks sound. */
export function RemoteAudio() {
  const participants = useLw((s) => s.media.participants);
  const blocked = useLw((s) => s.media.audioBlocked);
  const controls = useMediaControls();
  const held = useLw((s) => s.media.heldAudio);
  const tracks = participants.flatMap((p) => p.tracks.filter((t) => t.kind === 'audio'));
  return (
    <>
      <div hidden>
        {tracks.map((t) => (
          <AudioTrack key={t.key} track={t} />
        ))}
        {/* The room we just left, until the new one is heard (then faded out). */}
        {held.tracks.map((t) => (
          <AudioTrack key={`held-${t.key}`} track={t} fading={held.fading} />
        ))}
      </div>
      {blocked && (
        <div className="notice notice-info">
          <p>{tr('media.soundHeld')}</p>
          <button type="button" onClick={() => void controls.startAudio()}>
            {tr('media.turnOnSound')}
          </button>
        </div>
      )}
    </>
  );
}

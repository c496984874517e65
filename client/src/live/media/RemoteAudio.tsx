import type { RemoteTrackRef } from './livekit/types.js';
import { useLw } from '../../session/useLw.js';
import { useMediaControls } from './useMediaControls.js';
import { useRemoteTrack } from './useTrack.js';

function AudioTrack({ track }: { track: RemoteTrackRef }) {
  const ref = useRemoteTrack<HTMLAudioElement>(track);
  return <audio ref={ref} autoPlay />;
}

/** Plays every remote microphone and screen audio of the room; offers a button when the browser blocks sound. */
export function RemoteAudio() {
  const participants = useLw((s) => s.media.participants);
  const blocked = useLw((s) => s.media.audioBlocked);
  const controls = useMediaControls();
  const tracks = participants.flatMap((p) => p.tracks.filter((t) => t.kind === 'audio'));
  return (
    <>
      <div hidden>
        {tracks.map((t) => (
          <AudioTrack key={t.key} track={t} />
        ))}
      </div>
      {blocked && (
        <div className="notice notice-info">
          <p>Your browser is holding back the sound.</p>
          <button type="button" onClick={() => void controls.startAudio()}>
            Turn on sound
          </button>
        </div>
      )}
    </>
  );
}

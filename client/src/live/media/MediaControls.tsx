import { useState } from 'react';
import { captureMedia, captureProblem, CAPTURE_PROBLEM_WORDS } from './localMedia.js';
import { setLocalMedia, setMuteState, setNotice } from '../../session/store/actions.js';
import { useLwShallow } from '../../session/useLw.js';
import { useMediaControls } from './useMediaControls.js';

/**
 * Microphone, camera and (where it makes sense) screen share. Rendered only when the room lets
 * us publish; mute state lives in the store and follows us from room to room.
 */
export function MediaControls({ allowScreenShare = false }: { allowScreenShare?: boolean }) {
  const m = useLwShallow((s) => ({
    canPublish: s.media.canPublish,
    joinMode: s.media.joinMode,
    hasAudio: s.media.local.audio !== null,
    hasVideo: s.media.local.video !== null,
    audioMuted: s.media.audioMuted,
    videoMuted: s.media.videoMuted,
    screenSharing: s.media.screenSharing,
    connected: s.media.roomId !== null,
  }));
  const controls = useMediaControls();
  const [busy, setBusy] = useState(false);
  if (!m.canPublish || !m.connected) return null;

  if (m.joinMode !== 'media' || (!m.hasAudio && !m.hasVideo)) {
    const turnOn = async () => {
      setBusy(true);
      try {
        const media = await captureMedia();
        setLocalMedia(media, 'media', { audioMuted: false, videoMuted: false });
      } catch (error) {
        setNotice({ kind: 'error', text: CAPTURE_PROBLEM_WORDS[captureProblem(error)] });
      } finally {
        setBusy(false);
      }
    };
    return (
      <div className="controls" role="group" aria-label="Your camera and microphone">
        <p>You joined to watch only. Others here can see and hear each other.</p>
        <button type="button" onClick={() => void turnOn()} disabled={busy} data-testid="publish-camera">
          Turn on camera and microphone
        </button>
      </div>
    );
  }

  return (
    <div className="controls" role="group" aria-label="Your camera and microphone">
      {m.hasAudio && (
        <button type="button" aria-pressed={m.audioMuted} onClick={() => setMuteState('audio', !m.audioMuted)} data-testid="toggle-mic">
          {m.audioMuted ? 'Unmute microphone' : 'Mute microphone'}
        </button>
      )}
      {m.hasVideo && (
        <button type="button" aria-pressed={m.videoMuted} onClick={() => setMuteState('video', !m.videoMuted)} data-testid="publish-camera">
          {m.videoMuted ? 'Turn camera on' : 'Turn camera off'}
        </button>
      )}
      {allowScreenShare && (
        <button type="button" aria-pressed={m.screenSharing} onClick={() => void controls.setScreenShare(!m.screenSharing)} data-testid="screen-share">
          {m.screenSharing ? 'Stop sharing your screen' : 'Share your screen'}
        </button>
      )}
    </div>
  );
}

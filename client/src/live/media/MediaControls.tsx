import { useState } from 'react';
import { captureMedia, captureProblem, captureProblemWords } from './localMedia.js';
import { setLocalMedia, setMuteState, setNotice } from '../../session/store/actions.js';
import { useLwShallow } from '../../session/useLw.js';
import { useMediaControls } from './useMediaControls.js';
import { t } from '../../i18n/i18n.js';

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
        setNotice({ kind: 'error', text: captureProblemWords(captureProblem(error)) });
      } finally {
        setBusy(false);
      }
    };
    return (
      <div className="controls" role="group" aria-label={t('media.group')}>
        <p>{t('media.watchOnly')}</p>
        <button type="button" onClick={() => void turnOn()} disabled={busy} data-testid="publish-camera">
          {t('media.turnOn')}
        </button>
      </div>
    );
  }

  return (
    <div className="controls" role="group" aria-label={t('media.group')}>
      {m.hasAudio && (
        <button type="button" aria-pressed={m.audioMuted} onClick={() => setMuteState('audio', !m.audioMuted)} data-testid="toggle-mic">
          {m.audioMuted ? t('media.unmute') : t('media.mute')}
        </button>
      )}
      {m.hasVideo && (
        <button type="button" aria-pressed={m.videoMuted} onClick={() => setMuteState('video', !m.videoMuted)} data-testid="publish-camera">
          {m.videoMuted ? t('media.cameraOn') : t('media.cameraOff')}
        </button>
      )}
      {allowScreenShare && (
        <button type="button" aria-pressed={m.screenSharing} onClick={() => void controls.setScreenShare(!m.screenSharing)} data-testid="screen-share">
          {m.screenSharing ? t('media.stopShare') : t('media.share')}
        </button>
      )}
    </div>
  );
}

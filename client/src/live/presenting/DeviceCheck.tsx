// A speaker checks camera, microphone and screen-share permission backstage, before going live,
// and is told what to do about each one that fails.
import { useState } from 'react';
import { useLw } from '../../session/useLw.js';
import { MicMeter } from './MicMeter.js';
import { useMicLevel } from './useMicLevel.js';
import { useT } from '../../i18n/useT.js';

type ShareCheck = { readonly status: 'untested' | 'testing' | 'ok' } | { readonly status: 'failed'; readonly advice: 'blocked' | 'nothing' | 'unsupported' };

/** What to do when the browser would not let us capture the screen (the key of the advice under speaker.check.shareAdvice). */
function shareAdvice(error: unknown): 'blocked' | 'nothing' | 'unsupported' {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError') return 'blocked';
  if (name === 'NotFoundError' || name === 'NotReadableError') return 'nothing';
  return 'unsupported';
}

/** Camera, microphone and screen sharing, each with a clear state and advice when it fails. */
export function DeviceCheck() {
  const t = useT();
  const video = useLw((s) => s.media.local.video);
  const audio = useLw((s) => s.media.local.audio);
  const muted = useLw((s) => s.media.audioMuted);
  const level = useMicLevel(audio);
  const [share, setShare] = useState<ShareCheck>({ status: 'untested' });
  const cameraOk = video !== null && video.readyState === 'live';
  const micOk = audio !== null && audio.readyState === 'live';

  const testShare = async () => {
    setShare({ status: 'testing' });
    try {
      const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
      for (const t of stream.getTracks()) t.stop();
      setShare({ status: 'ok' });
    } catch (error) {
      setShare({ status: 'failed', advice: shareAdvice(error) });
    }
  };

  return (
    <section className="device-check" aria-labelledby="device-check-heading" data-testid="device-check">
      <h3 id="device-check-heading">{t('speaker.check.heading')}</h3>
      <ul>
        <li data-testid="check-camera" data-ok={cameraOk}>
          {t('speaker.check.camera')} {cameraOk ? t('speaker.check.cameraOk') : t('speaker.check.cameraFailed')}
        </li>
        <li data-testid="check-mic" data-ok={micOk}>
          {t('speaker.check.mic')} {micOk ? t('speaker.check.micOk') : t('speaker.check.micFailed')}
          {micOk && <MicMeter level={level} muted={muted} />}
          {micOk && muted && <span className="hint"> {t('speaker.check.muted')}</span>}
        </li>
        <li data-testid="check-share" data-status={share.status}>
          {t('speaker.check.share')}{' '}
          {share.status === 'ok'
            ? t('speaker.check.shareOk')
            : share.status === 'failed'
              ? t(`speaker.check.shareAdvice.${share.advice}`)
              : share.status === 'testing'
                ? t('speaker.check.shareTesting')
                : t('speaker.check.shareUntested')}{' '}
          <button type="button" onClick={() => void testShare()} disabled={share.status === 'testing'} data-testid="check-share-button">
            {t('speaker.check.testShare')}
          </button>
        </li>
      </ul>
    </section>
  );
}

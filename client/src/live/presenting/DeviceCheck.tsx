// A speaker checks camera, microphone and screen-share permission backstage, before going live,
// and is told what to do about each one that fails.
import { useState } from 'react';
import { useLw } from '../../session/useLw.js';
import { MicMeter } from './MicMeter.js';
import { useMicLevel } from './useMicLevel.js';

type ShareCheck = { readonly status: 'untested' | 'testing' | 'ok' } | { readonly status: 'failed'; readonly advice: string };

/** What to do when the browser would not let us capture the screen. */
function shareAdvice(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'NotAllowedError') {
    return 'Screen sharing was blocked or cancelled. Try again and pick a screen, window or tab; on macOS allow your browser under System Settings › Privacy & Security › Screen Recording, then restart the browser. You can also upload your slides as a PDF instead.';
  }
  if (name === 'NotFoundError' || name === 'NotReadableError') return 'Nothing could be captured. Close programs that capture the screen and try again, or upload your slides as a PDF.';
  return 'This browser cannot share a screen here. Use a recent Chrome, Edge or Firefox on a computer, or upload your slides as a PDF.';
}

/** Camera, microphone and screen sharing, each with a clear state and advice when it fails. */
export function DeviceCheck() {
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
      <h3 id="device-check-heading">Check before you go live</h3>
      <ul>
        <li data-testid="check-camera" data-ok={cameraOk}>
          Camera: {cameraOk ? 'working (see your picture here)' : 'not working. Reload the page and allow the camera when the browser asks; close other programs that use it (video calls); or choose another camera on the join page.'}
        </li>
        <li data-testid="check-mic" data-ok={micOk}>
          Microphone: {micOk ? 'working; speak and watch the meter move.' : 'not working. Reload and allow the microphone; check that a headset is plugged in and selected on the join page.'}
          {micOk && <MicMeter level={level} muted={muted} />}
          {micOk && muted && <span className="hint"> You are muted: unmute before you go on stage.</span>}
        </li>
        <li data-testid="check-share" data-status={share.status}>
          Screen sharing:{' '}
          {share.status === 'ok' ? 'allowed.' : share.status === 'failed' ? share.advice : share.status === 'testing' ? 'choose what to share in the browser’s window…' : 'not tested yet.'}{' '}
          <button type="button" onClick={() => void testShare()} disabled={share.status === 'testing'} data-testid="check-share-button">
            Test screen sharing
          </button>
        </li>
      </ul>
    </section>
  );
}

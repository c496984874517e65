import { useEffect, useId, useRef, useState } from 'react';
import {
  captureMedia, captureProblem, listDevices, stopMedia, watchLevel, type CapturedMedia, type DeviceChoice,
} from '../../live/media/localMedia.js';
import { setLocalMedia } from '../../session/store/actions.js';
import { useLocalTrack } from '../../live/media/useTrack.js';
import { t } from '../../i18n/i18n.js';

const CHOICE_KEY = 'lw.devices';

function rememberedChoice(): DeviceChoice {
  try {
    return JSON.parse(sessionStorage.getItem(CHOICE_KEY) ?? '{}') as DeviceChoice;
  } catch {
    return {};
  }
}

type Check =
  | { readonly state: 'starting' }
  | { readonly state: 'ready'; readonly media: CapturedMedia }
  | { readonly state: 'problem'; readonly words: string };

/**
 * The pre-join check: see yourself, hear your level, pick devices, choose to join muted,
 * or join to watch only. The tracks captured here are the ones every room will get.
 */
export function PreJoin({ onJoin, headline }: { onJoin: () => void; headline?: string }) {
  const [check, setCheck] = useState<Check>({ state: 'starting' });
  const [choice, setChoice] = useState<DeviceChoice>(rememberedChoice);
  const [devices, setDevices] = useState<{ audio: MediaDeviceInfo[]; video: MediaDeviceInfo[] }>({ audio: [], video: [] });
  const [level, setLevel] = useState(0);
  const [audioMuted, setAudioMuted] = useState(false);
  const [videoMuted, setVideoMuted] = useState(false);
  const handedOver = useRef(false);
  const ids = { mic: useId(), cam: useId(), muted: useId(), camOff: useId(), level: useId() };
  const media = check.state === 'ready' ? check.media : null;
  const videoRef = useLocalTrack<HTMLVideoElement>(media?.video ?? null);

  useEffect(() => {
    let cancelled = false;
    let captured: CapturedMedia | null = null;
    setCheck({ state: 'starting' });
    captureMedia(choice)
      .then(async (m) => {
        if (cancelled) return stopMedia(m);
        captured = m;
        setCheck({ state: 'ready', media: m });
        setDevices(await listDevices());
      })
      .catch((error: unknown) => {
        if (!cancelled) setCheck({ state: 'problem', words: t(`capture.${captureProblem(error)}`) });
      });
    return () => {
      cancelled = true;
      // Tracks handed to the store live on; only a preview we leave behind is stopped.
      if (captured && !handedOver.current) stopMedia(captured);
    };
  }, [choice]);

  useEffect(() => {
    if (!media?.audio) return;
    return watchLevel(media.audio, setLevel);
  }, [media]);

  const choose = (patch: DeviceChoice) => {
    const next = { ...choice, ...patch };
    try {
      sessionStorage.setItem(CHOICE_KEY, JSON.stringify(next));
    } catch {
      // not remembered, still used
    }
    setChoice(next);
  };

  const join = () => {
    if (!media) return;
    handedOver.current = true;
    setLocalMedia(media, 'media', { audioMuted, videoMuted });
    onJoin();
  };
  const watchOnly = () => {
    if (media) stopMedia(media);
    handedOver.current = true;
    setLocalMedia({ audio: null, video: null }, 'watch', { audioMuted: true, videoMuted: true });
    onJoin();
  };

  return (
    <section className="prejoin" aria-labelledby="prejoin-heading">
      <h2 id="prejoin-heading">{t('prejoin.heading')}</h2>
      {headline && <p>{headline}</p>}
      <div className="prejoin-body">
        <div className="preview">
          {media?.video && !videoMuted ? (
            <video ref={videoRef} className="video mirrored" autoPlay playsInline muted aria-label={t('prejoin.preview')} />
          ) : (
            <div className="tile-placeholder" aria-hidden="true">
              {check.state === 'starting' ? '…' : t('prejoin.cameraOff')}
            </div>
          )}
        </div>
        <div className="prejoin-controls">
          {check.state === 'starting' && <p role="status">{t('prejoin.starting')}</p>}
          {check.state === 'problem' && (
            <div className="notice notice-error" role="alert" data-testid="media-problem">
              <p>{check.words}</p>
              <button type="button" className="secondary" onClick={() => setChoice({ ...choice })}>
                {t('prejoin.tryAgain')}
              </button>
            </div>
          )}
          {media && (
            <>
              {media.audio ? (
                <div className="field">
                  <label htmlFor={ids.level}>{t('prejoin.micLevel')}</label>
                  <meter id={ids.level} min={0} max={1} low={0.05} value={level} data-testid="mic-level">
                    {Math.round(level * 100)}%
                  </meter>
                </div>
              ) : (
                <p className="hint">{t('prejoin.noMic')}</p>
              )}
              {!media.video && <p className="hint">{t('prejoin.noCamera')}</p>}
              <div className="field-check">
                <input id={ids.muted} type="checkbox" checked={audioMuted} onChange={(e) => setAudioMuted(e.target.checked)} data-testid="join-muted" />
                <label htmlFor={ids.muted}>{t('prejoin.joinMuted')}</label>
              </div>
              {media.video && (
                <div className="field-check">
                  <input id={ids.camOff} type="checkbox" checked={videoMuted} onChange={(e) => setVideoMuted(e.target.checked)} />
                  <label htmlFor={ids.camOff}>{t('prejoin.joinCameraOff')}</label>
                </div>
              )}
            </>
          )}
          {/* Join comes before the device choices: on a phone it stays in the first screen. */}
          <div className="row prejoin-actions">
            <button type="button" onClick={join} disabled={!media} data-testid="join-button">
              {t('prejoin.join')}
            </button>
            <button type="button" className="secondary" onClick={watchOnly} data-testid="join-watch-only">
              {t('prejoin.watchOnly')}
            </button>
          </div>
          {media && (
            <>
              {devices.audio.length > 0 && (
                <div className="field">
                  <label htmlFor={ids.mic}>{t('prejoin.microphone')}</label>
                  <select id={ids.mic} value={choice.audioDeviceId ?? media.audio?.getSettings().deviceId ?? ''} onChange={(e) => choose({ audioDeviceId: e.target.value })}>
                    {devices.audio.map((d, i) => (
                      <option key={d.deviceId} value={d.deviceId}>
                        {d.label || t('prejoin.microphoneN', { number: i + 1 })}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {devices.video.length > 0 && (
                <div className="field">
                  <label htmlFor={ids.cam}>{t('prejoin.camera')}</label>
                  <select id={ids.cam} value={choice.videoDeviceId ?? media.video?.getSettings().deviceId ?? ''} onChange={(e) => choose({ videoDeviceId: e.target.value })}>
                    {devices.video.map((d, i) => (
                      <option key={d.deviceId} value={d.deviceId}>
                        {d.label || t('prejoin.cameraN', { number: i + 1 })}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              <p className="hint">{t('prejoin.hint')}</p>
            </>
          )}
        </div>
      </div>
    </section>
  );
}

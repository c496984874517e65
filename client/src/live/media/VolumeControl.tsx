import { useId } from 'react';
import { setPersonVolume, setStageVolume } from '../../session/store/listeningActions.js';
import { useLw } from '../../session/useLw.js';
import { t } from '../../i18n/i18n.js';

/** A 0–100 % slider whose value is a 0–1 volume. */
function VolumeSlider({ id, volume, onChange, testId }: { id: string; volume: number; onChange: (v: number) => void; testId: string }) {
  return (
    <input
      id={id}
      type="range"
      min={0}
      max={100}
      step={5}
      value={Math.round(volume * 100)}
      aria-valuetext={t('a11y.volumePercent', { percent: Math.round(volume * 100) })}
      onChange={(e) => onChange(Number(e.target.value) / 100)}
      data-testid={testId}
    />
  );
}

/** A loudspeaker (crossed out at 0): drawn, since phones and Linux desktops lack a common emoji font. */
function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg className="volume-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
      {muted ? (
        <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      ) : (
        <path d="M16 8.5a4.5 4.5 0 0 1 0 7M18.5 6a8 8 0 0 1 0 12" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
      )}
    </svg>
  );
}

/** How loud this person is heard here (on their tile; kept from room to room). */
export function PersonVolume({ identity, name }: { identity: string; name: string }) {
  const id = useId();
  const volume = useLw((s) => s.listening.personVolume[identity] ?? 1);
  return (
    <div className="tile-volume">
      <SpeakerIcon muted={volume === 0} />
      <label htmlFor={id} className="sr-only">
        {t('a11y.volumeOf', { name })}
      </label>
      <VolumeSlider id={id} volume={volume} onChange={(v) => setPersonVolume(identity, v)} testId="person-volume" />
    </div>
  );
}

/** How loud the stage is heard, everyone on it at once. */
export function StageVolume() {
  const id = useId();
  const volume = useLw((s) => s.listening.stageVolume);
  return (
    <div className="stage-volume">
      <label htmlFor={id}>{t('a11y.stageVolume')}</label>
      <VolumeSlider id={id} volume={volume} onChange={setStageVolume} testId="stage-volume" />
    </div>
  );
}

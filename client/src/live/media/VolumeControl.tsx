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

/** How loud this person is heard here (on their tile; kept from room to room). */
export function PersonVolume({ identity, name }: { identity: string; name: string }) {
  const id = useId();
  const volume = useLw((s) => s.listening.personVolume[identity] ?? 1);
  return (
    <div className="tile-volume">
      <span aria-hidden="true">{volume === 0 ? '🔇' : '🔊'}</span>
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

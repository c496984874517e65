import { useT } from '../../i18n/useT.js';

/** A level meter for people: a bar, and words for screen readers. */
export function MicMeter({ level, muted, label }: { level: number | null; muted: boolean; label?: string }) {
  const t = useT();
  const name = label ?? t('speaker.mic.yours');
  const percent = Math.round((level ?? 0) * 100);
  const words = level === null ? t('speaker.mic.none') : muted ? t('speaker.mic.muted') : percent < 3 ? t('speaker.mic.silent') : t('speaker.mic.level', { percent });
  return (
    <p className="mic-meter">
      {name}:{' '}
      <meter min={0} max={100} low={10} high={85} optimum={50} value={muted ? 0 : percent} aria-label={`${name}: ${words}`} data-testid="mic-level" data-level={muted ? 0 : percent} />{' '}
      <span className="hint">{words}</span>
    </p>
  );
}

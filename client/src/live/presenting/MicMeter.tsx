/** A level meter for people: a bar, and words for screen readers. */
export function MicMeter({ level, muted, label = 'Your microphone' }: { level: number | null; muted: boolean; label?: string }) {
  const percent = Math.round((level ?? 0) * 100);
  const words = level === null ? 'no microphone' : muted ? 'muted' : percent < 3 ? 'silent' : `level ${percent} %`;
  return (
    <p className="mic-meter">
      {label}:{' '}
      <meter min={0} max={100} low={10} high={85} optimum={50} value={muted ? 0 : percent} aria-label={`${label}: ${words}`} data-testid="mic-level" data-level={muted ? 0 : percent} />{' '}
      <span className="hint">{words}</span>
    </p>
  );
}

import { usePhaseRemainingMs } from '../time/useCountdown.js';
import { usePhase } from '../session/useLw.js';
import { formatClock, formatDurationWords, isPaused } from '../time/countdown.js';
import { t } from '../i18n/i18n.js';

/** Time left on the running agenda item, from the server's timer. */
export function Countdown({ label = t('countdown.timeLeft') }: { label?: string }) {
  const phase = usePhase();
  const remaining = usePhaseRemainingMs();
  if (!phase || remaining === null) return null;
  const paused = isPaused(phase);
  const over = remaining <= 0;
  return (
    <p className="countdown">
      <span className="countdown-label">{label}: </span>
      <span role="timer" aria-label={t(paused ? 'countdown.labelPaused' : 'countdown.label', { label, time: over ? t('countdown.timeUp') : formatDurationWords(remaining) })} data-testid="countdown">
        {formatClock(remaining)}
      </span>
      {paused && <span className="badge"> {t('countdown.paused')}</span>}
      {over && !paused && <span className="badge"> {t('countdown.wrappingUp')}</span>}
    </p>
  );
}

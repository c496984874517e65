import { usePhaseRemainingMs } from '../time/useCountdown.js';
import { usePhase } from '../session/useLw.js';
import { formatClock, formatDurationWords, isPaused } from '../time/countdown.js';

/** Time left on the running agenda item, from the server's timer. */
export function Countdown({ label = 'Time left' }: { label?: string }) {
  const phase = usePhase();
  const remaining = usePhaseRemainingMs();
  if (!phase || remaining === null) return null;
  const paused = isPaused(phase);
  const over = remaining <= 0;
  return (
    <p className="countdown">
      <span className="countdown-label">{label}: </span>
      <span role="timer" aria-label={`${label}: ${over ? 'time is up' : formatDurationWords(remaining)}${paused ? ', paused' : ''}`} data-testid="countdown">
        {formatClock(remaining)}
      </span>
      {paused && <span className="badge"> paused</span>}
      {over && !paused && <span className="badge"> wrapping up</span>}
    </p>
  );
}

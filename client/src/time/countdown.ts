import type { Phase } from '@live-workshop/shared';
import { remainingMs } from '@live-workshop/shared/pure';
import { t } from '../i18n/i18n.js';

/** The server's clock as seen from here: local time plus the offset measured at the last snapshot. */
export function serverNowMs(serverOffsetMs: number, localNowMs: number): number {
  return localNowMs + serverOffsetMs;
}

/** Time left on the running item, from the snapshot's timer; null when the phase has no clock. */
export function phaseRemainingMs(phase: Phase, serverOffsetMs: number, localNowMs: number): number | null {
  if (!('timer' in phase)) return null;
  return remainingMs(phase.timer, serverNowMs(serverOffsetMs, localNowMs));
}

/** True when the phase's clock is stopped by a moderator. */
export function isPaused(phase: Phase): boolean {
  return 'timer' in phase && phase.timer.status === 'paused';
}

/** "12:05", "1:02:03", or "0:00" once over: for a countdown display. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "3 minutes", "1 minute 1 second", "45 seconds": the same time for screen readers, with the language's plurals (ICU). */
export function formatDurationWords(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = (count: number) => t('duration.hours', { count });
  const minutes = (count: number) => t('duration.minutes', { count });
  const seconds = (count: number) => t('duration.seconds', { count });
  if (total >= 3600) {
    const h = Math.floor(total / 3600);
    const m = Math.round((total % 3600) / 60);
    return m ? t('duration.pair', { first: hours(h), second: minutes(m) }) : hours(h);
  }
  if (total >= 120) return minutes(Math.round(total / 60));
  if (total >= 60) return total % 60 ? t('duration.pair', { first: minutes(1), second: seconds(total % 60) }) : minutes(1);
  return seconds(total);
}

/** "2 days 3 hours", "4 hours 10 minutes", "12:05": how far away the start is. */
export function formatUntil(ms: number): string {
  if (ms <= 0) return '0:00';
  const days = Math.floor(ms / 86_400_000);
  if (days >= 1) {
    const hours = Math.floor((ms % 86_400_000) / 3_600_000);
    const dayWords = t('duration.days', { count: days });
    return hours ? t('duration.pair', { first: dayWords, second: t('duration.hours', { count: hours }) }) : dayWords;
  }
  return formatClock(ms);
}

import { phaseRemainingMs, serverNowMs } from './countdown.js';
import { useLw } from '../session/useLw.js';
import { useNow } from './useNow.js';

/** Time left on the running agenda item (from the snapshot's timer and the server offset), or null. */
export function usePhaseRemainingMs(): number | null {
  const phase = useLw((s) => s.agenda.snapshot?.phase ?? null);
  const offset = useLw((s) => s.agenda.serverOffsetMs);
  const now = useNow(1000);
  return phase ? phaseRemainingMs(phase, offset, now) : null;
}

/** Time until an instant on the server's clock (e.g. the event's planned start). */
export function useMsUntil(instantMs: number | null): number | null {
  const offset = useLw((s) => s.agenda.serverOffsetMs);
  const now = useNow(1000);
  return instantMs === null ? null : instantMs - serverNowMs(offset, now);
}

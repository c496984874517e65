import { useEffect, useState } from 'react';

/**
 * The local clock, refreshed every `intervalMs` while the component lives: only to redraw
 * countdowns from the snapshot's timer, never to decide anything about the agenda.
 */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

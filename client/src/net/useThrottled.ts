import { useEffect, useRef, useState } from 'react';

/**
 * `values` as they were at most once per `minMs`: the first ones at once, a later change when `minMs`
 * have passed since the last one taken (a burst of changes ends in one). Equal when every item is.
 */
export function useThrottled<T extends readonly unknown[]>(values: T, minMs: number): T {
  const [taken, setTaken] = useState(values);
  const takenAtMs = useRef(performance.now());
  const changed = values.length !== taken.length || values.some((v, i) => !Object.is(v, taken[i]));
  useEffect(() => {
    if (!changed) return;
    const waitMs = Math.max(0, minMs - (performance.now() - takenAtMs.current));
    const timer = setTimeout(() => {
      takenAtMs.current = performance.now();
      setTaken(values);
    }, waitMs);
    return () => clearTimeout(timer);
    // `values` is a fresh array on every render; its items say whether it moved.
  }, [changed, minMs, ...values]);
  return taken;
}

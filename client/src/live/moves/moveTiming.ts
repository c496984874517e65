/** Small timing helpers of a move: an abortable wait and performance marks. */

/** Wait `ms`; resolves early when `signal` aborts (a newer target). */
export const abortableSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });

/** Performance marks around each move, for the bench and the browser's performance panel. */
export function mark(name: string): void {
  if (typeof performance !== 'undefined' && typeof performance.mark === 'function') performance.mark(name);
}

/** An error's message, or a plain sentence when it has none. */
export const errorWords = (error: unknown) => (error instanceof Error && error.message ? error.message : 'Something went wrong with the media connection.');

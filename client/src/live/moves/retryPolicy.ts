/** How long to wait before the next try of a failed move. Units in the names. */
export interface RetryPolicy {
  /** Delay before try number `attempt + 1`, given that `attempt` tries (1-based) have failed. */
  nextDelayMs(failedAttempts: number): number;
  /** After how many failed tries the assignment is asked for again (its token may have expired). */
  readonly refreshAfterAttempts: number;
}

/** 0.5 s, 1 s, 2 s, 4 s, 8 s, then every 10 s, each ±20 % so a crowd does not retry in step. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  nextDelayMs(failedAttempts) {
    const base = Math.min(10_000, 500 * 2 ** Math.max(0, failedAttempts - 1));
    return Math.round(base * (0.8 + Math.random() * 0.4));
  },
  refreshAfterAttempts: 3,
};

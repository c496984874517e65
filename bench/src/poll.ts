// Waiting inside a benchmark run: a fixed pause (measurement windows), and polling a probe until it
// answers, where a timeout is a finding to note rather than an error.

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls `probe` every `intervalMs` until it answers (its answer), or `timeoutMs` has passed (null). */
export async function until<T>(timeoutMs: number, probe: () => Promise<T | null | false>, intervalMs = 50): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await sleep(intervalMs);
  }
}

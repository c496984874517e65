// LiveKit signs each webhook, but a signed one can be sent again while its signature is valid.
// Each event id is taken once, and for one person in one room an event older than the last one
// taken is stale: a replayed "joined" cannot make someone who left present again.

/** How long an event id is remembered: longer than a webhook signature stays valid. */
export const WEBHOOK_ID_MEMORY_MS = 15 * 60_000;
/** At most this many ids are remembered (the oldest go first). */
export const WEBHOOK_IDS_KEPT = 50_000;

/** Decides which signed webhook events are new. */
export class WebhookReplayGuard {
  private readonly seen = new Map<string, number>();
  private readonly latest = new Map<string, number>();

  constructor(private readonly now: () => number) {}

  /**
   * Whether to act on an event: false for an id seen before, or for an event (its `createdAt`, in
   * seconds) older than the last one taken for `subject` (a room and identity).
   */
  take(id: string, createdAtS: number, subject: string | null): boolean {
    const now = this.now();
    this.forgetOld(now);
    if (!id || this.seen.has(id)) return false;
    this.seen.set(id, now + WEBHOOK_ID_MEMORY_MS);
    if (subject === null) return true;
    const last = this.latest.get(subject);
    if (last !== undefined && createdAtS < last) return false;
    this.latest.set(subject, createdAtS);
    return true;
  }

  private forgetOld(now: number): void {
    for (const [id, until] of this.seen) {
      if (until > now && this.seen.size <= WEBHOOK_IDS_KEPT) break;
      this.seen.delete(id);
    }
  }
}

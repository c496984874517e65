// Many small writes, one transaction: votes arrive a thousand a second, and each commit of a
// synchronous=FULL database waits for the disk (about 2 ms here). Writes queued during one turn of
// the event loop are committed together right after it (setImmediate), and each caller's promise
// settles once its write is durable, so an ack still follows the write it acknowledges.

/** Queues writes and commits each turn's queue in one go. */
export class GroupCommit<T> {
  private queue: { item: T; resolve: () => void; reject: (err: unknown) => void }[] = [];

  /** `writeAll` writes a batch atomically (one transaction) or throws. */
  constructor(private readonly writeAll: (items: readonly T[]) => void, private readonly defer: (flush: () => void) => void = setImmediate) {}

  /** Resolves once `item` is committed; rejects when its batch failed. */
  write(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length === 1) this.defer(() => this.flush());
    });
  }

  /** Commit what is queued now (also called before the app closes). */
  flush(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    try {
      this.writeAll(batch.map((b) => b.item));
    } catch (err) {
      for (const b of batch) b.reject(err);
      return;
    }
    for (const b of batch) b.resolve();
  }
}

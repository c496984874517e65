// Exactly one authority per live event across nodes: a lease row in PostgreSQL with a fencing token.
//
// Why a lease row and not only an advisory lock: a session-level advisory lock is held by a
// connection, and a node that is alive but cut off keeps it until TCP gives up (minutes); a lease
// has an expiry in the database's own clock (`now()`, so the nodes' clocks never matter), and a
// token that grows on every change of holder. Compare-and-set on the agenda's version and roster
// revision (PostgresAgendaStore.save) is the guard against two transitions from one state; the
// lease decides who runs the event's timers (cluster/eventOwnership.ts, which renews it as the
// fence before each deadline: a holder whose token was superseded cannot renew).
// The holder renews well inside the TTL; a node that dies stops renewing and another acquires the
// lease once it expires (TTL 3 s, so a takeover lands within 5 s with a 1 s poll).
import type pg from 'pg';

export interface Lease {
  readonly eventId: string;
  readonly holder: string;
  readonly token: number;
}

export class EventLeases {
  constructor(private readonly pool: pg.Pool, private readonly ttlMs = 3_000) {}

  /** Take the lease if nobody holds it, it has expired, or `holder` holds it already (the token then grows too); else null. */
  async tryAcquire(eventId: string, holder: string): Promise<Lease | null> {
    const { rows } = await this.pool.query<{ token: string }>(
      `INSERT INTO event_leases AS l (event_id, holder, token, expires_at)
         VALUES ($1, $2, 1, now() + $3 * interval '1 millisecond')
       ON CONFLICT (event_id) DO UPDATE SET holder = excluded.holder, token = l.token + 1, expires_at = excluded.expires_at
         WHERE l.expires_at < now() OR l.holder = excluded.holder
       RETURNING token`,
      [eventId, holder, this.ttlMs],
    );
    return rows[0] ? { eventId, holder, token: Number(rows[0].token) } : null;
  }

  /** Extend a lease still held; false when it was lost (expired and taken, or expired): stop acting for the event. */
  async renew(lease: Lease): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE event_leases SET expires_at = now() + $4 * interval '1 millisecond'
        WHERE event_id = $1 AND holder = $2 AND token = $3 AND expires_at >= now()`,
      [lease.eventId, lease.holder, lease.token, this.ttlMs],
    );
    return rowCount === 1;
  }

  /**
   * Claim one deadline (its id and due time) for the holder of a live lease, once across all nodes:
   * true for the first claim made under a lease still held, false for any later one or a lost lease.
   */
  async claimDeadline(lease: Lease, deadlineId: string, dueAt: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO deadline_claims (event_id, deadline_id, due_at, token)
         SELECT $1, $2, $3, $4 WHERE EXISTS (
           SELECT 1 FROM event_leases WHERE event_id = $1 AND holder = $5 AND token = $4 AND expires_at >= now())
       ON CONFLICT DO NOTHING`,
      [lease.eventId, deadlineId, dueAt, lease.token, lease.holder],
    );
    return rowCount === 1;
  }

  /** Give the lease up at once (a clean shutdown), so another node need not wait for the expiry. */
  async release(lease: Lease): Promise<void> {
    await this.pool.query(`UPDATE event_leases SET expires_at = now() - interval '1 millisecond' WHERE event_id = $1 AND token = $2`, [lease.eventId, lease.token]);
  }

  /** The current holder, if the lease is live. */
  async holderOf(eventId: string): Promise<Lease | null> {
    const { rows } = await this.pool.query<{ holder: string; token: string }>(
      `SELECT holder, token FROM event_leases WHERE event_id = $1 AND expires_at >= now()`, [eventId]);
    return rows[0] ? { eventId, holder: rows[0].holder, token: Number(rows[0].token) } : null;
  }
}

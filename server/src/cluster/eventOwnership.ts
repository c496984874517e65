// Which node runs an event's clock: its deadlines (breakout warning and end) and its autopilot.
//
// The choice: commands may arrive at any node and need no owner (each save is a compare-and-set
// on the agenda version, LiveAgenda.submit). Timers are different: armed on every node, a deadline
// would be applied by each (the end of the breakouts is refused the second time by the version
// check, but a warning changes no state, so nothing would stop it being broadcast twice), and the
// autopilot would advance the agenda from several nodes. So timers belong to the holder of the
// event's lease (cluster/eventLease.ts: a row in PostgreSQL with an expiry in the database's clock
// and a fencing token that grows with each holder). The holder renews it every second for 3 s;
// every other node asks for it twice a second, so when the holder dies another has it within
// about 3.5 s (TTL 3 s from the last renewal + one ask), re-reads the persisted agenda before
// arming anything, and arms the deadlines of what it read. A deadline that fires is applied only
// after one more renewal succeeds (the fence: a holder cut off from the database, whose lease may
// already be another's, applies nothing), and then through the same compare-and-set, so it takes
// effect once; a deadline that changes no state (the warning) is claimed once in deadline_claims
// under the lease's token, so a new owner does not repeat what the old one sent.
// Why not a session advisory lock: a node alive but cut off keeps it until TCP gives up (minutes).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { LiveAgenda } from '../live/agenda/liveAgenda.js';
import type { Log } from '../platform/log.js';
import type { EventLeases, Lease } from './eventLease.js';

/** How often the holder renews the lease. */
export const LEASE_RENEW_MS = 1_000;
/** How often a node that does not hold the lease asks for it (so a takeover lands soon after the expiry). */
export const LEASE_ASK_MS = 500;
/** How long a lease lasts without renewal (EventLeases' TTL). */
export const LEASE_TTL_MS = 3_000;

/** A name for this node in the lease table (host, process, and a random part so a restarted process is a new holder). */
export const newNodeId = (): string => `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export interface EventOwnership {
  /** Whether this node holds the event's lease now. */
  owned(): boolean;
  /** Give the lease up (a clean shutdown) so another node need not wait for it to expire. */
  stop(): Promise<void>;
}

/** Hold the lease of `eventId` when it is free, run the agenda's timers while holding it, and say when that changes. */
export function startEventOwnership(deps: {
  leases: EventLeases; eventId: string; nodeId: string; agenda: LiveAgenda; log: Log; changed: (owned: boolean) => void; renewMs?: number;
}): EventOwnership {
  const { leases, agenda, log } = deps;
  const renewMs = deps.renewMs ?? LEASE_RENEW_MS;
  let lease: Lease | null = null;
  let renewedAt = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const lose = (why: string) => {
    if (!lease) return;
    log.warn({ token: lease.token, why }, 'this node no longer owns the event');
    lease = null;
    agenda.setOwner(false);
    deps.changed(false);
  };

  // The fence before a deadline: still ours only if a renewal succeeds now.
  const fence = async () => {
    const held = lease;
    if (!held) return false;
    const ok = (await within(leases.renew(held), LEASE_TTL_MS - renewMs).catch(() => null)) === true;
    if (ok) renewedAt = Date.now();
    else if (lease === held) lose('the lease could not be renewed before a deadline');
    return ok;
  };

  // A deadline that changes no state (the warning) is claimed once across nodes, under the lease.
  const claim = async (id: string, at: number) => {
    const held = lease;
    return held !== null && (await within(leases.claimDeadline(held, id, at), LEASE_TTL_MS - renewMs).catch(() => null)) === true;
  };

  const tick = async () => {
    if (lease) {
      const held = lease;
      // A database that hangs must not hang the loop: a renewal that takes too long counts as failed.
      const ok = await within(leases.renew(held), LEASE_TTL_MS - renewMs).catch((err: unknown) => {
        log.debug({ err }, 'lease renewal failed');
        return null;
      });
      if (ok) renewedAt = Date.now();
      else if (ok === false) lose('the lease was taken or expired');
      // Unreachable database: keep running only while the lease is surely still ours.
      else if (Date.now() - renewedAt >= LEASE_TTL_MS - renewMs) lose('the database did not answer before the lease expired');
      return;
    }
    const got = await within(leases.tryAcquire(deps.eventId, deps.nodeId), LEASE_TTL_MS).catch(() => null);
    if (!got) return;
    try {
      // Take over from what is persisted, not from what this node last heard.
      await agenda.refresh();
    } catch (err) {
      log.warn({ err }, 'the lease was won but the agenda cannot be read; giving it back');
      await leases.release(got).catch(() => undefined);
      return;
    }
    if (stopped) return void leases.release(got).catch(() => undefined);
    lease = got;
    renewedAt = Date.now();
    log.info({ token: got.token, node: deps.nodeId, version: agenda.state.version, phase: agenda.state.phase.kind }, 'this node owns the event');
    agenda.setOwner(true, { stillOwner: fence, claim });
    deps.changed(true);
  };

  const loop = () => {
    timer = setTimeout(() => void tick().finally(() => { if (!stopped) loop(); }), lease ? renewMs : Math.min(renewMs, LEASE_ASK_MS));
  };
  void tick().finally(() => { if (!stopped) loop(); });

  return {
    owned: () => lease !== null,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const held = lease;
      lose('shutting down');
      if (held) await leases.release(held).catch(() => undefined);
    },
  };
}

/** `work`'s answer, or null when it takes longer than `ms`. */
function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

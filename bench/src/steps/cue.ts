// The measured cue, used by every scenario: wait until every connected attendee holds its prepared
// assignment for the next phase, send `next` as the moderator, and collect who had their
// assignment when (prepared, late or by resync), lost or misplaced.
import type { EventConfig } from '@live-workshop/shared';
import type { CueLogLine } from '../appServer.js';
import type { CueSent } from '../moderator.js';
import { until } from '../poll.js';
import { cpuMs } from '../procStats.js';
import type { PhaseKind } from '../protocol.js';
import type { WorkerPool } from '../workerPool.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

/** Longest wait for every attendee's assignment after a cue. */
export const SETTLE_TIMEOUT_MS = 20_000;
/** Longest wait for every attendee to hold the next prepared assignment before the next cue. */
export const PREPARED_TIMEOUT_MS = 60_000;

/** What one cue did, seen from the signalling attendees. */
export interface CueOutcome {
  sent: CueSent;
  logged: CueLogLine;
  /** Per attendee: the server's cue stamp → assignment in hand, ms. */
  latencies: number[];
  /** The same, from the cue log line's `at` (stamped after the server's io.emit returned). */
  fromLog: number[];
  lost: number;
  misplaced: number;
  via: { prepared: number; late: number; resync: number };
  /** Server CPU for the cue and the preparation of the next one. */
  cpuMs: number;
}

/** The phase key of the agenda item after `phaseKey` (the bench event has only agenda items). */
export const nextKeyOf = (phaseKey: string) => `item:${Number(phaseKey.slice('item:'.length)) + 1}`;

/** Whether a phase of the bench event is a plenary or breakouts (it has no other kind). */
export function phaseKindOf(event: EventConfig, phaseKey: string): PhaseKind {
  const index = Number(/^item:(\d+)$/.exec(phaseKey)?.[1] ?? Number.NaN);
  const kind = event.agenda[index]?.kind;
  if (kind !== 'plenary' && kind !== 'breakouts') throw new Error(`bench event: unexpected phase ${phaseKey}`);
  return kind;
}

/** Gives cues and measures them; notes dropped connections once each. */
export class CueRunner {
  private disconnectsSeen = 0;

  constructor(private readonly run: BenchRun, private readonly stack: BenchStack) {}

  /** Wait until every connected attendee holds its assignment for the next phase (noted when not). */
  async waitPrepared(n: number): Promise<void> {
    const { moderator, pool } = this.stack;
    const snap = moderator.current;
    const next = nextKeyOf(snap.phaseKey);
    let last: Awaited<ReturnType<WorkerPool['status']>> | null = null;
    const ok = await until(PREPARED_TIMEOUT_MS, async () => {
      last = await pool.status(snap.version, snap.phaseKey, next);
      return last.prepared >= last.connected ? last : null;
    }, 100);
    if (!ok) this.run.notes.push(`not every attendee held a prepared assignment for ${next} within ${PREPARED_TIMEOUT_MS} ms (N=${n}: ${JSON.stringify(last)})`);
    else if (ok.connected < n) this.run.notes.push(`${n - ok.connected} of ${n} attendees were disconnected before the cue to ${next} (they reconnect by themselves)`);
  }

  /** One `next` cue with n signalling attendees connected: who had their assignment when. */
  async cue(n: number, settle: boolean): Promise<CueOutcome> {
    const { event, moderator, pool, server } = this.stack;
    await this.waitPrepared(n);
    const cpuBefore = cpuMs(server.pid);
    const sent = await moderator.command({ type: 'next' });
    const logged = await server.cueLogged(sent.version);
    const kind = phaseKindOf(event, sent.phaseKey);
    if (n > 0 && settle) {
      await until(SETTLE_TIMEOUT_MS, async () => {
        const s = await pool.status(sent.version, sent.phaseKey, null);
        return s.settled >= s.connected ? s : null;
      });
    }
    const got = n > 0 ? await pool.collect(sent.version, sent.phaseKey, kind, event.id) : null;
    if (got && got.disconnects > this.disconnectsSeen) {
      this.run.notes.push(`${got.disconnects - this.disconnectsSeen} dropped Socket.IO connections (reconnected by themselves) by the cue to ${sent.phaseKey} (N=${n})`);
      this.disconnectsSeen = got.disconnects;
    }
    if (n > 0) await this.waitPrepared(n);
    return {
      sent, logged,
      latencies: got ? got.assignedAt.map((t) => t - sent.serverTime) : [],
      fromLog: got ? got.assignedAt.map((t) => t - logged.at) : [],
      lost: got ? got.lost.length : 0, misplaced: got ? got.misplaced.length : 0,
      via: got ? got.via : { prepared: 0, late: 0, resync: 0 },
      cpuMs: cpuMs(server.pid) - cpuBefore,
    };
  }
}

// The live agenda of one event on this node. Two ways to persist it:
// - local (npm start, one node): the synchronous SQLite store; `execute` saves and answers at once.
// - shared (DATABASE_URL, a cluster): the asynchronous store of PostgreSQL, whose save is a
//   compare-and-set on the agenda version and roster revision (see asyncAgendaStore.ts). `submit`
//   computes the next state from the one this node holds and saves it only if nobody saved since;
//   when another node did, it re-reads the stored state and applies the command again, where the
//   engine's own version check refuses a moderator's command that was meant for the old state
//   (`stale_version`) and a system action (admission, deadline) simply applies to the new one. So
//   each accepted command is exactly one transition, whichever node it arrived at. A node learns
//   of the others' commits through `refresh()` (cluster/agendaFollower.ts) and adopts the stored
//   state as it is. Deadlines are armed only while this node owns the event
//   (cluster/eventOwnership.ts): `setOwner`.
import {
  deadlinesOf, isSystemAction, refuse, step, type Action, type Actor, type AgendaState, type Command, type DeadlineId,
  type Effect, type EventConfig, type StepResult,
} from '@live-workshop/shared';
import type { Clock, Scheduler } from '../../platform/clock.js';
import { DeadlineTimers } from './deadlineTimers.js';
import type { AgendaStore } from './agendaStore.js';
import { restoreAgenda } from './restoreAgenda.js';
import { UNAVAILABLE, type SubmitResult } from './submitResult.js';
import { StaleAgendaError, stampOf, type AsyncAgendaStore } from './asyncAgendaStore.js';
import type { Log } from '../../platform/log.js';

export type { SubmitResult, Unavailable } from './submitResult.js';

/** What a shared agenda asks the event's lease before applying a deadline (cluster/eventOwnership.ts). */
export interface DeadlineFence {
  /** Whether this node still owns the event (a renewal succeeds now). */
  stillOwner(): Promise<boolean>;
  /** Whether this node is the first to apply this deadline (one that changes no state), across all nodes. */
  claim(id: DeadlineId, at: number): Promise<boolean>;
}

/** Receives the effects of each accepted command. */
export type EffectListener = (effects: readonly Effect[], before: AgendaState, after: AgendaState) => void;

/** Told of each accepted command, once it is saved (the moderators' action log). */
export type CommandListener = (command: Command, after: AgendaState, at: number) => void;

/** Told when this node adopts a state another node saved (no effects: that node performed the shared ones). */
export type AdoptedListener = (before: AgendaState, after: AgendaState) => void;

/** A shared agenda as loaded at boot (LiveAgenda.openShared). */
interface SharedStart {
  readonly shared: AsyncAgendaStore;
  readonly state: AgendaState;
  readonly restoreProblem: string | null;
}

/** How often a command is re-applied after another node saved first, before it is given up as unavailable. */
const MAX_SAVE_ATTEMPTS = 5;
/** After a deadline could not be saved (the database unreachable), when the owner tries it again. */
const DEADLINE_RETRY_MS = 1_000;

/**
 * The authority on the live agenda: applies commands through the pure engine,
 * persists each accepted change before anyone hears of it, and runs the deadlines it owns.
 */
export class LiveAgenda {
  private current: AgendaState;
  private readonly timers: DeadlineTimers;
  private listener: EffectListener = () => {};
  private committed: CommandListener = () => {};
  private adopted: AdoptedListener = () => {};
  private readonly local: AgendaStore | null;
  private readonly shared: AsyncAgendaStore | null;
  /** Shared mode: every commit and re-read runs after the previous one, each from the newest state. */
  private queue: Promise<unknown> = Promise.resolve();
  private owner: boolean;
  private started = false;
  /** Shared mode: asked before a deadline is applied, whether this node still owns the event (the lease's fence). */
  private fence: DeadlineFence = { stillOwner: async () => true, claim: async () => true };
  /** Why the saved state could not be used as it was, for the console; null when it could. */
  readonly restoreProblem: string | null = null;

  constructor(
    event: EventConfig,
    store: AgendaStore | SharedStart,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly log: Log,
  ) {
    this.timers = new DeadlineTimers(scheduler, (id, at) => this.deadlineReached(id, at));
    if ('shared' in store) {
      this.local = null;
      this.shared = store.shared;
      this.current = store.state;
      this.restoreProblem = store.restoreProblem;
      this.owner = false;
      return;
    }
    this.local = store;
    this.shared = null;
    this.owner = true;
    const restored = restoreAgenda(event, store.load(), log);
    this.restoreProblem = restored.problem;
    this.current = restored.state;
    if (restored.save) store.save(restored.save.before, restored.state, { at: clock.now(), actor: SYSTEM, action: restored.save.action });
  }

  /** The agenda from a shared store: the stored one, or (first node ever) the event file's, saved once whoever boots first. */
  static async openShared(event: EventConfig, shared: AsyncAgendaStore, clock: Clock, scheduler: Scheduler, log: Log): Promise<LiveAgenda> {
    for (;;) {
      const restored = restoreAgenda(event, await shared.load(), log);
      try {
        if (restored.save) await shared.save(restored.save.before, restored.state, { at: clock.now(), actor: SYSTEM, action: restored.save.action });
      } catch (err) {
        // Another node booted at the same moment and saved first: take what it saved.
        if (err instanceof StaleAgendaError) continue;
        throw err;
      }
      return new LiveAgenda(event, { shared, state: restored.state, restoreProblem: restored.problem }, clock, scheduler, log);
    }
  }

  get state(): AgendaState {
    return this.current;
  }

  /** Whether this agenda is shared with other nodes (a cluster): then only `submit` changes it. */
  get isShared(): boolean {
    return this.shared !== null;
  }

  /** Start listening for effects and re-arm the deadlines of the restored state (shared: once this node owns the event). */
  start(listener: EffectListener): void {
    this.listener = listener;
    this.started = true;
    this.syncDeadlines();
  }

  /** Hear of each accepted command after it is saved. */
  onCommitted(listener: CommandListener): void {
    this.committed = listener;
  }

  /** Hear of each state adopted from another node. */
  onAdopted(listener: AdoptedListener): void {
    this.adopted = listener;
  }

  /** Apply one command on the local store; on success the change is durable before effects run. */
  execute(command: Command): StepResult {
    if (!this.local) throw new Error('a shared agenda changes only through submit()');
    const before = this.current;
    const now = this.clock.now();
    const result = step(before, command, now);
    if (!result.ok) return result;
    if (result.state !== before) {
      this.local.save(before, result.state, { at: now, actor: command.by, action: command.action });
      this.current = result.state;
    }
    this.accepted(command, before, result, now);
    return result;
  }

  /** A command from the server itself (admissions, deadlines), on the local store. */
  system(action: Action): StepResult {
    return this.execute({ action, by: SYSTEM, expectedVersion: this.current.version });
  }

  /** Apply one command on either store (local: at once, as `execute`); on success the change is durable before effects run. */
  submit(command: Command): Promise<SubmitResult> {
    if (!this.shared) return Promise.resolve(this.execute(command));
    return this.serial(() => this.submitShared(command));
  }

  /** A command from the server itself, on either store. */
  submitSystem(action: Action): Promise<SubmitResult> {
    return this.submit({ action, by: SYSTEM, expectedVersion: this.current.version });
  }

  /** Shared: read the stored agenda and adopt it if another node changed it; resolves once done. */
  refresh(): Promise<void> {
    if (!this.shared) return Promise.resolve();
    return this.serial(() => this.reload());
  }

  /** Shared: whether this node owns the event (arms its deadlines); `fence` confirms it before each deadline is applied. */
  setOwner(owned: boolean, fence?: DeadlineFence): void {
    if (!this.shared) return;
    this.owner = owned;
    if (fence) this.fence = fence;
    this.syncDeadlines();
  }

  /** Whether this node arms the agenda's deadlines (always on one node). */
  get owns(): boolean {
    return this.owner;
  }

  /** Stop all timers (shutdown). */
  stop(): void {
    this.started = false;
    this.timers.clear();
  }

  /** `once`: asked before a result that changes no state is accepted (a deadline's effects only), whether it is this node's to apply. */
  private async submitShared(command: Command, once?: () => Promise<boolean>): Promise<SubmitResult> {
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      const before = this.current;
      const now = this.clock.now();
      // The server's own actions apply to whatever state is newest; a person's keep the version they saw.
      const applied = isSystemAction(command.action) ? { ...command, expectedVersion: before.version } : command;
      const result = step(before, applied, now);
      if (!result.ok) return result;
      if (result.state === before && once && !(await once().catch(() => false))) return refuse('not_due', 'Another node has already applied this.');
      if (result.state !== before) {
        try {
          await this.shared!.save(before, result.state, { at: now, actor: command.by, action: command.action });
        } catch (err) {
          if (err instanceof StaleAgendaError) {
            this.log.debug({ action: command.action.type, attempt }, 'another node saved first; applying again to the stored agenda');
            try {
              await this.reload();
            } catch (reloadErr) {
              this.log.warn({ err: reloadErr }, 'the shared agenda cannot be read');
              return UNAVAILABLE;
            }
            continue;
          }
          this.log.warn({ err, action: command.action.type }, 'the shared agenda cannot be saved; command refused');
          return UNAVAILABLE;
        }
        this.current = result.state;
      }
      this.accepted(applied, before, result, now);
      return result;
    }
    return UNAVAILABLE;
  }

  /** Adopt the stored agenda when it is not the one held (another node saved). */
  private async reload(): Promise<void> {
    const loaded = await this.shared!.load();
    if (loaded.kind !== 'restored') return;
    const before = this.current;
    const stored = stampOf(loaded.state)!;
    if (stored.version === before.version && stored.rosterRevision === before.rosterRevision) return;
    this.current = loaded.state;
    this.syncDeadlines();
    try {
      this.adopted(before, loaded.state);
    } catch (err) {
      this.log.error({ err, version: loaded.state.version }, 'following an agenda saved by another node failed');
    }
  }

  private accepted(command: Command, before: AgendaState, result: Extract<StepResult, { ok: true }>, now: number): void {
    if (this.shared) this.syncDeadlines();
    else {
      for (const effect of result.effects) {
        if (effect.type === 'scheduleDeadline') this.timers.arm(effect.deadline.id, effect.deadline.at);
        else if (effect.type === 'cancelDeadline') this.timers.disarm(effect.id);
      }
    }
    // The change is saved: whatever performing its effects throws, the command was committed and is answered so.
    try {
      this.listener(result.effects, before, result.state);
    } catch (err) {
      this.log.error({ err, action: command.action.type, version: result.state.version }, 'effects of a committed command failed');
    }
    try {
      this.committed(command, result.state, now);
    } catch (err) {
      this.log.error({ err, action: command.action.type }, 'a listener of committed commands failed');
    }
  }

  /** Arm exactly the deadlines of the held state when this node runs them (started, and the owner), none otherwise. */
  private syncDeadlines(): void {
    this.timers.sync(this.started && this.owner ? deadlinesOf(this.current) : []);
  }

  private deadlineReached(id: DeadlineId, at: number): void {
    if (this.shared) return void this.deadlineShared(id, at);
    const result = this.system({ type: 'deadlineReached', deadline: id });
    if (!result.ok) this.log.debug({ id, code: result.code }, 'deadline not applied');
  }

  /** A deadline on a shared agenda: applied only while the lease is still ours; retried while the database is away. */
  private async deadlineShared(id: DeadlineId, at: number): Promise<void> {
    const stillOwner = await this.fence.stillOwner().catch(() => false);
    if (!stillOwner || !this.owner) {
      this.log.info({ id }, 'deadline left to the node that owns the event now');
      return;
    }
    // A deadline that changes the state is applied once by the compare-and-set; one that only has effects (the warning), by the claim.
    const command: Command = { action: { type: 'deadlineReached', deadline: id }, by: SYSTEM, expectedVersion: this.current.version };
    const result = await this.serial(() => this.submitShared(command, () => this.fence.claim(id, at)));
    if (result.ok) return void this.log.info({ id, at, lateMs: this.clock.now() - at }, 'deadline applied');
    this.log.debug({ id, code: result.code }, 'deadline not applied');
    if (result.code === 'unavailable' && this.owner && this.started && !this.timers.has(id)) this.timers.arm(id, at, this.clock.now() + DEADLINE_RETRY_MS);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

const SYSTEM: Actor = { kind: 'system' };

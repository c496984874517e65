import {
  eventConfigSchema,
  deadlinesOf, initialState, step, type Action, type Actor, type AgendaState, type Command, type DeadlineId, type Effect,
  type EventConfig, type StepResult,
} from '@live-workshop/shared';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';
import type { AgendaStore } from './agendaStore.js';
import type { Log } from '../../platform/log.js';

/** Receives the effects of each accepted command. */
export type EffectListener = (effects: readonly Effect[], before: AgendaState, after: AgendaState) => void;

/** Told of each accepted command, once it is saved (the moderators' action log). */
export type CommandListener = (command: Command, after: AgendaState, at: number) => void;

/**
 * The single authority on the live agenda: applies commands through the pure engine,
 * persists each accepted change before anyone hears of it, and runs the deadlines it owns.
 */
export class LiveAgenda {
  private current: AgendaState;
  private readonly timers = new Map<DeadlineId, TimerHandle>();
  private listener: EffectListener = () => {};
  private committed: CommandListener = () => {};
  /** Why the saved state could not be used as it was, for the console; null when it could. */
  readonly restoreProblem: string | null = null;

  constructor(
    event: EventConfig,
    private readonly store: AgendaStore,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly log: Log,
  ) {
    const loaded = store.load();
    const saved = loaded.kind === 'restored' ? loaded.state : null;
    const problem = saved ? eventConfigSchema.safeParse(saved.event) : null;
    if (loaded.kind === 'unreadable') {
      // A saved state this release cannot read (a newer release wrote it) must not stop the boot:
      // it is kept aside untouched, and the event starts afresh from the event file.
      log.error({ problem: loaded.problem, keptAs: loaded.keptAs }, 'the saved agenda cannot be read; starting from the event file');
      this.restoreProblem = `The saved agenda could not be read (${loaded.problem}); it is kept in the data file as "${loaded.keptAs}", and this run starts from the event file.`;
    }
    if (loaded.kind === 'restored' && loaded.migratedFrom !== null) log.info({ from: loaded.migratedFrom }, 'saved agenda migrated');
    if (saved && problem && !problem.success) {
      // A saved event that cannot be used (written before today's checks, or edited by hand)
      // must not stop the server from booting, forever: run with the event file's event instead,
      // and say so. The saved rest (phase, people, deadlines) is kept.
      const why = problem.error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ');
      log.error({ why }, 'the saved event cannot be used; running with the event file\'s event');
      this.restoreProblem = `The saved event could not be used (${why}); running with the event file's event instead.`;
      this.current = { ...saved, event };
      store.save(saved, this.current, { at: clock.now(), actor: { kind: 'system' }, action: { type: 'replaceEvent', event } });
    } else if (saved) {
      this.current = saved;
      log.info({ version: saved.version, phase: saved.phase.kind, participants: Object.keys(saved.participants).length }, 'agenda restored');
    } else {
      this.current = initialState(event);
      store.save(null, this.current, { at: clock.now(), actor: { kind: 'system' }, action: { type: 'init' } });
    }
  }

  get state(): AgendaState {
    return this.current;
  }

  /** Start listening for effects and re-arm the deadlines of the restored state. */
  start(listener: EffectListener): void {
    this.listener = listener;
    for (const deadline of deadlinesOf(this.current)) this.arm(deadline.id, deadline.at);
  }

  /** Hear of each accepted command after it is saved. */
  onCommitted(listener: CommandListener): void {
    this.committed = listener;
  }

  /** Apply one command; on success the change is durable before effects run. */
  execute(command: Command): StepResult {
    const before = this.current;
    const now = this.clock.now();
    const result = step(before, command, now);
    if (!result.ok) return result;
    if (result.state !== before) {
      this.store.save(before, result.state, { at: now, actor: command.by, action: command.action });
      this.current = result.state;
    }
    for (const effect of result.effects) {
      if (effect.type === 'scheduleDeadline') this.arm(effect.deadline.id, effect.deadline.at);
      else if (effect.type === 'cancelDeadline') this.disarm(effect.id);
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
    return result;
  }

  /** A command from the server itself (admissions, deadlines). */
  system(action: Action): StepResult {
    return this.execute({ action, by: SYSTEM, expectedVersion: this.current.version });
  }

  /** Stop all timers (shutdown). */
  stop(): void {
    for (const id of [...this.timers.keys()]) this.disarm(id);
  }

  private arm(id: DeadlineId, at: number): void {
    this.disarm(id);
    this.timers.set(id, this.scheduler.at(at, () => {
      this.timers.delete(id);
      const result = this.system({ type: 'deadlineReached', deadline: id });
      if (!result.ok) this.log.debug({ id, code: result.code }, 'deadline not applied');
    }));
  }

  private disarm(id: DeadlineId): void {
    this.timers.get(id)?.cancel();
    this.timers.delete(id);
  }
}

const SYSTEM: Actor = { kind: 'system' };

import {
  deadlinesOf, initialState, step, type Action, type Actor, type AgendaState, type Command, type DeadlineId, type Effect,
  type EventConfig, type StepResult,
} from '@live-workshop/shared';
import type { Clock, Scheduler, TimerHandle } from '../ports/clock.js';
import type { AgendaStore } from '../store/agendaStore.js';
import type { Log } from '../log.js';

/** Receives the effects of each accepted command. */
export type EffectListener = (effects: readonly Effect[], before: AgendaState, after: AgendaState) => void;

/**
 * The single authority on the live agenda: applies commands through the pure engine,
 * persists each accepted change before anyone hears of it, and runs the deadlines it owns.
 */
export class LiveAgenda {
  private current: AgendaState;
  private readonly timers = new Map<DeadlineId, TimerHandle>();
  private listener: EffectListener = () => {};

  constructor(
    event: EventConfig,
    private readonly store: AgendaStore,
    private readonly clock: Clock,
    private readonly scheduler: Scheduler,
    private readonly log: Log,
  ) {
    const saved = store.load();
    if (saved) {
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
    this.listener(result.effects, before, result.state);
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

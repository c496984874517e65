import { agentActor, type AutopilotState, type AutopilotStatus } from '@live-workshop/shared';
import type { LiveAgenda } from '../../live/agenda/liveAgenda.js';
import type { MetaStore } from '../../platform/db/metaStore.js';
import type { Log } from '../../platform/log.js';
import type { Clock, Scheduler, TimerHandle } from '../../platform/clock.js';
import { nextAutopilotStep } from './autopilotPlan.js';

const STATE_KEY = 'autopilot:state';

/**
 * Advances the agenda at its scheduled times through LiveAgenda.execute, as the server's
 * autopilot agent. One timer at a time, re-planned after every agenda change, so any
 * moderator command simply becomes the new starting point. The hold survives restarts.
 */
export class Autopilot {
  private timer: TimerHandle | null = null;

  constructor(private readonly deps: { agenda: LiveAgenda; meta: MetaStore; clock: Clock; scheduler: Scheduler; log: Log }) {}

  status(): AutopilotStatus {
    const enabled = this.deps.agenda.state.event.autopilot === true;
    const state = this.state();
    return { enabled, state, next: enabled && state === 'run' ? nextAutopilotStep(this.deps.agenda.state, this.deps.clock.now()) : null };
  }

  /** Hold or release the autopilot. */
  setState(state: AutopilotState): AutopilotStatus {
    this.deps.meta.set(STATE_KEY, state);
    this.deps.log.info({ state }, 'autopilot');
    this.arm();
    return this.status();
  }

  /** Plan the next step; call at start, after every agenda change and when this node gains or loses the event (a cluster: only the owner runs it). */
  arm(): void {
    this.timer?.cancel();
    this.timer = null;
    if (!this.deps.agenda.owns) return;
    const { next } = this.status();
    if (next) this.timer = this.deps.scheduler.at(next.dueAt, () => this.fire());
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private state(): AutopilotState {
    return this.deps.meta.get(STATE_KEY) === 'hold' ? 'hold' : 'run';
  }

  private fire(): void {
    this.timer = null;
    const { next } = this.status();
    if (!next) return;
    if (next.dueAt > this.deps.clock.now()) return this.arm();
    const { agenda } = this.deps;
    void agenda.submit({ action: { type: next.action }, by: agentActor('autopilot'), expectedVersion: agenda.state.version }).then((result) => {
      // A refusal waits for the next agenda change rather than retrying at the same instant.
      if (!result.ok) this.deps.log.warn({ action: next.action, code: result.code }, 'autopilot step refused');
      else this.deps.log.info({ action: next.action, at: this.deps.clock.now() }, 'autopilot step');
    });
  }
}

import type { AgendaState, Effect } from '@live-workshop/shared';
import type { EffectListener } from '../agenda/liveAgenda.js';
import type { Log } from '../../platform/log.js';

/** Told after every accepted agenda change, once its effects have run. */
export type AgendaObserver = (before: AgendaState, after: AgendaState, effects: readonly Effect[]) => void;

/**
 * Lets the modules around the live event (attendance, autopilot) follow the agenda without
 * owning its single effect listener: wrap the effect runner once, subscribe as often as needed.
 */
export class AgendaObservers {
  private readonly observers: AgendaObserver[] = [];

  constructor(private readonly log: Log) {}

  subscribe(observer: AgendaObserver): void {
    this.observers.push(observer);
  }

  /** The effect runner, followed by every observer; an observer's failure never reaches the agenda. */
  wrap(runner: EffectListener): EffectListener {
    return (effects, before, after) => {
      runner(effects, before, after);
      for (const observe of this.observers) {
        try {
          observe(before, after, effects);
        } catch (err) {
          this.log.error({ err }, 'agenda observer failed');
        }
      }
    };
  }
}

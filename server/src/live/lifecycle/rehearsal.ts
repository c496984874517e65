import { DateTime } from 'luxon';
import { rehearsalAtBoot, type AgendaState, type EventConfig, type RehearsalMode } from '@live-workshop/shared';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { Log } from '../../platform/log.js';
import { eventWindow } from './eventTimes.js';

/**
 * At boot: when the saved event never started and is over (a past event file, or a rehearsal
 * planned on an earlier day), re-plan it as a rehearsal starting soon, through the engine
 * (so the change is saved and logged like any other). Returns the rehearsal, or null.
 */
export function rehearseIfDue(agenda: LiveAgenda, mode: RehearsalMode, nowMs: number, log: Log): EventConfig | null {
  const rehearsal = rehearsalAtBoot(agenda.state, nowMs, mode);
  if (!rehearsal) return null;
  const result = agenda.system({ type: 'replaceEvent', event: rehearsal });
  if (!result.ok) {
    log.warn({ code: result.code, message: result.message }, 'rehearsal not planned');
    return null;
  }
  log.info({ date: rehearsal.date, start: rehearsal.start, rehearsalOf: rehearsal.rehearsalOf }, 'rehearsal planned');
  return rehearsal;
}

// en-GB names Europe's zones (CET, CEST); en-US would say GMT+1.
const zoneOf = (at: DateTime) => at.setLocale('en-GB').offsetNameShort ?? at.zoneName ?? '';
const span = (start: DateTime, end: DateTime) => `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')} ${zoneOf(start)}`;

/**
 * The console's words about when the event is: for a rehearsal, an event that is over or one that
 * has ended; none for an event still to come.
 */
export function rehearsalBanner(state: Pick<AgendaState, 'event' | 'phase'>, nowMs: number): string[] {
  const { event, phase } = state;
  const { start, end } = eventWindow(event);
  const now = DateTime.fromMillis(nowMs, { zone: event.timeZone });
  const ended = phase.kind === 'ended' ? [`  It has ended; to run it again, remove ${event.id}.sqlite from the data folder.`] : [];
  if (event.rehearsalOf) {
    const original = eventWindow({ ...event, ...event.rehearsalOf });
    const day = start.hasSame(now, 'day') ? 'today' : start.hasSame(now.plus({ days: 1 }), 'day') ? 'tomorrow' : `on ${start.toFormat('d LLLL yyyy')}`;
    return [
      `  Rehearsal: this workshop took place on ${original.start.toFormat('d LLLL yyyy')} (${span(original.start, original.end)});`,
      `  this run starts at ${start.toFormat('HH:mm')} ${zoneOf(start)} ${day}, same agenda; moderators may start it earlier (REHEARSAL=off: no rehearsal).`,
      ...ended,
    ];
  }
  if (phase.kind === 'scheduled' && nowMs >= end.toMillis()) {
    return [`  This workshop took place on ${start.toFormat('d LLLL yyyy')} (${span(start, end)}); registration is closed.`];
  }
  return phase.kind === 'ended' ? [`  This workshop took place on ${start.toFormat('d LLLL yyyy')}.`, ...ended] : [];
}

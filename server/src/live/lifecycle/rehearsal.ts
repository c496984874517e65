import {
  addDays, eventDateWords, eventWindowMs, formatTime, localDateAndMinutes, rehearsalAtBoot, zoneAbbreviation,
  type AgendaState, type EventConfig, type RehearsalMode,
} from '@live-workshop/shared';
import type { LiveAgenda } from '../agenda/liveAgenda.js';
import type { Log } from '../../platform/log.js';

/**
 * At boot: when the saved event never started and is over (a past event file, or a rehearsal
 * planned on an earlier day), re-plan it as a rehearsal starting soon, through the engine
 * (so the change is saved and logged like any other). Returns the rehearsal, or null.
 */
export async function rehearseIfDue(agenda: LiveAgenda, mode: RehearsalMode, nowMs: number, log: Log): Promise<EventConfig | null> {
  const rehearsal = rehearsalAtBoot(agenda.state, nowMs, mode);
  if (!rehearsal) return null;
  // On one node applied before this returns its promise (the boot goes on with it planned).
  const result = await agenda.submitSystem({ type: 'replaceEvent', event: rehearsal });
  if (!result.ok) {
    log.warn({ code: result.code, message: result.message }, 'rehearsal not planned');
    return null;
  }
  log.info({ date: rehearsal.date, start: rehearsal.start, rehearsalOf: rehearsal.rehearsalOf }, 'rehearsal planned');
  return rehearsal;
}

// zoneAbbreviation and formatTime speak en-GB, which names Europe's zones (CET, CEST); en-US would say GMT+1.
const clockOf = (ms: number, timeZone: string) => `${formatTime(ms, timeZone)} ${zoneAbbreviation(ms, timeZone)}`;
const span = (w: { startMs: number; endMs: number }, timeZone: string) => `${formatTime(w.startMs, timeZone)}–${formatTime(w.endMs, timeZone)} ${zoneAbbreviation(w.startMs, timeZone)}`;

/**
 * The console's words about when the event is: for a rehearsal, an event that is over or one that
 * has ended; none for an event still to come.
 */
export function rehearsalBanner(state: Pick<AgendaState, 'event' | 'phase'>, nowMs: number): string[] {
  const { event, phase } = state;
  const zone = event.timeZone;
  const window = eventWindowMs(event);
  const ended = phase.kind === 'ended' ? [`  It has ended; to run it again, remove ${event.id}.sqlite from the data folder.`] : [];
  if (event.rehearsalOf) {
    const original = { ...event, ...event.rehearsalOf };
    const startDate = localDateAndMinutes(window.startMs, zone).date;
    const today = localDateAndMinutes(nowMs, zone).date;
    const day = startDate === today ? 'today' : startDate === addDays(today, 1) ? 'tomorrow' : `on ${eventDateWords(event)}`;
    return [
      `  Rehearsal: this workshop took place on ${eventDateWords(original)} (${span(eventWindowMs(original), zone)});`,
      `  this run starts at ${clockOf(window.startMs, zone)} ${day}, same agenda; moderators may start it earlier (REHEARSAL=off: no rehearsal).`,
      ...ended,
    ];
  }
  if (phase.kind === 'scheduled' && nowMs >= window.endMs) {
    return [`  This workshop took place on ${eventDateWords(event)} (${span(window, zone)}); registration is closed.`];
  }
  return phase.kind === 'ended' ? [`  This workshop took place on ${eventDateWords(event)}.`, ...ended] : [];
}

/** What a moderator's cue will do, in words, before they confirm it. */
import type { AgendaAction, AgendaItem, EventConfig, Phase, RosterView } from '@live-workshop/shared';
import { roundOfItem } from '@live-workshop/shared/pure';

/** A cue the console offers, with its confirmation text. */
export interface Cue {
  readonly action: AgendaAction;
  /** The button's words. */
  readonly label: string;
  /** What will happen, shown before it happens. */
  readonly confirm: string;
}

/** How many attendees a cue moves: those connected now, or everyone registered when we cannot tell. */
export function attendeeCount(roster: RosterView | null): number | null {
  if (!roster) return null;
  const attendees = roster.entries.filter((e) => e.role === 'attendee');
  const connected = attendees.filter((e) => e.connected);
  return connected.length > 0 ? connected.length : attendees.length;
}

const people = (n: number | null) => (n === null ? 'everyone' : `${n} attendee${n === 1 ? '' : 's'}`);

function speakerNames(event: EventConfig, item: AgendaItem): string[] {
  if (!('stage' in item)) return [];
  return item.stage.map((id) => event.speakers.find((s) => s.id === id)?.name ?? id);
}

/** What entering `to` (from `from`, or from the lobby when null) does. */
export function describeTransition(event: EventConfig, from: AgendaItem | null, to: AgendaItem, n: number | null): string {
  // A round with its own rooms opens those, not the event's.
  const rooms = roundOfItem(event, event.agenda.indexOf(to))?.rooms.length ?? event.breakouts.length;
  switch (to.kind) {
    case 'breakouts': {
      const staff = to.staffPlacement === 'backstage' ? ' Speakers and moderators go backstage.' : ' Speakers and moderators join the breakouts too.';
      return `Open the ${rooms} breakout rooms and move ${people(n)} into them for “${to.title}” (${to.durationMinutes} min).${staff}`;
    }
    case 'break':
      return `${from?.kind === 'breakouts' ? `Close the ${rooms} breakout rooms and bring ${people(n)} back to the plenary. ` : ''}Start the break “${to.title}” (${to.durationMinutes} min).`;
    case 'plenary':
    case 'live':
    case 'closing': {
      const names = speakerNames(event, to);
      const stage = names.length ? ` On stage: ${names.join(', ')}.` : '';
      const back = from?.kind === 'breakouts' ? `Close the ${rooms} breakout rooms and bring ${people(n)} back to the plenary for “${to.title}”.` : `Start “${to.title}” in the plenary for ${people(n)}.`;
      return `${back}${stage}`;
    }
  }
}

/** The "Next" cue for the current phase, or null when the event has ended. */
export function nextCue(event: EventConfig, phase: Phase, roster: RosterView | null): Cue | null {
  const n = attendeeCount(roster);
  switch (phase.kind) {
    case 'scheduled':
      return {
        action: { type: 'openDoors' },
        label: 'Open the doors',
        confirm: `Open the doors: ${people(n)} can enter the lobby and wait for the start. Speakers and moderators stay backstage.`,
      };
    case 'lobby': {
      const first = event.agenda[0]!;
      return { action: { type: 'next' }, label: `Start: ${first.title}`, confirm: describeTransition(event, null, first, n) };
    }
    case 'ended':
      return null;
    default: {
      const current = event.agenda[phase.itemIndex] ?? null;
      const next = event.agenda[phase.itemIndex + 1];
      if (!next) {
        return { action: { type: 'next' }, label: 'End the event', confirm: `End the event for everyone: ${people(n)} see the end screen and leave the rooms.` };
      }
      return { action: { type: 'next' }, label: `Next: ${next.title}`, confirm: describeTransition(event, current, next, n) };
    }
  }
}

/** "End breakouts early" while breakouts run. */
export function endBreakoutsCue(event: EventConfig, phase: Phase, roster: RosterView | null): Cue | null {
  if (phase.kind !== 'breakouts') return null;
  const n = attendeeCount(roster);
  const next = event.agenda[phase.itemIndex + 1];
  const target = next ? ` for “${next.title}”` : ' and end the event';
  return {
    action: { type: 'endBreakouts' },
    label: 'End breakouts early',
    confirm: `Close the ${roundOfItem(event, phase.itemIndex)?.rooms.length ?? event.breakouts.length} breakout rooms now and bring ${people(n)} back to the plenary${target}.`,
  };
}

/** Jump to an agenda item. */
export function goToCue(event: EventConfig, phase: Phase, itemIndex: number, roster: RosterView | null): Cue | null {
  const to = event.agenda[itemIndex];
  if (!to) return null;
  const from = 'itemIndex' in phase ? (event.agenda[phase.itemIndex] ?? null) : null;
  return {
    action: { type: 'goTo', itemIndex },
    label: `Go to: ${to.title}`,
    confirm: `Jump to “${to.title}”. ${describeTransition(event, from, to, attendeeCount(roster))}`,
  };
}

/** What a moderator's cue will do, in words (the reader's language), before they confirm it. */
import type { AgendaAction, AgendaItem, EventConfig, Phase, RosterView } from '@live-workshop/shared';
import { roundOfItem } from '@live-workshop/shared/pure';
import { t } from '../i18n/i18n.js';

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

const people = (n: number | null) => (n === null ? t('console.cue.everyone') : t('console.cue.attendees', { count: n }));

function speakerNames(event: EventConfig, item: AgendaItem): string[] {
  if (!('stage' in item)) return [];
  return item.stage.map((id) => event.speakers.find((s) => s.id === id)?.name ?? id);
}

/** What entering `to` (from `from`, or from the lobby when null) does. */
export function describeTransition(event: EventConfig, from: AgendaItem | null, to: AgendaItem, n: number | null): string {
  // A round with its own rooms opens (and later closes) those, not the event's.
  const roomsOf = (item: AgendaItem | null) => (item ? roundOfItem(event, event.agenda.indexOf(item))?.rooms.length : undefined) ?? event.breakouts.length;
  const back = from?.kind === 'breakouts';
  const rooms = to.kind === 'breakouts' ? roomsOf(to) : roomsOf(from);
  switch (to.kind) {
    case 'breakouts': {
      const staff = to.staffPlacement === 'backstage' ? t('console.cue.staffBackstage') : t('console.cue.staffInBreakouts');
      return `${t('console.cue.openBreakouts', { rooms, people: people(n), title: to.title, minutes: to.durationMinutes })} ${staff}`;
    }
    case 'break': {
      const start = t('console.cue.startBreak', { title: to.title, minutes: to.durationMinutes });
      return back ? `${t('console.cue.closeBreakouts', { rooms, people: people(n) })} ${start}` : start;
    }
    case 'plenary':
    case 'live':
    case 'closing': {
      const names = speakerNames(event, to);
      const stage = names.length ? ` ${t('console.cue.onStage', { names: names.join(', ') })}` : '';
      const lead = back ? t('console.cue.backToPlenary', { rooms, people: people(n), title: to.title }) : t('console.cue.startInPlenary', { title: to.title, people: people(n) });
      return `${lead}${stage}`;
    }
  }
}

/** The "Next" cue for the current phase, or null when the event has ended. */
export function nextCue(event: EventConfig, phase: Phase, roster: RosterView | null): Cue | null {
  const n = attendeeCount(roster);
  switch (phase.kind) {
    case 'scheduled':
      return { action: { type: 'openDoors' }, label: t('console.cue.openDoors'), confirm: t('console.cue.openDoorsConfirm', { people: people(n) }) };
    case 'lobby': {
      const first = event.agenda[0]!;
      return { action: { type: 'next' }, label: t('console.cue.start', { title: first.title }), confirm: describeTransition(event, null, first, n) };
    }
    case 'ended':
      return null;
    default: {
      const current = event.agenda[phase.itemIndex] ?? null;
      const next = event.agenda[phase.itemIndex + 1];
      if (!next) return { action: { type: 'next' }, label: t('console.cue.endEvent'), confirm: t('console.cue.endEventConfirm', { people: people(n) }) };
      return { action: { type: 'next' }, label: t('console.cue.next', { title: next.title }), confirm: describeTransition(event, current, next, n) };
    }
  }
}

/** "End breakouts early" while breakouts run. */
export function endBreakoutsCue(event: EventConfig, phase: Phase, roster: RosterView | null): Cue | null {
  if (phase.kind !== 'breakouts') return null;
  const n = attendeeCount(roster);
  const next = event.agenda[phase.itemIndex + 1];
  const rooms = roundOfItem(event, phase.itemIndex)?.rooms.length ?? event.breakouts.length;
  return {
    action: { type: 'endBreakouts' },
    label: t('console.cue.endBreakouts'),
    confirm: next ? t('console.cue.endBreakoutsConfirm', { rooms, people: people(n), title: next.title }) : t('console.cue.endBreakoutsAndEvent', { rooms, people: people(n) }),
  };
}

/** Jump to an agenda item. */
export function goToCue(event: EventConfig, phase: Phase, itemIndex: number, roster: RosterView | null): Cue | null {
  const to = event.agenda[itemIndex];
  if (!to) return null;
  const from = 'itemIndex' in phase ? (event.agenda[phase.itemIndex] ?? null) : null;
  return {
    action: { type: 'goTo', itemIndex },
    label: t('console.cue.goTo', { title: to.title }),
    confirm: `${t('console.cue.jumpTo', { title: to.title })} ${describeTransition(event, from, to, attendeeCount(roster))}`,
  };
}

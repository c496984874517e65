/**
 * Fixtures for the engine's unit tests: the seed event, a small event, a cast of people
 * and helpers that drive step() and fail loudly on a refusal. Not exported from the package.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Role } from '../domain.js';
import { eventConfigSchema, type EventConfig } from '../event/eventConfig.js';
import type { Action, Actor, Command } from './actions.js';
import type { Effect, Move } from './effects.js';
import { initialState, isItemPhase, type AgendaState } from './state.js';
import { step, type Accepted } from './step.js';

export const MINUTE_MS = 60_000;

/** 23 October 2025, 09:00 in Brussels: when the fixtures' setup commands run. */
export const T0 = Date.UTC(2025, 9, 23, 7, 0);

/** When reach() enters an agenda item, unless told otherwise. */
export const ITEM_AT = T0 + 10 * MINUTE_MS;

type Loose = Record<string, unknown>;

/** An event file's content, loosely typed so a test can break any part of it. */
export interface EventInput extends Loose {
  moderators: Loose[];
  speakers: Loose[];
  breakouts: Loose[];
  agenda: Loose[];
}

/** The reference event file the server boots with. */
export const SEED_EVENT_URL = new URL('../../../server/events/microcredentials-2025.yaml', import.meta.url);

/** The raw (unparsed) seed event. */
export const seedEventInput = (): EventInput => parseYaml(readFileSync(SEED_EVENT_URL, 'utf8'));

/** The seed event, parsed. */
export const seedEvent: EventConfig = eventConfigSchema.parse(seedEventInput());

/**
 * A small event as written in an event file; a fresh object on each call so a test may break it.
 * Agenda: 0 opening (plenary, ana on stage), 1 groups (breakouts), 2 coffee (break),
 * 3 panel (live, ana and ben on stage), 4 closing (nobody on stage).
 */
export function smallEventInput(): EventInput {
  return {
    id: 'demo-2025',
    title: 'Demo workshop',
    timeZone: 'Europe/Brussels',
    date: '2025-10-23',
    start: '09:00',
    end: '12:00',
    breakoutWarningSeconds: 60,
    moderators: [{ id: 'mod', name: 'Person mod' }],
    speakers: [
      { id: 'ana', name: 'Person ana' },
      { id: 'ben', name: 'Person ben' },
    ],
    breakouts: [
      { id: 'trust', title: 'Trust', capacity: 2 },
      { id: 'skills', title: 'Skills', capacity: 2 },
      { id: 'global', title: 'Global', capacity: 3 },
      { id: 'digital', title: 'Digital', capacity: 3 },
    ],
    agenda: [
      { id: 'opening', kind: 'plenary', title: 'Opening', start: '09:00', durationMinutes: 30, stage: ['ana'] },
      { id: 'groups', kind: 'breakouts', title: 'Groups', start: '09:30', durationMinutes: 40 },
      { id: 'coffee', kind: 'break', title: 'Coffee', start: '10:10', durationMinutes: 15 },
      { id: 'panel', kind: 'live', title: 'Panel', start: '10:25', durationMinutes: 60, stage: ['ana', 'ben'] },
      { id: 'closing', kind: 'closing', title: 'Closing', start: '11:25', durationMinutes: 35 },
    ],
  };
}

/** The small event, optionally edited before parsing. */
export function makeEvent(edit?: (input: EventInput) => void): EventConfig {
  const input = smallEventInput();
  edit?.(input);
  return eventConfigSchema.parse(input);
}

export const smallEvent = makeEvent();

/** Agenda indexes of the small event. */
export const ITEM = { opening: 0, groups: 1, coffee: 2, panel: 3, closing: 4 } as const;
export const GROUPS_MS = 40 * MINUTE_MS;
export const WARNING_MS = 60_000;

/** Someone the server admits. */
export interface Newcomer {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly preferences: string[];
}

export const person = (id: string, role: Role = 'attendee', preferences: string[] = []): Newcomer => ({
  id,
  name: `Person ${id}`,
  role,
  preferences,
});

/**
 * The small event's people, in admission order. Attendees land in a1→trust, a2→skills, a3→global.
 */
export const CAST: readonly Newcomer[] = [
  person('mod', 'moderator'),
  person('ana', 'speaker'),
  person('ben', 'speaker'),
  person('a1', 'attendee', ['trust', 'skills']),
  person('a2', 'attendee', ['skills', 'global']),
  person('a3', 'attendee', ['global']),
];

export const SYSTEM: Actor = { kind: 'system' };
export const actor = (participantId: string, role: Role): Actor => ({ kind: 'participant', participantId, role });
export const MODERATOR = actor('mod', 'moderator');

/** A command carrying the state's current version unless told otherwise. */
export function command(state: AgendaState, action: Action, by: Actor = MODERATOR, expectedVersion = state.version): Command {
  return { action, by, expectedVersion };
}

/** Runs a command that must be accepted. */
export function accept(state: AgendaState, action: Action, options: { by?: Actor; now?: number } = {}): Accepted {
  const by = options.by ?? (action.type === 'admit' || action.type === 'deadlineReached' ? SYSTEM : MODERATOR);
  const result = step(state, command(state, action, by), options.now ?? T0);
  if (!result.ok) throw new Error(`step refused ${action.type}: ${result.code} (${result.message})`);
  return result;
}

/** Admits people one by one, in order. */
export function admitAll(state: AgendaState, people: readonly Newcomer[], now = T0): AgendaState {
  return people.reduce((s, participant) => accept(s, { type: 'admit', participant }, { now }).state, state);
}

/** A place in the event: before the doors open, the lobby, an agenda item by index, or the end. */
export type Where = 'scheduled' | 'lobby' | number | 'ended';

/** A state with the people admitted (before the doors open) and then moved to `where` at `now`. */
export function reach(
  where: Where,
  options: { event?: EventConfig; people?: readonly Newcomer[]; now?: number } = {},
): AgendaState {
  const now = options.now ?? ITEM_AT;
  const scheduled = admitAll(initialState(options.event ?? smallEvent), options.people ?? CAST);
  if (where === 'scheduled') return scheduled;
  const lobby = accept(scheduled, { type: 'openDoors' }).state;
  if (where === 'lobby') return lobby;
  if (where === 'ended') return accept(lobby, { type: 'end' }, { now }).state;
  return accept(lobby, { type: 'goTo', itemIndex: where }, { now }).state;
}

/** The running item clock's end. */
export function endsAtOf(state: AgendaState): number {
  const { phase } = state;
  if (!isItemPhase(phase) || phase.timer.status !== 'running') throw new Error(`no running clock in ${phase.kind}`);
  return phase.timer.endsAt;
}

/** The effects of one type. */
export function effectsOf<T extends Effect['type']>(effects: readonly Effect[], type: T): Extract<Effect, { type: T }>[] {
  return effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
}

/** All moves of the effects, sorted by participant so tests do not depend on record order. */
export function movesOf(effects: readonly Effect[]): Move[] {
  return effectsOf(effects, 'move')
    .flatMap((e) => e.moves)
    .sort((a, b) => a.participantId.localeCompare(b.participantId));
}

/** The deadline effects only, in the order the engine emitted them. */
export function deadlineEffectsOf(effects: readonly Effect[]): Effect[] {
  return effects.filter((e) => e.type === 'scheduleDeadline' || e.type === 'cancelDeadline');
}

// The agenda engine: step(state, command, now) -> { state, effects }, one exhaustive dispatch per kind of action.
// It stays one file (just over 300 lines) so each action can be read from its permission to its effects in one place.
import type { Participant } from '../domain.js';
import type { EventConfig } from '../event/eventConfig.js';
import { eventStaff } from '../event/eventStaff.js';
import {
  isAgendaAction, isRosterAction, isSelfAction, isSystemAction, type Action, type Actor, type AgendaAction, type Command, type RosterAction,
  type SelfAction, type SystemAction,
} from './actions.js';
import { deadlineEffects } from './deadlines.js';
import { placementEffects } from './diff.js';
import type { Effect } from './effects.js';
import { applyRoundPlan, balanceRound, placementOf, planWithNewcomer, roundLoads, roundOpened, seatTheUnseated } from './placement.js';
import { currentOrNextRound, pickRefusal } from './roundPicks.js';
import { roundOfItem, roundOfRoom, roundsOf, seatOf, withSeat } from './rounds.js';
import { assertNever, refuse, type Refusal } from './refusal.js';
import { isItemPhase, phaseKey, type AgendaState, type ItemPhase, type Phase } from './state.js';

/** A state change the engine accepted, with the effects the server must perform. */
export interface Accepted {
  readonly ok: true;
  readonly state: AgendaState;
  readonly effects: readonly Effect[];
}
export type StepResult = Accepted | Refusal;

type Applied = { state: AgendaState; effects?: Effect[] } | Refusal;

const MINUTE_MS = 60_000;

/**
 * Who may send what: the server's bookkeeping only as the system; a person's own actions only by
 * that person; agenda and roster actions by moderators and by the server's agents.
 */
function permission(action: Action, by: Actor): Refusal | null {
  if (isSystemAction(action)) return by.kind === 'system' ? null : refuse('forbidden', 'Only the server can do that.');
  if (by.kind === 'system') return refuse('forbidden', 'Participant actions need a participant.');
  if (isSelfAction(action)) return by.kind === 'participant' ? null : refuse('forbidden', 'Only a person can do that for themselves.');
  if (by.kind === 'agent' || by.role === 'moderator') return null;
  return refuse('forbidden', 'Only moderators can do that.');
}

/**
 * The agenda engine: applies one command at time `now` and returns the next state and
 * the effects to perform, or a refusal that leaves the state as it was. Pure.
 */
export function step(state: AgendaState, command: Command, now: number): StepResult {
  const { action, by } = command;
  const refused = permission(action, by);
  if (refused) return refused;
  if (!isSystemAction(action) && command.expectedVersion !== state.version) {
    return refuse('stale_version', `The agenda has already moved on (now at version ${state.version}); look again and retry.`);
  }
  const applied = apply(state, command, now);
  if (!applied.ok) return applied;
  const next = applied.state;
  const effects: Effect[] = [];
  if (next.version !== state.version) effects.push({ type: 'agendaChanged' });
  effects.push(...placementEffects(state, next), ...deadlineEffects(state, next), ...(applied.effects ?? []));
  return { ok: true, state: next, effects };
}

function apply(state: AgendaState, command: Command, now: number): ({ ok: true } & Exclude<Applied, Refusal>) | Refusal {
  const result = dispatch(state, command, now);
  return 'ok' in result ? result : { ok: true, ...result };
}

function dispatch(state: AgendaState, command: Command, now: number): Applied {
  const { action } = command;
  if (isAgendaAction(action)) return applyAgenda(state, action, now);
  if (isRosterAction(action)) return applyRoster(state, action, command);
  if (isSelfAction(action)) return applySelf(state, action, command);
  if (isSystemAction(action)) return applySystem(state, action, now);
  return assertNever(action);
}

// ---- agenda (phase and clock) ----

function withPhase(state: AgendaState, phase: Phase): AgendaState {
  // Stage invitations and raised hands belong to one part of the event (including the lobby).
  const leavingPart = phaseKey(state.phase) !== phaseKey(phase);
  const participants = leavingPart ? resetStageAndHands(state.participants) : state.participants;
  const rosterChanged = participants !== state.participants;
  return {
    ...state,
    phase,
    participants,
    version: state.version + 1,
    rosterRevision: rosterChanged ? state.rosterRevision + 1 : state.rosterRevision,
  };
}

/** Stage invitations and raised hands belong to one agenda item. */
function resetStageAndHands(participants: AgendaState['participants']): AgendaState['participants'] {
  let copy: Record<string, Participant> | null = null;
  for (const [id, p] of Object.entries(participants)) {
    if (p.onStage || p.handRaised) {
      copy ??= { ...participants };
      copy[id] = { ...p, onStage: false, handRaised: false };
    }
  }
  return copy ?? participants;
}

function enterItem(state: AgendaState, itemIndex: number, now: number): AgendaState {
  const item = state.event.agenda[itemIndex]!;
  const timer = { status: 'running', endsAt: now + item.durationMinutes * MINUTE_MS } as const;
  const entered = withPhase(state, { kind: item.kind, itemIndex, startedAt: now, timer });
  // A round's doors open: whoever has no room in it yet (did not pick) is placed now.
  const round = roundOfItem(state.event, itemIndex);
  if (!round) return entered;
  const participants = seatTheUnseated(round, entered.participants);
  return participants === entered.participants ? entered : { ...entered, participants, rosterRevision: entered.rosterRevision + 1 };
}

function advance(state: AgendaState, now: number): AgendaState {
  const { phase } = state;
  const nextIndex = phase.kind === 'lobby' || phase.kind === 'scheduled' ? 0 : isItemPhase(phase) ? phase.itemIndex + 1 : null;
  if (nextIndex === null) return state;
  return nextIndex < state.event.agenda.length ? enterItem(state, nextIndex, now) : withPhase(state, { kind: 'ended', endedAt: now });
}

function applyAgenda(state: AgendaState, action: AgendaAction, now: number): Applied {
  const { phase } = state;
  switch (action.type) {
    case 'openDoors':
      if (phase.kind !== 'scheduled') return refuse('not_allowed_now', 'The doors are already open.');
      return { state: withPhase(state, { kind: 'lobby', openedAt: now }) };
    case 'start':
      if (phase.kind !== 'scheduled' && phase.kind !== 'lobby') return refuse('not_allowed_now', 'The event has already started.');
      return { state: enterItem(state, 0, now) };
    case 'next':
      if (phase.kind === 'scheduled') return refuse('not_allowed_now', 'Open the doors first.');
      if (phase.kind === 'ended') return refuse('not_allowed_now', 'The event has ended.');
      return { state: advance(state, now) };
    case 'goTo': {
      if (action.itemIndex >= state.event.agenda.length) return refuse('unknown_item', `There is no agenda item ${action.itemIndex + 1}.`);
      if (phase.kind === 'scheduled' || phase.kind === 'ended') return refuse('not_allowed_now', 'Jumping is possible once the doors are open and until the end.');
      if (isItemPhase(phase) && phase.itemIndex === action.itemIndex) return refuse('not_allowed_now', 'That item is already running.');
      return { state: enterItem(state, action.itemIndex, now) };
    }
    case 'extend': {
      if (!isItemPhase(phase)) return refuse('not_allowed_now', 'Only a running agenda item can be extended.');
      const addMs = action.minutes * MINUTE_MS;
      const timer = phase.timer.status === 'running'
        ? { status: 'running' as const, endsAt: phase.timer.endsAt + addMs }
        : { status: 'paused' as const, remainingMs: phase.timer.remainingMs + addMs };
      return { state: withPhase(state, { ...phase, timer } as ItemPhase) };
    }
    case 'endBreakouts':
      if (phase.kind !== 'breakouts') return refuse('not_allowed_now', 'The breakout rooms are not open.');
      return { state: advance(state, now) };
    case 'pause':
      if (!isItemPhase(phase) || phase.timer.status !== 'running') return refuse('not_allowed_now', 'The clock is not running.');
      return { state: withPhase(state, { ...phase, timer: { status: 'paused', remainingMs: Math.max(0, phase.timer.endsAt - now) } } as ItemPhase) };
    case 'resume':
      if (!isItemPhase(phase) || phase.timer.status !== 'paused') return refuse('not_allowed_now', 'The clock is not paused.');
      return { state: withPhase(state, { ...phase, timer: { status: 'running', endsAt: now + phase.timer.remainingMs } } as ItemPhase) };
    case 'end':
      if (phase.kind === 'ended') return refuse('not_allowed_now', 'The event has already ended.');
      return { state: withPhase(state, { kind: 'ended', endedAt: now }) };
    default:
      return assertNever(action);
  }
}

// ---- roster (people) ----

/** The state with one participant's new record (the same state when it is the same record). */
function withRecord(state: AgendaState, p: Participant): AgendaState {
  if (state.participants[p.id] === p) return state;
  return { ...state, participants: { ...state.participants, [p.id]: p }, rosterRevision: state.rosterRevision + 1 };
}

function updateParticipant(state: AgendaState, id: string, patch: Partial<Participant>): AgendaState {
  const p = state.participants[id]!;
  const changed = (Object.keys(patch) as (keyof Participant)[]).some((k) => p[k] !== patch[k]);
  if (!changed) return state;
  return { ...state, participants: { ...state.participants, [id]: { ...p, ...patch } }, rosterRevision: state.rosterRevision + 1 };
}

const STAGE_PHASES = new Set<Phase['kind']>(['plenary', 'live', 'closing']);

function applyRoster(state: AgendaState, action: RosterAction, command: Command): Applied {
  if (action.type === 'autoBalance') {
    // The round running now, or the next one: the round the console shows.
    const round = currentOrNextRound(state.event, state.phase);
    if (!round) return refuse('not_allowed_now', 'There are no breakout rooms left to balance.');
    const plan = balanceRound(round, Object.values(state.participants), roundOpened(round, state.phase));
    const participants = applyRoundPlan(state.participants, round, plan);
    return { state: participants === state.participants ? state : { ...state, participants, rosterRevision: state.rosterRevision + 1 } };
  }
  if (action.type === 'broadcast') {
    const from = command.by.kind === 'participant' ? (state.participants[command.by.participantId]?.name ?? 'Moderator') : 'Moderator';
    return { state, effects: [{ type: 'broadcast', text: action.text, from }] };
  }
  const target = state.participants[action.participantId];
  if (!target) return refuse('unknown_participant', 'That person is not in the event.');
  switch (action.type) {
    case 'reassign':
    {
      // Room ids are unique across rounds, so the room names its round.
      const round = roundOfRoom(state.event, action.breakoutId);
      const room = round?.rooms.find((b) => b.id === action.breakoutId);
      if (!round || !room) return refuse('unknown_breakout', `There is no breakout room "${action.breakoutId}".`);
      if (target.role === 'facilitator') return refuse('not_allowed_now', `${target.name} facilitates the room of their invite link; withdraw the link and invite them for another room instead.`);
      const seat = seatOf(target, round.key);
      if (seat.breakoutId !== room.id && !action.overCapacity) {
        const placed = roundLoads(round, Object.values(state.participants)).get(room.id) ?? 0;
        if (placed >= room.capacity) return refuse('room_full', `${room.title} is full (${placed} of ${room.capacity} places). Confirm to place ${target.name} there anyway.`);
      }
      return { state: withRecord(state, withSeat(target, round.key, { ...seat, breakoutId: room.id })) };
    }
    case 'promoteToStage':
      if (target.role !== 'attendee') return refuse('not_allowed_now', 'Only attendees are brought on stage; speakers follow the agenda.');
      if (!STAGE_PHASES.has(state.phase.kind)) return refuse('not_allowed_now', 'There is no stage in this part of the event.');
      return { state: updateParticipant(state, target.id, { onStage: true, handRaised: false }) };
    case 'returnToAudience':
      if (!target.onStage) return refuse('not_allowed_now', 'That person is not on stage.');
      return { state: updateParticipant(state, target.id, { onStage: false }) };
    case 'lowerHand':
      return { state: updateParticipant(state, target.id, { handRaised: false }) };
    case 'remove': {
      if (command.by.kind === 'participant' && command.by.participantId === target.id) return refuse('not_allowed_now', 'You cannot remove yourself.');
      const { [target.id]: _removed, ...rest } = state.participants;
      return {
        state: { ...state, participants: rest, rosterRevision: state.rosterRevision + 1 },
        effects: [{ type: 'removed', participantId: target.id, from: placementOf(state, target.id).roomId }],
      };
    }
    default:
      return assertNever(action);
  }
}

function applySelf(state: AgendaState, action: SelfAction, command: Command): Applied {
  if (command.by.kind !== 'participant' || !state.participants[command.by.participantId]) {
    return refuse('unknown_participant', 'You are not in the event.');
  }
  const id = command.by.participantId;
  switch (action.type) {
    case 'raiseHand':
      if (state.phase.kind === 'scheduled' || state.phase.kind === 'ended') return refuse('not_allowed_now', 'Hands can be raised during the event.');
      return { state: updateParticipant(state, id, { handRaised: true }) };
    case 'lowerOwnHand':
      return { state: updateParticipant(state, id, { handRaised: false }) };
    case 'captionRoom': {
      if (state.participants[id]!.role !== 'captioner') return refuse('forbidden', 'Only captioners choose a room to caption.');
      if (action.breakoutId !== null && !roundOfRoom(state.event, action.breakoutId)) {
        return refuse('unknown_breakout', `There is no breakout room "${action.breakoutId}".`);
      }
      // No capacity check: a captioner takes no place in the room (placement.ts).
      return { state: updateParticipant(state, id, { breakoutId: action.breakoutId }) };
    }
    case 'pickBreakout': {
      const me = state.participants[id]!;
      const refused = pickRefusal(state, me, action.breakoutId);
      if (refused) return refused;
      const round = roundOfRoom(state.event, action.breakoutId)!;
      return { state: withRecord(state, withSeat(me, round.key, { ...seatOf(me, round.key), breakoutId: action.breakoutId, picked: true })) };
    }
    default:
      return assertNever(action);
  }
}

// ---- system (admissions, event edits, deadlines) ----

/** Why the event cannot be edited now (only before the doors open), or null; the event-setup service asks this too. */
export function eventEditClosed(state: AgendaState): Refusal | null {
  return state.phase.kind === 'scheduled' ? null : refuse('not_allowed_now', 'The event can be edited only before the doors open.');
}

/** Why an edited event cannot replace this one (the id names the event's data and rooms), or null. */
export function eventIdRefusal(state: AgendaState, event: Pick<EventConfig, 'id'>): Refusal | null {
  return event.id === state.event.id ? null : refuse('not_allowed_now', 'The event id cannot change: it names the event\'s data and rooms.');
}

function withoutIds(participants: AgendaState['participants'], ids: readonly string[]): AgendaState['participants'] {
  if (ids.length === 0) return participants;
  const drop = new Set(ids);
  return Object.fromEntries(Object.entries(participants).filter(([id]) => !drop.has(id)));
}

/**
 * Everyone placed again by the optimal plan of each round (before the doors open), keeping who stays
 * put on a tie; a pick of a room the edit dropped is undone.
 */
function replanned(event: EventConfig, participants: AgendaState['participants']): AgendaState['participants'] {
  let result = participants;
  for (const round of roundsOf(event)) {
    const roomIds = new Set(round.rooms.map((r) => r.id));
    let cleaned: Record<string, Participant> | null = null;
    for (const p of Object.values(result)) {
      const seat = seatOf(p, round.key);
      if (!seat.picked || roomIds.has(seat.breakoutId ?? '')) continue;
      cleaned ??= { ...result };
      cleaned[p.id] = withSeat(p, round.key, { breakoutId: null, preferences: seat.preferences });
    }
    result = cleaned ?? result;
    result = applyRoundPlan(result, round, balanceRound(round, Object.values(result), false));
  }
  return result;
}

function applySystem(state: AgendaState, action: SystemAction, now: number): Applied {
  switch (action.type) {
    case 'admit': {
      const known = state.participants[action.participant.id];
      const { roundPreferences, facilitates, ...person } = action.participant;
      // A facilitator facilitates exactly one existing room; nobody else facilitates by admission.
      if ((person.role === 'facilitator') !== (facilitates !== undefined)) return refuse('forbidden', 'A facilitator, and only a facilitator, is admitted for one breakout room.');
      if (facilitates !== undefined && !roundOfRoom(state.event, facilitates)) return refuse('unknown_breakout', `There is no breakout room "${facilitates}".`);
      if (known) return { state: updateParticipant(state, known.id, { name: person.name }) };
      const rounds = roundPreferences && Object.keys(roundPreferences).length > 0
        ? Object.fromEntries(Object.entries(roundPreferences).map(([key, preferences]) => [key, { breakoutId: null, preferences }]))
        : undefined;
      const participant: Participant = {
        ...person, breakoutId: null, onStage: false, handRaised: false, seq: state.nextSeq, ...(rounds ? { rounds } : {}), ...(facilitates ? { facilitates } : {}),
      };
      return {
        state: {
          ...state,
          participants: planWithNewcomer(state.event, state.phase, state.participants, participant),
          nextSeq: state.nextSeq + 1,
          rosterRevision: state.rosterRevision + 1,
        },
      };
    }
    case 'replaceEvent': {
      const refused = eventEditClosed(state) ?? eventIdRefusal(state, action.event);
      if (refused) return refused;
      // Staff the edit drops leave with their links; staff it adds are admitted by the server.
      const staff = new Set(eventStaff(action.event).map((s) => s.id));
      // A facilitator stays while their room does.
      const stays = (p: Participant) => p.role === 'attendee' || staff.has(p.id) || (p.facilitates !== undefined && roundOfRoom(action.event, p.facilitates) !== null);
      const dropped = Object.values(state.participants).filter((p) => !stays(p)).map((p) => p.id);
      const participants = replanned(action.event, withoutIds(state.participants, dropped));
      return {
        state: { ...state, event: action.event, participants, version: state.version + 1, rosterRevision: state.rosterRevision + 1 },
        // Before the doors open nobody is in a room.
        effects: [{ type: 'eventChanged' }, ...dropped.map((participantId) => ({ type: 'removed' as const, participantId, from: null }))],
      };
    }
    case 'deadlineReached': {
      const { phase } = state;
      if (phase.kind !== 'breakouts' || phase.timer.status !== 'running') return refuse('not_due', 'No deadline is running.');
      if (action.deadline === 'itemEnd') {
        if (now < phase.timer.endsAt) return refuse('not_due', 'The breakouts have not reached their end yet.');
        return { state: advance(state, now) };
      }
      const warnAt = phase.timer.endsAt - state.event.breakoutWarningSeconds * 1000;
      if (now < warnAt || now >= phase.timer.endsAt) return refuse('not_due', 'It is not time for the warning.');
      return { state, effects: [{ type: 'warn', warning: 'breakoutsClosing', secondsLeft: Math.round((phase.timer.endsAt - now) / 1000) }] };
    }
    default:
      return assertNever(action);
  }
}

import { describe, expect, it } from 'vitest';
import { agentActor, type Actor } from './actions.js';
import { actionLogEntryOf, actionLogLineOf } from './actionLog.js';
import { initialState, type AgendaState } from './state.js';
import type { EventConfig } from '../event/eventConfig.js';

const state = (phase: AgendaState['phase']): AgendaState => ({ ...initialState({} as EventConfig), version: 7, phase });
const running = state({ kind: 'breakouts', itemIndex: 1, startedAt: 0, timer: { status: 'running', endsAt: 1 } } as AgendaState['phase']);
const moderator: Actor = { kind: 'participant', participantId: 'mod-1', role: 'moderator' };

describe('actionLogEntryOf', () => {
  it('logs a moderator cue with who, when and the item it led to', () => {
    expect(actionLogEntryOf(moderator, { type: 'next' }, running, 123)).toEqual({
      version: 7, at: 123, by: { kind: 'person', id: 'mod-1' }, action: { type: 'next' }, itemIndex: 1,
    });
  });
  it('keeps whom a roster action was about, and what a broadcast said', () => {
    expect(actionLogEntryOf(moderator, { type: 'reassign', participantId: 'p9', breakoutId: 'trust', overCapacity: true }, running, 1)?.action)
      .toEqual({ type: 'reassign', participantId: 'p9', breakoutId: 'trust' });
    expect(actionLogEntryOf(moderator, { type: 'broadcast', text: 'Five minutes left' }, running, 1)?.action).toEqual({ type: 'broadcast', text: 'Five minutes left' });
  });
  it('names the autopilot, and an item ended by its time', () => {
    expect(actionLogEntryOf(agentActor('autopilot'), { type: 'next' }, running, 1)?.by).toEqual({ kind: 'agent', agent: 'autopilot' });
    expect(actionLogEntryOf({ kind: 'system' }, { type: 'deadlineReached', deadline: 'itemEnd' }, running, 1)?.by).toEqual({ kind: 'deadline' });
  });
  it('leaves out a person\'s own hand, the closing warning and the server\'s bookkeeping', () => {
    expect(actionLogEntryOf({ kind: 'participant', participantId: 'a', role: 'attendee' }, { type: 'raiseHand' }, running, 1)).toBeNull();
    expect(actionLogEntryOf({ kind: 'system' }, { type: 'deadlineReached', deadline: 'breakoutWarning' }, running, 1)).toBeNull();
    expect(actionLogEntryOf({ kind: 'system' }, { type: 'admit', participant: { id: 'x' } } as never, running, 1)).toBeNull();
  });
  it('has no item before the start', () => {
    expect(actionLogEntryOf(moderator, { type: 'openDoors' }, state({ kind: 'lobby', openedAt: 0 }), 1)?.itemIndex).toBeNull();
  });
});

describe('actionLogLineOf', () => {
  it('resolves the actor and the person acted on; someone gone has no name', () => {
    const entry = actionLogEntryOf(moderator, { type: 'remove', participantId: 'gone' }, running, 1)!;
    const names: Record<string, string> = { 'mod-1': 'Anastasia Pouliou' };
    expect(actionLogLineOf(entry, (id) => names[id] ?? null)).toMatchObject({ byName: 'Anastasia Pouliou', participantName: null });
  });
});

import { beforeEach, describe, expect, test } from 'vitest';
import { addHelpRequest, applyAssignment, applyPreparedAssignment, applySessionState, applySnapshot, applyWarning, applyWelcome, dismissHelpRequest } from './actions.js';
import { lwStore, resetStore } from './store.js';
import { phaseRemainingMs } from '../../time/countdown.js';
import { assignment, EVENT, running, snapshot, welcome } from '../../testing/fixtures.js';

const at = (wallMs: number, monoMs = wallMs) => ({ wallMs, monoMs });
const state = () => lwStore.getState();

beforeEach(() => {
  resetStore();
  applyWelcome(welcome('attendee'), at(1_000_000));
});

describe('snapshots', () => {
  test('a newer snapshot replaces the phase; an older one is ignored', () => {
    applySnapshot(snapshot(3, { kind: 'lobby', openedAt: 1 }), at(1_000_000));
    applySnapshot(snapshot(5, running('plenary', 0, 2_000_000)), at(1_000_100));
    expect(state().agenda.snapshot?.phase.kind).toBe('plenary');

    const before = state().agenda;
    expect(applySnapshot(snapshot(4, { kind: 'lobby', openedAt: 1 }), at(1_000_200))).toBe(false);
    expect(state().agenda).toStrictEqual(before);
  });

  test('the server-time offset is serverTime minus the local clock at receipt', () => {
    // The server says 1_000_000 while our clock reads 995_000: we are 5 s behind.
    applySnapshot(snapshot(2, running('plenary', 0, 1_060_000), 1_000_000), at(995_000));
    expect(state().agenda.serverOffsetMs).toBe(5_000);
  });

  test.each([
    ['running, on the server clock', running('breakouts', 1, 1_090_000), 995_000, 90_000],
    ['running, already over', running('breakouts', 1, 990_000), 1_000_000, -15_000],
    ['paused keeps its remaining time', { kind: 'breakouts' as const, itemIndex: 1, startedAt: 0, timer: { status: 'paused' as const, remainingMs: 42_000 } }, 1_200_000, 42_000],
  ])('countdown: %s', (_name, phase, localNow, expected) => {
    applySnapshot(snapshot(2, phase, 1_000_000), at(995_000));
    const { snapshot: snap, serverOffsetMs } = state().agenda;
    expect(phaseRemainingMs(snap!.phase, serverOffsetMs, localNow)).toBe(expected);
  });

  test('phases without a clock have no countdown', () => {
    applySnapshot(snapshot(2, { kind: 'lobby', openedAt: 5 }), at(1));
    expect(phaseRemainingMs(state().agenda.snapshot!.phase, 0, 10)).toBeNull();
  });
});

describe('assignments', () => {
  test('a prepared assignment becomes current the moment the snapshot with its phaseKey arrives', () => {
    applySnapshot(snapshot(2, running('plenary', 0, 2_000_000)), at(1_000));
    applyAssignment(assignment('item:0', 'plenary', false), at(1_000));
    applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(2_000));
    expect(state().assignment.current?.roomId).toBe('plenary');
    expect(state().assignment.prepared?.roomId).toBe('breakout:trust');

    applySnapshot(snapshot(3, running('breakouts', 1, 3_000_000)), at(5_000, 7_777));
    expect(state().assignment.current?.roomId).toBe('breakout:trust');
    expect(state().assignment.prepared).toBeNull();
    // The cue time is when the snapshot arrived: moves are measured from it.
    expect(state().assignment.currentAtMs).toBe(7_777);
  });

  test('a prepared assignment for another phase waits', () => {
    applySnapshot(snapshot(2, running('plenary', 0, 2_000_000)), at(1_000));
    applyAssignment(assignment('item:0', 'plenary', false), at(1_000));
    applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(2_000));
    // An extension of the current item: same phase, newer version.
    applySnapshot(snapshot(3, running('plenary', 0, 2_300_000)), at(3_000));
    expect(state().assignment.current?.roomId).toBe('plenary');
    expect(state().assignment.prepared?.roomId).toBe('breakout:trust');
  });

  test('a prepared assignment that arrives after its cue is applied at once', () => {
    applySnapshot(snapshot(3, running('breakouts', 1, 3_000_000)), at(1_000));
    applyPreparedAssignment(assignment('item:1', 'breakout:skills', true), at(1_500));
    expect(state().assignment.current?.roomId).toBe('breakout:skills');
  });

  test('resync replaces the snapshot, the assignment and merges the chat', () => {
    applySessionState(
      {
        snapshot: snapshot(9, running('breakouts', 1, 3_000_000)),
        current: assignment('item:1', 'breakout:global', true),
        prepared: assignment('item:2', 'plenary', false),
        chat: [{ id: 1, roomId: 'breakout:global', from: { id: 'x', name: 'Xu', role: 'attendee' }, text: 'hello', at: 5 }],
      },
      at(10),
    );
    expect(state().agenda.snapshot?.version).toBe(9);
    expect(state().assignment.current?.roomId).toBe('breakout:global');
    expect(state().assignment.prepared?.phaseKey).toBe('item:2');
    expect(state().chat.messages.map((m) => m.text)).toEqual(['hello']);
  });
});

test('a new phase clears the breakout warning and a raised hand', () => {
  applySnapshot(snapshot(2, running('breakouts', 1, 3_000_000)), at(1));
  applyWarning({ warning: 'breakoutsClosing', secondsLeft: 60, version: 2 });
  expect(state().agenda.warning?.secondsLeft).toBe(60);
  expect(state().ui.announcements.at(-1)?.text).toMatch(/close in 60 seconds/);
  applySnapshot(snapshot(3, running('live', 2, 4_000_000)), at(2));
  expect(state().agenda.warning).toBeNull();
  expect(state().ui.announcements.at(-1)?.text).toBe(`Now: ${EVENT.agenda[2]!.title}.`);
});

test('every unanswered help request stays, however many come after it; a dealt-with one goes', () => {
  resetStore();
  const requests = Array.from({ length: 120 }, (_, i) => ({ participantId: `a${i}`, name: `Person ${i}`, roomId: null, text: `help ${i}`, at: i }));
  for (const r of requests) addHelpRequest(r);
  expect(lwStore.getState().roster.helpRequests.map((r) => r.text)).toEqual(requests.map((r) => r.text));
  dismissHelpRequest(lwStore.getState().roster.helpRequests[0]!);
  expect(lwStore.getState().roster.helpRequests).toHaveLength(119);
  expect(lwStore.getState().roster.helpRequests[0]!.text).toBe('help 1');
});

import { describe, expect, test } from 'vitest';
import type { MediaConnectFailure } from '../media/livekit/connectError.js';
import type { Assignment, RoomId } from '@live-workshop/shared';
import { assignment } from '../../testing/fixtures.js';
import { hasRoom, INITIAL_MOVE_STATE, mustRejoin, transition, type MoveEffect, type MoveEvent, type MoveState, type RoomAssignment, type Rooms, type Target } from './moveTransition.js';

const plenary = assignment('p1', 'plenary', false);
const trust = assignment('b1', 'breakout:trust', true);
const global = assignment('b1', 'breakout:global', true);
const nowhere: Assignment = { ...plenary, roomId: null, livekitRoom: null, token: null };
/** The assignment, known to name a room. */
const joinable = (a: Assignment): RoomAssignment => {
  if (!hasRoom(a)) throw new Error('no room');
  return a;
};
const target = (a: Assignment | null, cueAtMs = 100): Target => ({ assignment: a, cueAtMs, isVisit: false });
const toPlenary = target(plenary);
const toTrust = target(trust);
const room = (a: Assignment | null) => a?.livekitRoom ?? null;

const NO_ROOMS: Rooms = { active: null, prepared: null, inflight: null };
const inRoom = (a: Assignment, connection: 'connected' | 'reconnecting' | 'disconnected' | 'connecting' = 'connected', more: Partial<Rooms> = {}): Rooms => ({
  ...NO_ROOMS, active: { assignment: a, connection }, ...more,
});
const aiming = (desired: Target | null, applied: Target | null = null): MoveState => ({ desired, applied });

const idle: MoveEffect = { type: 'showMoveStatus', status: { status: 'idle' } };

describe('targetChanged: the newest target wins', () => {
  test.each<[string, Rooms, MoveEffect[]]>([
    ['nothing under way', NO_ROOMS, [{ type: 'abortRetry' }, { type: 'runMoves' }]],
    ['a connect to another room is cancelled', { ...NO_ROOMS, inflight: room(global) }, [{ type: 'abortRetry' }, { type: 'leave', slot: 'inflight' }, { type: 'runMoves' }]],
    ['a connect to the same room goes on', { ...NO_ROOMS, inflight: room(trust) }, [{ type: 'abortRetry' }, { type: 'runMoves' }]],
  ])('%s', (_name, rooms, effects) => {
    expect(transition(aiming(toPlenary), { type: 'targetChanged', target: toTrust, rooms })).toEqual({ state: aiming(toTrust), effects });
  });
});

describe('nextAssignmentKnown: the next room is warmed up once', () => {
  test.each<[string, Assignment | null, Rooms, MoveEffect[]]>([
    ['no assignment yet', null, NO_ROOMS, []],
    ['an assignment to no room', nowhere, NO_ROOMS, []],
    ['the room we are in', trust, inRoom(trust), []],
    ['the room we are joining', trust, { ...NO_ROOMS, inflight: room(trust) }, []],
    ['the room we are about to join (a fresh page: the next item is in the same room)', plenary, NO_ROOMS, []],
    ['the room already warming up', trust, { ...NO_ROOMS, prepared: room(trust) }, []],
    ['a new room', trust, inRoom(plenary), [{ type: 'prepare', assignment: joinable(trust) }]],
    ['the plan changed and the next item has no room: the pre-joined one goes', nowhere, inRoom(plenary, 'connected', { prepared: room(global) }), [{ type: 'leave', slot: 'prepared' }]],
    ['a new room instead of another one warming up', trust, inRoom(plenary, 'connected', { prepared: room(global) }), [{ type: 'leave', slot: 'prepared' }, { type: 'prepare', assignment: joinable(trust) }]],
  ])('%s', (_name, next, rooms, effects) => {
    const state = aiming(toPlenary, toPlenary);
    expect(transition(state, { type: 'nextAssignmentKnown', assignment: next, rooms })).toEqual({ state, effects });
  });
});

describe('moveDue: one pass of the move loop', () => {
  test.each<[string, MoveState, Rooms, MoveState, MoveEffect[]]>([
    ['no target: out of every room', aiming(null, toPlenary), inRoom(plenary), aiming(null, null), [{ type: 'showNoRoom' }, idle, { type: 'leave', slot: 'active' }]],
    ['a target without a room, in no room', aiming(target(nowhere)), NO_ROOMS, aiming(target(nowhere), target(nowhere)), [{ type: 'showNoRoom' }, idle]],
    ['from nowhere to the plenary', aiming(toPlenary), NO_ROOMS, aiming(toPlenary), [{ type: 'connect', target: toPlenary, assignment: joinable(plenary), from: null }]],
    ['from the plenary to a breakout', aiming(toTrust, toPlenary), inRoom(plenary), aiming(toTrust, toPlenary), [{ type: 'connect', target: toTrust, assignment: joinable(trust), from: 'plenary' }]],
    ['the same room with a new token: no reconnect', aiming(target(trust), toTrust), inRoom(trust), aiming(target(trust), target(trust)), [{ type: 'adoptAssignment', assignment: trust }, idle]],
    ['the same room while it also warms up: the spare goes', aiming(toTrust), inRoom(trust, 'connected', { prepared: room(trust) }), aiming(toTrust, toTrust), [{ type: 'leave', slot: 'prepared' }, { type: 'adoptAssignment', assignment: trust }, idle]],
    ['the same room, stuck reconnecting: leave it, then join again', aiming(toTrust), inRoom(trust, 'reconnecting'), aiming(toTrust), [{ type: 'leave', slot: 'active' }, { type: 'connect', target: toTrust, assignment: joinable(trust), from: null }]],
  ])('%s', (_name, state, rooms, next, effects) => {
    expect(transition(state, { type: 'moveDue', rooms })).toEqual({ state: next, effects });
  });
});

describe('mustRejoin', () => {
  test.each<[string, Rooms['active'], Assignment, boolean]>([
    ['connected, same media server', { assignment: trust, connection: 'connected' }, trust, false],
    ['still connecting', { assignment: trust, connection: 'connecting' }, trust, false],
    ['reconnecting', { assignment: trust, connection: 'reconnecting' }, trust, true],
    ['disconnected', { assignment: trust, connection: 'disconnected' }, trust, true],
    ['the media server moved', { assignment: trust, connection: 'connected' }, { ...trust, livekitUrl: 'ws://elsewhere:7880' }, true],
  ])('%s → %s', (_name, active, next, expected) => {
    expect(mustRejoin(active!, next)).toBe(expected);
  });
});

describe('connectFailed: retry with backoff, a fresh assignment now and then', () => {
  const failed = (attempt: number, of: Target = toTrust, reason?: MediaConnectFailure): MoveEvent => ({
    type: 'connectFailed', target: of, from: 'plenary', attempt, error: 'could not connect', retryInMs: 1_000, refreshAfterAttempts: 3, ...(reason ? { reason } : {}),
  });
  const retrying = (attempt: number): MoveEffect => ({ type: 'showMoveStatus', status: { status: 'retrying', from: 'plenary', to: 'breakout:trust' as RoomId, attempt, error: 'could not connect', retryInMs: 1_000 } });
  test.each<[string, MoveState, MoveEvent, MoveEffect[]]>([
    ['the first failure waits', aiming(toTrust), failed(1), [retrying(1), { type: 'waitBeforeRetry', ms: 1_000 }]],
    ['every third failure asks for the assignment again', aiming(toTrust), failed(3), [retrying(3), { type: 'requestFreshAssignment' }, { type: 'waitBeforeRetry', ms: 1_000 }]],
    ['a failure for an old target is forgotten', aiming(toPlenary), failed(1), []],
    ['a rejected token asks for a fresh assignment at the first failure', aiming(toTrust), failed(1, toTrust, 'token_rejected'), [retrying(1), { type: 'requestFreshAssignment' }, { type: 'waitBeforeRetry', ms: 1_000 }]],
    ['an unreachable server is only waited for (its token is still good)', aiming(toTrust), failed(3, toTrust, 'unreachable'), [retrying(3), { type: 'waitBeforeRetry', ms: 1_000 }]],
    ['a silent server too', aiming(toTrust), failed(3, toTrust, 'timeout'), [retrying(3), { type: 'waitBeforeRetry', ms: 1_000 }]],
  ])('%s', (_name, state, event, effects) => {
    expect(transition(state, event)).toEqual({ state, effects });
  });
});

describe('roomLost: the room we were in closed', () => {
  const lost = (reason: 'duplicate_identity' | 'removed' | 'network', leftRoom: string | null, moving = false): MoveEvent => ({ type: 'roomLost', reason, leftRoom, moving });
  test.each<[string, MoveState, MoveEvent, MoveState, MoveEffect[]]>([
    ['joined elsewhere: give up here and say so', aiming(toTrust, toTrust), lost('duplicate_identity', room(trust)), aiming(toTrust, toTrust),
      [{ type: 'showNoRoom' }, { type: 'showMoveStatus', status: { status: 'failed', to: 'breakout:trust', error: 'You joined from another tab or device; this one was disconnected.' } }]],
    ['removed from the old room during a move: the move finishes', aiming(toTrust, toPlenary), lost('removed', room(plenary), true), aiming(toTrust, toPlenary), [{ type: 'showNoRoom' }]],
    ['removed: ask where we belong instead of pushing back in', aiming(toTrust, toTrust), lost('removed', room(trust)), aiming(toTrust, toTrust), [{ type: 'showNoRoom' }, { type: 'requestFreshAssignment' }]],
    ['lost the connection: join again', aiming(toTrust, toTrust), lost('network', room(trust)), aiming(toTrust, null), [{ type: 'showNoRoom' }, { type: 'runMoves' }]],
  ])('%s', (_name, state, event, next, effects) => {
    expect(transition(state, event)).toEqual({ state: next, effects });
  });
});

test('a finished move reaches its target; stopping forgets the target and wakes a waiting retry', () => {
  expect(transition(aiming(toTrust, toPlenary), { type: 'moved', target: toTrust })).toEqual({ state: aiming(toTrust, toTrust), effects: [idle] });
  expect(transition(aiming(toTrust, toPlenary), { type: 'stopped' })).toEqual({ state: aiming(null, toPlenary), effects: [{ type: 'abortRetry' }] });
  expect(INITIAL_MOVE_STATE).toEqual(aiming(null, null));
});

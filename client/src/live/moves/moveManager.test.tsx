import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { MoveManager } from './moveManager.js';
import { applyAssignment, applyPreparedAssignment, applySnapshot, applyWelcome, setLocalMedia, setMuteState } from '../../session/store/actions.js';
import { lwStore, resetStore } from '../../session/store/store.js';
import type { MoveMetric } from '../../session/store/state.js';
import { MoveOverlay } from './MoveOverlay.js';
import { deferred, FakeMediaWorld, fakeTrack } from '../../testing/fakeMediaRoom.js';
import { assignment, EVENT, running, snapshot, welcome } from '../../testing/fixtures.js';

const PLENARY = `${EVENT.id}--plenary`;
const TRUST = `${EVENT.id}--breakout-trust`;
const SKILLS = `${EVENT.id}--breakout-skills`;
const GLOBAL = `${EVENT.id}--breakout-global`;

let world: FakeMediaWorld;
let manager: MoveManager;
let clockMs: number;
let reports: MoveMetric[];
const mic = fakeTrack('audio', 'mic');
const cam = fakeTrack('video', 'cam');
const at = (ms: number) => ({ wallMs: ms, monoMs: ms });

function makeManager(extra: Partial<ConstructorParameters<typeof MoveManager>[0]> = {}) {
  return new MoveManager({
    createRoom: world.createRoom,
    nowMs: () => clockMs,
    report: (m) => reports.push(m),
    retryPolicy: { nextDelayMs: (n) => 500 * n, refreshAfterAttempts: 3 },
    ...extra,
  });
}

/** An attendee watching the opening plenary with camera and microphone captured. */
async function inPlenary() {
  applySnapshot(snapshot(2, running('plenary', 0, 5_000_000)), at(clockMs));
  applyAssignment(assignment('item:0', 'plenary', false), at(clockMs));
  manager.start();
  await manager.whenIdle();
}

beforeEach(() => {
  resetStore();
  delete window.__lwMoves;
  world = new FakeMediaWorld();
  clockMs = 1_000;
  reports = [];
  applyWelcome(welcome('attendee'), at(clockMs));
  setLocalMedia({ audio: mic, video: cam }, 'media', { audioMuted: true, videoMuted: false });
  manager = makeManager();
});

afterEach(async () => {
  cleanup();
  await manager.stop();
});

test('a cue moves us: connect → republish the same tracks → leave the old room', async () => {
  await inPlenary();
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY]);
  // In the plenary an attendee only watches.
  expect(world.connected()[0]!.published).toBeNull();

  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(2_000));
  clockMs = 10_000;
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(10_000));
  clockMs = 10_040;
  await manager.whenIdle();

  // The cue came at once, before the pre-join's turn (preJoinedRoom.ts): a plain join, no pre-join.
  expect(world.log).toEqual([
    `connect ${PLENARY}`,
    `connected ${PLENARY}`,
    `connect ${TRUST}`,
    `connected ${TRUST}`,
    `publish ${TRUST} mic+cam`,
    `leave ${PLENARY}`,
  ]);
  const [room] = world.connected();
  expect(room!.roomName).toBe(TRUST);
  // The very same MediaStreamTracks: no new getUserMedia, no new permission prompt.
  expect(room!.published?.audio).toBe(mic);
  expect(room!.published?.video).toBe(cam);
  expect(room!.mute).toEqual({ audioMuted: true, videoMuted: false });
  expect(lwStore.getState().media.roomId).toBe('breakout:trust');
  expect(lwStore.getState().media.publishing).toBe(true);

  const move = { phaseKey: 'item:1', roomId: 'breakout:trust', cueToConnectedMs: 40, cueToPublishingMs: 40, preJoined: false };
  expect(lwStore.getState().media.moves.at(-1)).toEqual(move);
  expect(window.__lwMoves?.at(-1)).toEqual(move);
  expect(reports.at(-1)).toEqual(move);
});

test('a failed move is retried with backoff and the reason is shown', async () => {
  const sleeping = deferred<number>();
  const wake = deferred();
  manager = makeManager({
    sleep: (ms) => {
      sleeping.resolve(ms);
      return wake.promise;
    },
  });
  await inPlenary();
  world.failNextConnect(SKILLS, new Error('Could not reach the media server.'));
  applyAssignment(assignment('item:1', 'breakout:skills', true), at(clockMs));

  expect(await sleeping.promise).toBe(500);
  render(<MoveOverlay />);
  expect(screen.getByTestId('move-overlay').textContent).toContain('Moving you to Breakout 1: Shaping Skills for Tomorrow…');
  expect(screen.getByTestId('move-overlay').textContent).toContain('Could not reach the media server. Trying again in 1 s (attempt 2).');
  // Still in the old room meanwhile: nobody is left without a room.
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY]);

  // The server hears of the failed attempt (its metrics count move outcomes); the store keeps finished moves only.
  expect(reports.at(-1)).toEqual({ phaseKey: 'item:1', roomId: 'breakout:skills', cueToConnectedMs: 0, cueToPublishingMs: null, outcome: 'failed' });
  expect(lwStore.getState().media.moves.map((m) => m.roomId)).not.toContain('breakout:skills');

  wake.resolve();
  await manager.whenIdle();
  expect(world.connected().map((r) => r.roomName)).toEqual([SKILLS]);
  expect(lwStore.getState().media.move).toEqual({ status: 'idle' });
  expect(screen.queryByTestId('move-overlay')).toBeNull();
  // Each move first says it got the cue (the moderator's arrivals view), once, however many attempts it takes.
  expect(reports.map((r) => `${r.roomId}:${r.outcome ?? 'connected'}`)).toEqual([
    'plenary:started', 'plenary:connected', 'breakout:skills:started', 'breakout:skills:failed', 'breakout:skills:connected',
  ]);
});

test('two quick cues: only the latest room wins and exactly one room stays connected', async () => {
  await inPlenary();
  const firstConnect = world.holdNextConnect(TRUST);
  applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  // While the first move is still connecting, the moderator reassigns us.
  applyAssignment(assignment('item:1', 'breakout:global', true), at(clockMs));
  firstConnect.resolve();
  await manager.whenIdle();

  expect(world.connected().map((r) => r.roomName)).toEqual([GLOBAL]);
  expect(world.connected()[0]!.published?.video).toBe(cam);
  expect(lwStore.getState().media.roomId).toBe('breakout:global');
  expect(lwStore.getState().media.moves.map((m) => m.roomId)).toEqual(['plenary', 'breakout:global']);
});

test('a superseded room that connects anyway is left at once', async () => {
  await inPlenary();
  const slow = world.holdNextConnect(TRUST);
  applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  const newest = world.holdNextConnect(SKILLS);
  applyAssignment(assignment('item:1', 'breakout:skills', true), at(clockMs));
  newest.resolve();
  slow.resolve();
  await manager.whenIdle();
  expect(world.connected().map((r) => r.roomName)).toEqual([SKILLS]);
});

describe('mute state', () => {
  test('is kept across moves and follows the toggles', async () => {
    await inPlenary();
    applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
    await manager.whenIdle();
    expect(world.connected()[0]!.mute).toEqual({ audioMuted: true, videoMuted: false });

    setMuteState('audio', false);
    setMuteState('video', true);
    await manager.whenIdle();
    expect(world.connected()[0]!.mute).toEqual({ audioMuted: false, videoMuted: true });

    applyAssignment(assignment('item:2', 'breakout:skills', true), at(clockMs));
    await manager.whenIdle();
    const [room] = world.connected();
    expect(room!.roomName).toBe(SKILLS);
    expect(room!.mute).toEqual({ audioMuted: false, videoMuted: true });
  });
});

test('watching only: moves happen, nothing is published', async () => {
  setLocalMedia({ audio: null, video: null }, 'watch', { audioMuted: true, videoMuted: true });
  await inPlenary();
  applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await manager.whenIdle();
  expect(world.connected().map((r) => [r.roomName, r.published])).toEqual([[TRUST, null]]);
  expect(lwStore.getState().media.moves.at(-1)?.cueToPublishingMs).toBeNull();
});

test('brought on stage: the same room lets us publish without a move', async () => {
  await inPlenary();
  const [plenary] = world.connected();
  plenary!.grant(true);
  await manager.whenIdle();
  expect(world.connected()).toEqual([plenary]);
  expect(plenary!.published?.audio).toBe(mic);
  plenary!.grant(false);
  await manager.whenIdle();
  expect(plenary!.published).toBeNull();
});

test('losing the room rejoins it', async () => {
  await inPlenary();
  world.connected()[0]!.drop('network');
  await manager.whenIdle();
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY]);
  expect(world.rooms).toHaveLength(2);
});

describe('the same room assigned again', () => {
  test('with a healthy connection (a new token): no reconnect', async () => {
    await inPlenary();
    const before = world.log.length;
    applyAssignment({ ...assignment('item:0', 'plenary', false), token: `${assignment('item:0', 'plenary', false).token}` }, at(clockMs));
    await manager.whenIdle();
    expect(world.log.slice(before)).toEqual([]);
    expect(world.rooms).toHaveLength(1);
  });

  test('while the connection is stuck retrying (the server restarted): the stuck one is left first, then we join again at once', async () => {
    await inPlenary();
    const [stuck] = world.connected();
    stuck!.loseConnection();
    const before = world.log.length;
    applyAssignment({ ...assignment('item:0', 'plenary', false) }, at(clockMs));
    await manager.whenIdle();
    expect(world.log.slice(before)).toEqual([`leave ${PLENARY}`, `connect ${PLENARY}`, `connected ${PLENARY}`]);
    expect(world.connected()).toHaveLength(1);
    expect(world.connected()[0]).not.toBe(stuck);
    expect(lwStore.getState().media.connection).toBe('connected');
  });

  test('on another media server URL (LiveKit moved): join there, republishing our tracks', async () => {
    applySnapshot(snapshot(2, running('breakouts', 1, 5_000_000)), at(clockMs));
    applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
    manager.start();
    await manager.whenIdle();
    const before = world.log.length;
    applyAssignment({ ...assignment('item:1', 'breakout:trust', true), livekitUrl: 'ws://127.0.0.1:17880' }, at(clockMs));
    await manager.whenIdle();
    expect(world.log.slice(before)).toEqual([`leave ${TRUST}`, `connect ${TRUST}`, `connected ${TRUST}`, `publish ${TRUST} mic+cam`]);
    expect(world.connected()).toHaveLength(1);
  });
});

test('the end of the event leaves every room', async () => {
  await inPlenary();
  applySnapshot(snapshot(9, { kind: 'ended', endedAt: 5 }), at(clockMs));
  applyAssignment(assignment('ended', null, false), at(clockMs));
  await manager.whenIdle();
  expect(world.connected()).toEqual([]);
  expect(lwStore.getState().media.roomId).toBeNull();
});

test('a prepared assignment for the room we are already in is not prepared again', async () => {
  await inPlenary();
  applyPreparedAssignment(assignment('item:1', 'plenary', false), at(clockMs));
  applySnapshot(snapshot(3, running('plenary', 1, 5_000_000)), at(clockMs));
  await manager.whenIdle();
  expect(world.rooms).toHaveLength(1);
  expect(world.log).toEqual([`connect ${PLENARY}`, `connected ${PLENARY}`]);
});

test('brought on stage: the assignment may come before the media server allows publishing; we wait for it', async () => {
  await inPlenary();
  const [plenary] = world.connected();
  applyAssignment(assignment('item:0', 'plenary', true), at(clockMs));
  await manager.whenIdle();
  expect(plenary!.published).toBeNull();
  plenary!.grant(true);
  await manager.whenIdle();
  expect(plenary!.published?.video).toBe(cam);
  expect(world.rooms).toHaveLength(1);
});

test('taken out of the room by the server: ask for the current assignment and follow it', async () => {
  let refreshes = 0;
  manager = makeManager({ requestFreshAssignment: () => refreshes++ });
  await inPlenary();
  world.connected()[0]!.drop('removed');
  await manager.whenIdle();
  expect(refreshes).toBe(1);
  expect(world.connected()).toEqual([]);
  // The server answers with where we belong now.
  applyAssignment(assignment('item:0', 'plenary', false), at(clockMs));
  await manager.whenIdle();
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY]);
});

test('taken out of the old room while a slow move to the new one is under way: the move finishes, no start-over', async () => {
  let refreshes = 0;
  manager = makeManager({ requestFreshAssignment: () => refreshes++ });
  await inPlenary();
  const slow = world.holdNextConnect(TRUST);
  applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  // The server's ghost sweep removes us from the plenary before the breakout connect completes.
  world.connected().find((r) => r.roomName === PLENARY)!.drop('removed');
  slow.resolve();
  await manager.whenIdle();
  expect(refreshes).toBe(0);
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST]);
  expect(lwStore.getState().media.roomId).toBe('breakout:trust');
});

// Make-before-break moves (issue 14): the next room is joined before the cue, the cue only
// publishes there and leaves the old room; a pre-join that did not work out falls back to a join.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { MoveManager } from './moveManager.js';
import { PREJOIN_ATTEMPTS } from './preJoinedRoom.js';
import { MediaConnectError } from '../media/livekit/connectError.js';
import { applyAssignment, applyPreparedAssignment, applySnapshot, applyWelcome, setLocalMedia } from '../../session/store/actions.js';
import { lwStore, resetStore } from '../../session/store/store.js';
import { FakeMediaWorld, fakeTrack } from '../../testing/fakeMediaRoom.js';
import { assignment, EVENT, running, snapshot, welcome } from '../../testing/fixtures.js';

const PLENARY = `${EVENT.id}--plenary`;
const TRUST = `${EVENT.id}--breakout-trust`;
const GLOBAL = `${EVENT.id}--breakout-global`;
const at = (ms: number) => ({ wallMs: ms, monoMs: ms });

let world: FakeMediaWorld;
let manager: MoveManager;
let clockMs: number;
let refreshes: number;

beforeEach(async () => {
  resetStore();
  world = new FakeMediaWorld();
  clockMs = 1_000;
  refreshes = 0;
  applyWelcome(welcome('attendee'), at(clockMs));
  setLocalMedia({ audio: fakeTrack('audio', 'mic'), video: fakeTrack('video', 'cam') }, 'media', { audioMuted: false, videoMuted: false });
  manager = new MoveManager({
    createRoom: world.createRoom, nowMs: () => clockMs, requestFreshAssignment: () => refreshes++,
    retryPolicy: { nextDelayMs: () => 0, refreshAfterAttempts: 3 }, sleep: async () => {},
  });
  applySnapshot(snapshot(2, running('plenary', 0, 5_000_000)), at(clockMs));
  applyAssignment(assignment('item:0', 'plenary', false), at(clockMs));
  manager.start();
  await manager.whenIdle();
});

afterEach(async () => {
  cleanup();
  await manager.stop();
});

/** Let the background pre-join run (it is not a move: whenIdle does not wait for it). */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

test('the next room is joined before the cue; the cue only publishes there and leaves the old room', async () => {
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await flush();
  // Before the cue: in both rooms, publishing nowhere, and the store still shows the plenary.
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY, TRUST]);
  expect(world.connected().every((r) => r.published === null)).toBe(true);
  expect(world.connected()[1]!.activated).toBe(false);
  expect(lwStore.getState().media.roomId).toBe('plenary');
  const before = world.log.length;

  clockMs = 10_000;
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(clockMs));
  await manager.whenIdle();
  // No join after the cue.
  expect(world.log.slice(before)).toEqual([`publish ${TRUST} mic+cam`, `leave ${PLENARY}`]);
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST]);
  expect(lwStore.getState().media.roomId).toBe('breakout:trust');
  // The room shows only who counts from the new agenda item on (pre-joined people of a later one stay unseen).
  expect(world.connected()[0]!.shownFrom).toBe(1);
  // It receives the room's tracks from the cue on.
  expect(world.connected()[0]!.activated).toBe(true);
});

test('the pre-join is given our camera and microphone to publish with nothing sent where the next room lets us publish, and nothing where it does not', async () => {
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await flush();
  const trust = world.connected().find((r) => r.roomName === TRUST)!;
  expect([trust.sentAhead?.audio?.id, trust.sentAhead?.video?.id]).toEqual(['mic', 'cam']);
  // At the cue the move starts sending those same tracks there (the adapter resumes what it published ahead).
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(clockMs));
  await manager.whenIdle();
  expect(trust.published).toMatchObject({ audio: { id: 'mic' }, video: { id: 'cam' } });

  // Back to the plenary, where attendees only listen: its pre-join publishes nothing.
  applyPreparedAssignment(assignment('item:2', 'plenary', false), at(clockMs));
  await flush();
  const plenary = world.connected().find((r) => r.roomName === PLENARY)!;
  expect(plenary.sentAhead).toBeNull();
});

test('a pre-join still under way at the cue is waited for, not doubled', async () => {
  const slow = world.holdNextConnect(TRUST);
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await flush();
  expect(world.log.at(-1)).toBe(`connect ${TRUST}`);
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(clockMs));
  slow.resolve();
  await manager.whenIdle();
  expect(world.log.filter((l) => l === `connect ${TRUST}`)).toHaveLength(1);
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST]);
});

test('a pre-join waits its turn: until the room we are in has settled, then a random moment; a cue before its turn joins at once', async () => {
  await manager.stop();
  resetStore();
  world = new FakeMediaWorld();
  applyWelcome(welcome('attendee'), at(clockMs));
  setLocalMedia({ audio: fakeTrack('audio', 'mic'), video: fakeTrack('video', 'cam') }, 'media', { audioMuted: false, videoMuted: false });
  const waits: { ms: number; signal: AbortSignal; done: () => void }[] = [];
  manager = new MoveManager({
    createRoom: world.createRoom, nowMs: () => clockMs, preJoinDelayMs: () => 1_234,
    sleep: (ms, signal) => new Promise<void>((resolve) => {
      waits.push({ ms, signal, done: resolve });
      signal.addEventListener('abort', () => resolve(), { once: true });
    }),
  });
  // Joining the plenary is slow; the next room becomes known meanwhile.
  const plenaryJoin = world.holdNextConnect(PLENARY);
  applySnapshot(snapshot(2, running('plenary', 0, 5_000_000)), at(clockMs));
  applyAssignment(assignment('item:0', 'plenary', true), at(clockMs));
  manager.start();
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await flush();
  // Nothing of the next room while the room we are in is still joining.
  expect(world.log).toEqual([`connect ${PLENARY}`]);
  expect(waits).toEqual([]);
  plenaryJoin.resolve();
  await manager.whenIdle();
  await flush();
  // Joined and publishing in the plenary: now the random wait, and still no connection to the next room.
  expect(waits.map((w) => w.ms)).toEqual([1_234]);
  expect(world.log.filter((l) => l.includes(TRUST))).toEqual([]);
  // The cue comes before the wait is over: the wait is called off and the move joins at once, once.
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(clockMs));
  await manager.whenIdle();
  expect(waits[0]!.signal.aborted).toBe(true);
  expect(world.log.filter((l) => l.includes(TRUST))).toEqual([`connect ${TRUST}`, `connected ${TRUST}`, `publish ${TRUST} mic+cam`]);
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST]);
  expect(lwStore.getState().media.moves.at(-1)).toMatchObject({ roomId: 'breakout:trust', preJoined: false });
});

test('a pre-join whose turn came before the cue is what the move uses, and the move says so', async () => {
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await flush();
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(clockMs));
  await manager.whenIdle();
  expect(lwStore.getState().media.moves.at(-1)).toMatchObject({ roomId: 'breakout:trust', preJoined: true });
});

test('a pre-join that failed is tried again on a fresh connection, and the move uses the one that worked', async () => {
  world.failNextConnect(TRUST, new MediaConnectError('unreachable', 'Could not reach the media server.'));
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  for (let i = 0; i < 5; i++) await flush();
  // Two connections to the room were made; the failed one was let go, the second is joined.
  expect(world.rooms.filter((r) => r.roomName === TRUST)).toHaveLength(2);
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY, TRUST]);
  const before = world.log.length;
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(clockMs));
  await manager.whenIdle();
  expect(world.log.slice(before)).toEqual([`publish ${TRUST} mic+cam`, `leave ${PLENARY}`]);
  expect(lwStore.getState().media.moves.at(-1)).toMatchObject({ roomId: 'breakout:trust', preJoined: true });
});

test(`a pre-join that failed ${PREJOIN_ATTEMPTS} times falls back to joining at the cue`, async () => {
  for (let i = 0; i < PREJOIN_ATTEMPTS; i++) world.failNextConnect(TRUST, new MediaConnectError('unreachable', 'Could not reach the media server.'));
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  for (let i = 0; i < 10; i++) await flush();
  expect(world.rooms.filter((r) => r.roomName === TRUST)).toHaveLength(PREJOIN_ATTEMPTS);
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY]);
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(clockMs));
  await manager.whenIdle();
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST]);
  expect(world.connected()[0]!.published).not.toBeNull();
  expect(lwStore.getState().media.move).toEqual({ status: 'idle' });
});

test('a pre-joined room the media server dropped before the cue is joined again at the cue', async () => {
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await flush();
  world.connected().find((r) => r.roomName === TRUST)!.drop('network');
  applySnapshot(snapshot(3, running('breakouts', 1, 9_000_000)), at(clockMs));
  await manager.whenIdle();
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST]);
  expect(world.rooms.filter((r) => r.roomName === TRUST)).toHaveLength(2);
});

test('one pre-joined room per person: a changed plan drops the old pre-join, and so does a next item without a room', async () => {
  applyPreparedAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await flush();
  applyPreparedAssignment(assignment('item:1', 'breakout:global', true), at(clockMs));
  await flush();
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY, GLOBAL]);
  applyPreparedAssignment(assignment('item:1', null, false), at(clockMs));
  await flush();
  expect(world.connected().map((r) => r.roomName)).toEqual([PLENARY]);
});

test('a rejected room pass asks for a fresh assignment at once instead of trying it again', async () => {
  world.failNextConnect(TRUST, new MediaConnectError('token_rejected', 'The media server did not accept the room pass (it may have expired).'));
  applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await manager.whenIdle();
  expect(refreshes).toBe(1);
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST]);
});

test('arriving is announced: page title, an aria-live message with the room\'s name, focus on the room heading', async () => {
  render(<h2 id="room-heading">Breakout 2: Building Trust</h2>);
  applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await manager.whenIdle();
  expect(lwStore.getState().ui.announcements.at(-1)?.text).toBe('You are now in Breakout 2: Building Trust');
  expect(document.title).toContain('Breakout 2: Building Trust');
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  expect(document.activeElement?.id).toBe('room-heading');
});

const speaking = (identity: string) => ({
  identity, name: identity, isSpeaking: false, canPublish: true,
  tracks: [{ key: `${identity}-mic`, kind: 'audio' as const, source: 'microphone' as const, muted: false, attach: () => () => {} }],
});

test('audio continuity: the old room is heard until the new room plays, then fades out, and only then is it left', async () => {
  await manager.stop();
  world = new FakeMediaWorld();
  world.setPeople(PLENARY, [speaking('speaker')]);
  const sleeps: { ms: number; heard: boolean; held: number; fading: boolean; plenaryLeft: boolean }[] = [];
  manager = new MoveManager({
    createRoom: world.createRoom, nowMs: () => clockMs,
    sleep: async (ms, signal) => {
      const { heldAudio } = lwStore.getState().media;
      sleeps.push({ ms, heard: signal.aborted, held: heldAudio.tracks.length, fading: heldAudio.fading, plenaryLeft: world.log.includes(`leave ${PLENARY}`) });
    },
  });
  manager.start();
  await manager.whenIdle();
  world.setPeople(TRUST, [speaking('partner')]);
  applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  await manager.whenIdle();
  // Held while the new room was already heard (no wait), then the fade, the old room still joined throughout.
  expect(sleeps).toEqual([
    { ms: 1_500, heard: true, held: 1, fading: false, plenaryLeft: false },
    { ms: 300, heard: false, held: 1, fading: true, plenaryLeft: false },
  ]);
  expect(lwStore.getState().media.heldAudio).toEqual({ tracks: [], fading: false });
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST]);
});

test('a next assignment that comes during a move, for the room being left, is pre-joined once that room is left', async () => {
  const slow = world.holdNextConnect(TRUST);
  applyAssignment(assignment('item:1', 'breakout:trust', true), at(clockMs));
  // Back to the plenary next: it arrives while we are still in the plenary, moving out.
  applyPreparedAssignment(assignment('item:2', 'plenary', false), at(clockMs));
  slow.resolve();
  await manager.whenIdle();
  await flush();
  expect(world.connected().map((r) => r.roomName)).toEqual([TRUST, PLENARY]);
  expect(lwStore.getState().media.roomId).toBe('breakout:trust');
});

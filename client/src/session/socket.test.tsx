import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { EVENTS, PROTOCOL_VERSION } from '@live-workshop/shared/pure';
import { FakeSocket } from '../testing/fakeSocket.js';
import { FakeMediaWorld } from '../testing/fakeMediaRoom.js';
import { assignment, EVENT, rosterEntry, running, snapshot, welcome } from '../testing/fixtures.js';
import { JoinPage } from '../pages/join/JoinPage.js';
import { LiveRegion } from '../ui/LiveRegion.js';
import { lwStore } from './store/store.js';
import { CREDENTIAL_KEY } from './credential.js';
import { sendChat } from './socket.js';
import { pageCorrelationId } from '../net/correlation.js';

const sockets = vi.hoisted(() => ({ all: [] as unknown[] }));
vi.mock('socket.io-client', () => ({
  io: (_url: string, opts: { auth: unknown }) => {
    const s = new FakeSocket(opts.auth);
    sockets.all.push(s);
    return s;
  },
}));
const lastSocket = () => sockets.all.at(-1) as FakeSocket;

let world: FakeMediaWorld;
beforeEach(() => {
  sockets.all.length = 0;
  localStorage.clear();
  world = new FakeMediaWorld();
});
afterEach(() => cleanup());

function renderJoin() {
  return render(
    <>
      <LiveRegion />
      <JoinPage credential="cred-123" createRoom={world.createRoom} />
    </>,
  );
}

test('connects with the credential and protocol version, and remembers the credential', () => {
  renderJoin();
  expect(lastSocket().auth).toEqual({ credential: 'cred-123', protocolVersion: PROTOCOL_VERSION, correlationId: pageCorrelationId });
  expect(pageCorrelationId).toMatch(/^p-[0-9a-f]{24}$/);
  expect(localStorage.getItem(CREDENTIAL_KEY)).toBe('cred-123');
  expect(screen.getByText('Connecting to the workshop…')).toBeTruthy();
});

test.each([
  ['unauthorized', 'This join link is not valid or has expired.'],
  ['incompatible_protocol', 'This page is out of date for the workshop server. Reload the page'],
  ['forbidden', 'You are not allowed into this event.'],
])('a refused connection (%s) is explained in words', (code, words) => {
  renderJoin();
  act(() => lastSocket().serverSends('connect_error', new Error(code)));
  expect(screen.getByTestId('session-problem').textContent).toContain(words);
});

test('whole journey: welcome, pre-join, plenary, then a cue moves us with a prepared assignment', async () => {
  renderJoin();
  const s = lastSocket();
  act(() => {
    s.serverSends('connect');
    s.serverSends(EVENTS.welcome, welcome('attendee'));
    s.serverSends(EVENTS.agendaChanged, snapshot(4, running('plenary', 0, Date.now() + 600_000), Date.now()));
    s.serverSends(EVENTS.assignmentChanged, assignment('item:0', 'plenary', false));
  });
  expect(screen.getByTestId('phase-title').textContent).toBe('Opening plenary');
  // jsdom has no camera: the pre-join says so and we watch only.
  fireEvent.click(await screen.findByTestId('join-watch-only'));
  await act(async () => {
    await Promise.resolve();
  });
  expect(await screen.findByTestId('stage')).toBeTruthy();
  expect(world.connected().map((r) => r.roomName)).toEqual([`${EVENT.id}--plenary`]);

  await act(async () => {
    s.serverSends(EVENTS.assignmentPrepared, assignment('item:1', 'breakout:trust', true));
    s.serverSends(EVENTS.agendaChanged, snapshot(5, running('breakouts', 1, Date.now() + 600_000), Date.now()));
  });
  expect(screen.getByTestId('room-title').textContent).toContain('Breakout 2: Building Trust');
  await vi.waitFor(() => expect(world.connected().map((r) => r.roomName)).toEqual([`${EVENT.id}--breakout-trust`]));
  await vi.waitFor(() => expect(s.requests.some((r) => r.event === EVENTS.moveReport && (r.payload as { roomId: string }).roomId === 'breakout:trust')).toBe(true));
  // The report carries the page's correlation id, the same as its handshake: the server log joins them.
  expect(s.requests.find((r) => r.event === EVENTS.moveReport)?.payload).toMatchObject({ correlationId: pageCorrelationId });
  expect(window.__lwMoves?.map((m) => m.roomId)).toContain('breakout:trust');
});

// The console chunk loads and renders slowly in jsdom on a busy machine (2 cores shared).
test('a stale command refreshes the state and says so; other refusals are shown in words', { timeout: 45_000 }, async () => {
  renderJoin();
  const s = lastSocket();
  act(() => {
    s.serverSends('connect');
    s.serverSends(EVENTS.welcome, welcome('moderator', 'Anastasia Pouliou', 'anastasia-pouliou'));
    s.serverSends(EVENTS.agendaChanged, snapshot(7, running('plenary', 0, Date.now() + 600_000), Date.now()));
    s.serverSends(EVENTS.assignmentChanged, assignment('item:0', 'plenary', true));
    s.serverSends(EVENTS.rosterChanged, { revision: 1, entries: [rosterEntry({ id: 'a1', name: 'Ann' })] });
  });
  s.answer = (event) =>
    event === EVENTS.agendaCommand
      ? { ok: false, code: 'stale_version', message: 'The agenda has already moved on (now at version 8); look again and retry.' }
      : event === EVENTS.sessionResync
        ? { ok: true, data: { snapshot: snapshot(8, running('plenary', 0, Date.now() + 900_000), Date.now()), current: assignment('item:0', 'plenary', true), prepared: null, chat: [] } }
        : { ok: true, data: {} };
  fireEvent.click(await screen.findByTestId('join-watch-only'));
  // The moderator console is a lazy chunk: its first load in a test transforms all of it, which takes over findBy's default second on a busy machine.
  fireEvent.click(await screen.findByTestId('moderator-next', {}, { timeout: 30_000 }));
  await act(async () => {
    fireEvent.click(screen.getByTestId('moderator-confirm'));
  });
  await vi.waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('The agenda has already moved on (now at version 8)'));
  expect(screen.getByTestId('notice').textContent).toContain('The screen now shows the latest state.');
  expect(s.requests.find((r) => r.event === EVENTS.agendaCommand)?.payload).toEqual({ expectedVersion: 7, action: { type: 'next' } });
  expect(lwStore.getState().agenda.snapshot?.version).toBe(8);

  s.answer = () => ({ ok: false, code: 'not_allowed_now', message: 'The breakout rooms are not open.' });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Extend +5 min' }));
  });
  await vi.waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('The breakout rooms are not open.'));
});

test('after a reconnect the client asks for the whole state again', async () => {
  renderJoin();
  const s = lastSocket();
  act(() => {
    s.serverSends('connect');
    s.serverSends(EVENTS.welcome, welcome('attendee'));
    s.serverSends('disconnect', 'transport close');
  });
  expect(screen.getByTestId('reconnecting')).toBeTruthy();
  s.answer = () => ({ ok: true, data: { snapshot: snapshot(3, { kind: 'lobby', openedAt: 1 }, Date.now()), current: assignment('lobby', 'plenary', false), prepared: null, chat: [] } });
  await act(async () => {
    s.serverSends('connect');
    s.serverSends(EVENTS.welcome, welcome('attendee'));
  });
  expect(s.requests.map((r) => r.event)).toContain(EVENTS.sessionResync);
  await vi.waitFor(() => expect(lwStore.getState().agenda.snapshot?.version).toBe(3));
  expect(screen.queryByTestId('reconnecting')).toBeNull();
});

test('a request the server does not answer in time is our own timeout, not the server\'s internal error', async () => {
  renderJoin();
  const s = lastSocket();
  act(() => s.serverSends('connect'));
  s.answer = () => {
    throw new Error('operation has timed out');
  };
  expect(await sendChat('Hello')).toEqual({ ok: false, code: 'timeout', message: 'The workshop server did not answer in time; try again.' });
});

test('a request while disconnected fails as not connected, without sending', async () => {
  renderJoin();
  const s = lastSocket();
  expect(await sendChat('Hello')).toEqual({ ok: false, code: 'not_connected', message: 'Not connected to the workshop right now; wait for the connection to come back.' });
  expect(s.requests).toEqual([]);
});

test.each(['rate_limited', 'xhr poll error'])('a connect_error the server never refuses with (%s) is a dropped connection that retries, not a refusal', (code) => {
  renderJoin();
  act(() => lastSocket().serverSends('connect_error', new Error(code)));
  expect(lwStore.getState().session.status).not.toBe('refused');
  expect(lastSocket().active).toBe(true);
});

test('a withdrawn join link (revoked) is explained in words', () => {
  renderJoin();
  act(() => lastSocket().serverSends('connect_error', new Error('revoked')));
  expect(screen.getByTestId('session-problem').textContent).toContain('This join link was withdrawn by the organisers.');
});

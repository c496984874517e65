// Captions on the page: off until the viewer turns them on (remembered), final lines and the
// interim one of our room only; the captioner's Enter sends a final line, typing interim text.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { EVENTS } from '@live-workshop/shared/pure';
import type { CaptionLine } from '@live-workshop/shared';
import { applyAssignment, applyWelcome } from '../../session/store/actions.js';
import type { FakeSocket } from '../../testing/fakeSocket.js';
import { assignment, welcome } from '../../testing/fixtures.js';
import { closeLiveSession, openLiveSession } from '../../testing/liveSession.js';
import { CaptionerConsole } from './CaptionerConsole.js';
import { CaptionsPanel } from './CaptionsPanel.js';

vi.mock('socket.io-client', async () => (await import('../../testing/fakeIo.js')).fakeIoModule);

let socket: FakeSocket;
beforeEach(() => {
  localStorage.clear();
  socket = openLiveSession();
  applyAssignment(assignment('item:2', 'plenary', false));
});
afterEach(() => closeLiveSession());

const line = (text: string, over: Partial<CaptionLine> = {}): CaptionLine => ({ roomId: 'plenary', id: 1, text, final: true, source: 'captioner', at: 1, ...over });

test('captions are off until turned on; then our room\'s lines show, another room\'s do not', () => {
  render(<CaptionsPanel />);
  act(() => socket.serverSends(EVENTS.captionAdded, line('Welcome, everyone.')));
  expect(screen.queryByTestId('caption-lines')).toBeNull();
  fireEvent.click(screen.getByTestId('captions-toggle'));
  expect(screen.getByTestId('captions-toggle').getAttribute('aria-pressed')).toBe('true');
  expect(localStorage.getItem('lw.captions')).toBe('on');
  act(() => socket.serverSends(EVENTS.captionAdded, line('Elsewhere.', { roomId: 'breakout:skills', id: 2 })));
  act(() => socket.serverSends(EVENTS.captionAdded, line('Now the next', { id: null, final: false })));
  expect(screen.getAllByTestId('caption-line').map((l) => l.textContent)).toEqual(['Welcome, everyone.']);
  expect(screen.getByTestId('caption-interim').textContent).toBe('Now the next');
  act(() => socket.serverSends(EVENTS.captionAdded, line('Now the next speaker.', { id: 3 })));
  expect(screen.queryByTestId('caption-interim')).toBeNull();
  expect(screen.getByTestId('captions-transcript')).toBeTruthy();
});

test('the captioner types interim text and Enter sends the final line', async () => {
  render(<CaptionerConsole />);
  const input = screen.getByTestId('captioner-input');
  await act(async () => fireEvent.change(input, { target: { value: 'Good morning' } }));
  expect(socket.requests.at(-1)).toEqual({ event: EVENTS.captionSend, payload: { roomId: 'plenary', text: 'Good morning', final: false } });
  await act(async () => fireEvent.change(input, { target: { value: 'Good morning, all. ' } }));
  await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
  expect(socket.requests.at(-1)).toEqual({ event: EVENTS.captionSend, payload: { roomId: 'plenary', text: 'Good morning, all.', final: true } });
  expect((input as HTMLTextAreaElement).value).toBe('');
});

test('interim text typed faster than the interval is throttled, not dropped: the last of it goes out', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  try {
    render(<CaptionerConsole />);
    const input = screen.getByTestId('captioner-input');
    const interims = () => socket.requests.filter((r) => r.event === EVENTS.captionSend).map((r) => (r.payload as { text: string }).text);
    await act(async () => fireEvent.change(input, { target: { value: 'R' } }));
    await act(async () => fireEvent.change(input, { target: { value: 'Refer' } }));
    await act(async () => fireEvent.change(input, { target: { value: 'ReferNet' } }));
    expect(interims()).toEqual(['R']);
    await act(async () => vi.advanceTimersByTimeAsync(1000));
    expect(interims()).toEqual(['R', 'ReferNet']);
  } finally {
    vi.useRealTimers();
  }
});

test('the captioner chooses the breakout to caption; lines go to the room they hear, and none while they hear no room', async () => {
  applyWelcome(welcome('captioner', 'CART writer', 'live-captioner'), { wallMs: Date.now(), monoMs: performance.now() });
  render(<CaptionerConsole />);
  expect(screen.getByTestId('captioner-hearing').textContent).toBe('You hear and caption: Plenary');
  await act(async () => fireEvent.change(screen.getByTestId('captioner-room'), { target: { value: 'trust' } }));
  expect(socket.requests.at(-1)).toMatchObject({ event: EVENTS.agendaCommand, payload: { action: { type: 'captionRoom', breakoutId: 'trust' } } });
  // Until the breakouts run they still hear the stage; then the server assigns the chosen room.
  act(() => applyAssignment(assignment('item:1', 'breakout:trust', false)));
  expect(screen.getByTestId('captioner-hearing').textContent).toBe('You hear and caption: Breakout 2: Building Trust: The Power of Quality Assurance in Microcredentials');
  const input = screen.getByTestId('captioner-input');
  await act(async () => fireEvent.change(input, { target: { value: 'Quality first.' } }));
  await act(async () => fireEvent.keyDown(input, { key: 'Enter' }));
  expect(socket.requests.at(-1)).toEqual({ event: EVENTS.captionSend, payload: { roomId: 'breakout:trust', text: 'Quality first.', final: true } });
  // Back to no breakout during the breakouts: they wait backstage, with nothing to caption.
  await act(async () => fireEvent.change(screen.getByTestId('captioner-room'), { target: { value: '' } }));
  expect(socket.requests.at(-1)).toMatchObject({ event: EVENTS.agendaCommand, payload: { action: { type: 'captionRoom', breakoutId: null } } });
  act(() => applyAssignment(assignment('item:1', 'backstage', false)));
  expect(screen.getByTestId('captioner-hearing').textContent).toBe('The breakouts are running: choose a breakout to caption.');
  expect((screen.getByTestId('captioner-input') as HTMLTextAreaElement).disabled).toBe(true);
});

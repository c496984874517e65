// Reactions on the page: a named button sends one; the room's counts float up (hidden from screen readers) and add up as text.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { EVENTS } from '@live-workshop/shared/pure';
import type { FakeSocket } from '../../testing/fakeSocket.js';
import { closeLiveSession, openLiveSession } from '../../testing/liveSession.js';
import { ReactionBar } from './ReactionBar.js';
import { ReactionFeed } from './ReactionFeed.js';

vi.mock('socket.io-client', async () => (await import('../../testing/fakeIo.js')).fakeIoModule);

let socket: FakeSocket;
beforeEach(() => {
  socket = openLiveSession();
});
afterEach(() => closeLiveSession());

test('each reaction is a button with a name; pressing one sends it', async () => {
  render(<ReactionBar />);
  await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Applause' })));
  expect(socket.requests.at(-1)).toEqual({ event: EVENTS.reactionSend, payload: { reaction: 'clap' } });
  expect(screen.getAllByRole('button')).toHaveLength(6);
});

test('the counts of each interval add up; the floating emojis are hidden from screen readers', () => {
  const { container } = render(<ReactionFeed />);
  act(() => socket.serverSends(EVENTS.reactionsCounted, { roomId: 'plenary', at: 1, intervalMs: 1000, counts: { clap: 40, heart: 2 } }));
  act(() => socket.serverSends(EVENTS.reactionsCounted, { roomId: 'plenary', at: 2, intervalMs: 1000, counts: { clap: 2 } }));
  expect(screen.getByTestId('reaction-total-clap').textContent).toBe('42');
  expect(screen.getByTestId('reaction-total-heart').textContent).toBe('2');
  const floating = container.querySelector('.reaction-float');
  expect(floating?.getAttribute('aria-hidden')).toBe('true');
  expect(floating?.querySelectorAll('.reaction-emoji').length).toBeLessThanOrEqual(6);
});

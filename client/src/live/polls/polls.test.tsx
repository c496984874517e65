// Polls on the page: the opening announced, an answer sent and changed, results shown as text once the moderator shows them.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { EVENTS } from '@live-workshop/shared/pure';
import type { PollView } from '@live-workshop/shared';
import type { FakeSocket } from '../../testing/fakeSocket.js';
import { closeLiveSession, openLiveSession } from '../../testing/liveSession.js';
import { LiveRegion } from '../../ui/LiveRegion.js';
import { LivePolls } from './PollCard.js';

vi.mock('socket.io-client', async () => (await import('../../testing/fakeIo.js')).fakeIoModule);

let socket: FakeSocket;
beforeEach(() => {
  socket = openLiveSession();
});
afterEach(() => closeLiveSession());

const poll = (over: Partial<PollView> = {}): PollView => ({
  id: 'poll-1', definition: { question: 'Which matters most?', kind: 'single', options: ['Quality', 'Portability'] }, audience: { kind: 'everyone' },
  status: 'open', openedAt: 1, closesAt: null, resultsShown: false, results: null, ...over,
});

test('an opening poll is announced; an answer is sent, then changed', async () => {
  render(<><LiveRegion /><LivePolls /></>);
  act(() => socket.serverSends(EVENTS.pollChanged, poll()));
  expect(screen.getByTestId('live-assertive').textContent).toMatch(/^A poll has opened: Which matters most\?/);
  const [, portability] = screen.getAllByTestId('poll-option');
  fireEvent.click(portability!);
  await act(async () => fireEvent.click(screen.getByTestId('poll-submit')));
  expect(socket.requests.at(-1)).toEqual({ event: EVENTS.pollVote, payload: { pollId: 'poll-1', answer: { kind: 'single', choice: 1 } } });
  expect(screen.getByTestId('poll-submit').textContent).toBe('Change my answer');
  fireEvent.click(screen.getAllByTestId('poll-option')[0]!);
  await act(async () => fireEvent.click(screen.getByTestId('poll-submit')));
  expect(socket.requests.at(-1)?.payload).toEqual({ pollId: 'poll-1', answer: { kind: 'single', choice: 0 } });
});

test('results shown by the moderator are read as text: a count per option and the number of answers', () => {
  render(<LivePolls />);
  act(() => socket.serverSends(EVENTS.pollChanged, poll({ status: 'closed', resultsShown: true, results: { voters: 3, counts: [1, 2], words: [] } })));
  expect(screen.getByTestId('poll-results-voters').textContent).toBe('3 answers');
  expect(screen.getAllByTestId('poll-result-row').map((r) => r.textContent)).toEqual(['Quality1 (33 %)', 'Portability2 (67 %)']);
  expect(screen.queryByTestId('poll-submit')).toBeNull();
});

test('a word poll takes a word; a rating poll five ratings', () => {
  render(<LivePolls />);
  act(() => socket.serverSends(EVENTS.pollChanged, poll({ id: 'poll-2', definition: { question: 'Rate', kind: 'rating', options: [] } })));
  expect(screen.getAllByTestId('poll-option')).toHaveLength(5);
  act(() => socket.serverSends(EVENTS.pollChanged, poll({ id: 'poll-3', definition: { question: 'One word', kind: 'word', options: [] } })));
  expect(screen.getByTestId('poll-word')).toBeTruthy();
});

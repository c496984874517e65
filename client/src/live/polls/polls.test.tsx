// Polls on the page: the opening announced, an answer sent and changed, results shown as text once the moderator shows them.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { EVENTS } from '@live-workshop/shared/pure';
import type { PollView } from '@live-workshop/shared';
import type { FakeSocket } from '../../testing/fakeSocket.js';
import { closeLiveSession, openLiveSession } from '../../testing/liveSession.js';
import { LiveRegion } from '../../ui/LiveRegion.js';
import { LivePolls } from './PollCard.js';
import { PollConsole } from './PollConsole.js';
import { BreakoutView } from '../phases/BreakoutView.js';
import { applyAssignment, applyWelcome } from '../../session/store/actions.js';
import { assignment, EVENT, welcome } from '../../testing/fixtures.js';

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

describe('a breakout facilitator runs polls in their room', () => {
  const inBreakout = (role: 'speaker' | 'attendee') => {
    applyWelcome(welcome(role, role === 'speaker' ? 'Research project lead' : 'Ada Attendee', role === 'speaker' ? 'research-lead' : 'p-ada'), { wallMs: Date.now(), monoMs: performance.now() });
    applyAssignment(assignment('item:1', 'breakout:trust', true));
  };

  test('the room view offers a speaker the launcher for this room only; an attendee gets none', () => {
    inBreakout('attendee');
    const { unmount } = render(<BreakoutView />);
    expect(screen.queryByTestId('poll-console')).toBeNull();
    unmount();
    inBreakout('speaker');
    render(<BreakoutView />);
    const launcher = within(screen.getByTestId('poll-console'));
    expect(launcher.getByRole('heading', { name: 'Polls in this room' })).toBeTruthy();
    // No choice of audience: the server accepts a facilitator's poll for their own room only.
    expect(launcher.queryByTestId('poll-audience')).toBeNull();
  });

  test('an ad hoc poll goes to this room; only this room\'s polls are listed, with their live results and controls', async () => {
    inBreakout('speaker');
    render(<PollConsole event={EVENT} room="breakout:trust" />);
    fireEvent.click(screen.getByText('A poll written now'));
    fireEvent.change(screen.getByTestId('poll-adhoc-question'), { target: { value: 'Which example first?' } });
    fireEvent.change(screen.getByTestId('poll-adhoc-options'), { target: { value: 'Ours\nTheirs' } });
    await act(async () => fireEvent.click(screen.getByTestId('poll-adhoc-launch')));
    expect(socket.requests.at(-1)).toEqual({
      event: EVENTS.pollLaunch,
      payload: { poll: { question: 'Which example first?', kind: 'single', options: ['Ours', 'Theirs'] }, audience: { kind: 'room', roomId: 'breakout:trust' }, durationSeconds: null },
    });
    const ours = poll({ id: 'poll-2', definition: { question: 'Which example first?', kind: 'single', options: ['Ours', 'Theirs'] }, audience: { kind: 'room', roomId: 'breakout:trust' }, results: { voters: 1, counts: [0, 1], words: [] } });
    act(() => {
      socket.serverSends(EVENTS.pollTallied, poll({ id: 'poll-1', audience: { kind: 'room', roomId: 'breakout:skills' }, results: { voters: 0, counts: [0, 0], words: [] } }));
      socket.serverSends(EVENTS.pollTallied, ours);
    });
    expect(screen.getAllByTestId('poll-control').map((c) => c.getAttribute('data-poll-id'))).toEqual(['poll-2']);
    expect(screen.getByTestId('poll-live-results-voters').textContent).toBe('1 answer');
    await act(async () => fireEvent.click(screen.getByTestId('poll-show-results')));
    expect(socket.requests.at(-1)).toEqual({ event: EVENTS.pollControl, payload: { pollId: 'poll-2', action: { type: 'showResults', shown: true } } });
    await act(async () => fireEvent.click(screen.getByTestId('poll-close')));
    expect(socket.requests.at(-1)).toEqual({ event: EVENTS.pollControl, payload: { pollId: 'poll-2', action: { type: 'close' } } });
  });
});

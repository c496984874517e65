// The audience's questions on the page: the board from the server, upvoting once, the pinned
// question shown and announced, the speaker's queue, and question text rendered as text.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { EVENTS } from '@live-workshop/shared/pure';
import type { QuestionBoardView } from '@live-workshop/shared';
import type { FakeSocket } from '../../testing/fakeSocket.js';
import { closeLiveSession, openLiveSession } from '../../testing/liveSession.js';
import { LiveRegion } from '../../ui/LiveRegion.js';
import { PinnedQuestion } from './PinnedQuestion.js';
import { QuestionsPanel } from './QuestionsPanel.js';
import { SpeakerQuestions } from './SpeakerQuestions.js';

vi.mock('socket.io-client', async () => (await import('../../testing/fakeIo.js')).fakeIoModule);

let socket: FakeSocket;
beforeEach(() => {
  socket = openLiveSession();
});
afterEach(() => closeLiveSession());

const board = (over: Partial<QuestionBoardView> = {}): QuestionBoardView => ({
  revision: 1, moderation: 'immediate', pinned: null,
  questions: [
    { id: 1, text: 'Fewer votes', author: 'Ada', askedAt: 30, votes: 1, answered: false },
    { id: 2, text: 'More votes', author: null, askedAt: 20, votes: 4, answered: false },
  ],
  ...over,
});

test('the list comes sorted by votes, or newest first; an upvote is sent once and the button says so', async () => {
  render(<QuestionsPanel />);
  act(() => socket.serverSends(EVENTS.questionsChanged, board()));
  const texts = () => within(screen.getByTestId('question-list')).getAllByTestId('question').map((li) => li.querySelector('.question-text')?.textContent);
  expect(texts()).toEqual(['More votes', 'Fewer votes']);
  fireEvent.click(screen.getByTestId('question-order-time'));
  expect(texts()).toEqual(['Fewer votes', 'More votes']);
  fireEvent.click(screen.getByTestId('question-order-votes'));
  const authors = within(screen.getByTestId('question-list')).getAllByTestId('question').map((li) => li.querySelector('.hint')?.textContent);
  expect(authors).toEqual(['4 votes · Anonymous', '1 vote · Ada']);

  const [first] = screen.getAllByTestId('question-upvote');
  await act(async () => fireEvent.click(first!));
  expect(socket.requests.at(-1)).toEqual({ event: EVENTS.questionUpvote, payload: { questionId: 2 } });
  expect(screen.getAllByTestId('question-upvote')[0]).toHaveProperty('disabled', true);
  expect(screen.getAllByTestId('question-upvote')[0]!.getAttribute('aria-pressed')).toBe('true');
});

test('asking sends the text and the anonymity; a pending question says it waits for approval', async () => {
  socket.answer = () => ({ ok: true, data: { id: 7, status: 'pending' } });
  render(<QuestionsPanel />);
  fireEvent.change(screen.getByTestId('question-input'), { target: { value: '  Portable?  ' } });
  fireEvent.click(screen.getByTestId('question-anonymous'));
  await act(async () => fireEvent.click(screen.getByTestId('question-ask')));
  expect(socket.requests.at(-1)).toEqual({ event: EVENTS.questionAsk, payload: { text: 'Portable?', anonymous: true } });
  expect(screen.getByTestId('question-message').textContent).toMatch(/once a moderator has approved it/);
});

test('a refusal is shown in words', async () => {
  socket.answer = () => ({ ok: false, code: 'rate_limited', message: 'Please wait a minute.' });
  render(<QuestionsPanel />);
  fireEvent.change(screen.getByTestId('question-input'), { target: { value: 'Again?' } });
  await act(async () => fireEvent.click(screen.getByTestId('question-ask')));
  expect(screen.getByRole('alert').textContent).toContain('Please wait a minute.');
});

test('a newly pinned question is shown above the stage and announced once; the speaker sees it marked', () => {
  render(<><LiveRegion /><PinnedQuestion /><SpeakerQuestions /></>);
  expect(screen.queryByTestId('pinned-question')).toBeNull();
  const pinned = board().questions[1]!;
  act(() => socket.serverSends(EVENTS.questionsChanged, board({ pinned })));
  expect(screen.getByTestId('pinned-question-text').textContent).toBe('More votes');
  expect(screen.getByTestId('live-polite').textContent).toMatch(/^Question being answered now: More votes/);
  expect(screen.getByTestId('speaker-pinned').textContent).toContain('More votes');
  const announced = screen.getByTestId('live-polite').textContent;
  act(() => socket.serverSends(EVENTS.questionsChanged, board({ pinned: { ...pinned, votes: 5 }, revision: 2 })));
  expect(screen.getByTestId('live-polite').textContent).toBe(announced);
});

test('question text with markup is rendered as text', () => {
  const payload = '<img src=x onerror="window.__qa=1">';
  const { container } = render(<><PinnedQuestion /><QuestionsPanel /></>);
  const q = { id: 3, text: payload, author: payload, askedAt: 1, votes: 0, answered: false };
  act(() => socket.serverSends(EVENTS.questionsChanged, board({ questions: [q], pinned: q })));
  expect(container.querySelectorAll('img')).toHaveLength(0);
  expect(screen.getAllByText(payload, { exact: false }).length).toBeGreaterThanOrEqual(2);
});

test('new vote counts alone re-sort the list and update the pinned question; an older count changes nothing', () => {
  render(<><PinnedQuestion /><QuestionsPanel /></>);
  act(() => socket.serverSends(EVENTS.questionsChanged, board({ revision: 5, pinned: { id: 1, text: 'Fewer votes', author: 'Ada', askedAt: 30, votes: 1, answered: false } })));
  const hints = () => within(screen.getByTestId('question-list')).getAllByTestId('question').map((li) => li.querySelector('.hint')?.textContent);
  act(() => socket.serverSends(EVENTS.questionsCounted, { revision: 9, votes: [{ id: 1, votes: 7 }] }));
  expect(hints()).toEqual(['7 votes · Ada · being answered now', '4 votes · Anonymous']);
  expect(within(screen.getByTestId('pinned-question')).getByText('Ada · 7 votes')).toBeTruthy();
  act(() => socket.serverSends(EVENTS.questionsCounted, { revision: 8, votes: [{ id: 1, votes: 2 }] }));
  expect(hints()).toEqual(['7 votes · Ada · being answered now', '4 votes · Anonymous']);
});

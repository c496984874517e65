import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { EventConfig, RosterEntry, RosterView } from '@live-workshop/shared';
import { EVENT } from '../testing/fixtures.js';
import type { PendingConfirm } from './ConfirmPanel.js';

const sent: unknown[] = [];
vi.mock('../session/socket.js', () => ({
  sendCommand: async (action: unknown) => {
    sent.push(action);
    return { ok: true, data: null };
  },
}));
const { AssignmentBoard } = await import('./PeoplePanel.js');

afterEach(() => {
  cleanup();
  sent.length = 0;
});

// Trust holds two places and both are taken.
const event: EventConfig = { ...EVENT, breakouts: EVENT.breakouts.map((b) => (b.id === 'trust' ? { ...b, capacity: 2 } : b)) };
const entry = (id: string, breakoutId: string): RosterEntry => ({
  id, name: `Person ${id}`, role: 'attendee', breakoutId, preferences: [], onStage: false, handRaised: false, plannedRoom: null, presentIn: [], connected: true, move: null,
});
const roster: RosterView = { revision: 1, entries: [entry('a', 'trust'), entry('b', 'trust'), entry('c', 'skills')] };

function board() {
  const asked: PendingConfirm[] = [];
  render(<AssignmentBoard event={event} roster={roster} ask={(p) => asked.push(p)} />);
  return asked;
}

test('each room in the choice shows its places taken, and a full room says so', () => {
  board();
  const options = [...screen.getByLabelText('Breakout room for Person c').querySelectorAll('option')].map((o) => o.textContent);
  expect(options).toContain('2: Building Trust (2/2, full)');
  expect(options).toContain('1: Shaping Skills for Tomorrow (1/150)');
});

test('moving someone into a full room asks first, and sends the override only when confirmed', async () => {
  const asked = board();
  fireEvent.change(screen.getByLabelText('Breakout room for Person c'), { target: { value: 'trust' } });
  expect(sent).toStrictEqual([]);
  expect(asked).toHaveLength(1);
  expect(asked[0]!.text).toContain('2 of 2 places taken');
  await asked[0]!.run();
  expect(sent).toStrictEqual([{ type: 'reassign', participantId: 'c', breakoutId: 'trust', overCapacity: true }]);
});

test('a room with space takes the person at once', async () => {
  const asked = board();
  fireEvent.change(screen.getByLabelText('Breakout room for Person a'), { target: { value: 'global' } });
  await Promise.resolve();
  expect(asked).toStrictEqual([]);
  expect(sent).toStrictEqual([{ type: 'reassign', participantId: 'a', breakoutId: 'global' }]);
});

// Two rounds: the event's rooms, then a round with its own two rooms (one of one place, taken).
const twoRounds: EventConfig = {
  ...event,
  agenda: [
    ...event.agenda,
    { id: 'round-2', kind: 'breakouts', title: 'Round 2', start: '12:50', durationMinutes: 10, description: '', staffPlacement: 'backstage', rooms: [
      { id: 'small', title: 'Small table', topic: '', capacity: 1 }, { id: 'large', title: 'Large table', topic: '', capacity: 5 },
    ] },
  ],
};
const withRound2 = (id: string, round1: string, round2: string): RosterEntry => ({ ...entry(id, round1), rounds: { 'round-2': round2 } });
const rounds: RosterView = { revision: 1, entries: [withRound2('a', 'trust', 'small'), withRound2('c', 'skills', 'large')] };

test('with two rounds, the board shows the chosen round: its rooms, counts and each person\'s room in it', async () => {
  render(<AssignmentBoard event={twoRounds} roster={rounds} ask={() => undefined} />);
  fireEvent.change(screen.getByTestId('assignment-round'), { target: { value: 'round-2' } });
  expect(screen.getByTestId('assignment-capacity').textContent).toBe('Breakout 1: 1 / 1Breakout 2: 1 / 5');
  const choice = screen.getByLabelText('Breakout room for Person c') as HTMLSelectElement;
  expect(choice.value).toBe('large');
  expect([...choice.querySelectorAll('option')].map((o) => o.textContent)).toStrictEqual(['1: Small table (1/1, full)', '2: Large table (1/5)']);
  fireEvent.change(screen.getByLabelText('Breakout room for Person a'), { target: { value: 'large' } });
  await Promise.resolve();
  expect(sent).toStrictEqual([{ type: 'reassign', participantId: 'a', breakoutId: 'large' }]);
});

test('each round shows the preferences given for that round, and who picked their room themselves', () => {
  const roster: RosterView = { revision: 1, entries: [
    { ...entry('a', 'trust'), preferences: ['trust', 'global'], rounds: { 'round-2': 'small' }, roundPreferences: { 'round-2': ['large', 'small'] }, picked: ['round-2'] },
    { ...entry('c', 'skills'), preferences: ['skills'], rounds: { 'round-2': 'large' } },
  ] };
  render(<AssignmentBoard event={twoRounds} roster={roster} ask={() => undefined} />);
  const choicesOf = (name: string) => screen.getByRole('row', { name: new RegExp(`^Person ${name}`) }).querySelectorAll('td')[0]!.textContent;
  fireEvent.change(screen.getByTestId('assignment-round'), { target: { value: '@event' } });
  expect(choicesOf('a')).toBe('2, 3');
  fireEvent.change(screen.getByTestId('assignment-round'), { target: { value: 'round-2' } });
  expect(choicesOf('a')).toBe('2, 1 picked');
  expect(choicesOf('c')).toBe('—');
});

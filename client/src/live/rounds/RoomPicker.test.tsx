import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { EventConfig, Phase, PickBoard } from '@live-workshop/shared';
import { applySnapshot, applyWelcome } from '../../session/store/actions.js';
import { applyPickBoard } from '../../session/store/picksActions.js';
import { resetStore } from '../../session/store/store.js';
import { EVENT, snapshot, welcome } from '../../testing/fixtures.js';
import { RoomPicker } from './RoomPicker.js';

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });

/** The fixture event with a self-select round after its first item. */
const FORUM: EventConfig = {
  ...EVENT,
  agenda: [
    EVENT.agenda[0]!,
    { id: 'round-2', kind: 'breakouts', title: 'Round 2', start: '10:15', durationMinutes: 30, description: '', staffPlacement: 'backstage', select: 'self', rooms: [
      { id: 'quality', title: 'Quality assurance', topic: '', capacity: 2 },
      { id: 'funding', title: 'Funding', topic: '', capacity: 3 },
    ] },
    ...EVENT.agenda.slice(2),
  ],
};
const during = (itemIndex: number): Phase => ({ kind: FORUM.agenda[itemIndex]!.kind, itemIndex, startedAt: 0, timer: { status: 'running', endsAt: 10 ** 13 } } as Phase);
const board = (quality: number, yours?: string | null): PickBoard => ({
  roundKey: 'round-2', title: 'Round 2',
  rooms: [{ id: 'quality', title: 'Quality assurance', topic: '', capacity: 2, picked: quality }, { id: 'funding', title: 'Funding', topic: '', capacity: 3, picked: 0 }],
  ...(yours !== undefined ? { yours } : {}),
});

function pickerAt(role: 'attendee' | 'moderator', phase: Phase) {
  applyWelcome({ ...welcome(role), event: FORUM }, now());
  applySnapshot({ ...snapshot(5, phase, Date.now()), eventId: FORUM.id }, now());
  render(<RoomPicker />);
}

beforeEach(() => resetStore());
afterEach(() => cleanup());

test('during the item before a self-select round: a radio group with live counts; a full room is closed', () => {
  pickerAt('attendee', during(0));
  expect(screen.getByRole('group', { name: 'Pick your room for Round 2' })).toBeTruthy();
  expect(screen.getByTestId('pick-count-quality').textContent).toBe('(0 of 2)');
  applyPickBoard(board(2));
  return Promise.resolve().then(() => {
    expect(screen.getByTestId('pick-count-quality').textContent).toBe('(2 of 2, full)');
    expect((screen.getByRole('radio', { name: /Quality assurance/ }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('radio', { name: /Funding/ }) as HTMLInputElement).disabled).toBe(false);
  });
});

test('your own pick stays checked and open even when the room is full', async () => {
  pickerAt('attendee', during(0));
  applyPickBoard(board(2, 'quality'));
  await Promise.resolve();
  const mine = screen.getByRole('radio', { name: /Quality assurance/ }) as HTMLInputElement;
  expect([mine.checked, mine.disabled]).toStrictEqual([true, false]);
  // A board to everyone (without `yours`) keeps what we picked.
  applyPickBoard(board(2));
  await Promise.resolve();
  expect((screen.getByRole('radio', { name: /Quality assurance/ }) as HTMLInputElement).checked).toBe(true);
});

test.each([
  ['an attendee during the round itself', 'attendee', 1],
  ['an attendee after the round', 'attendee', 2],
  ['a moderator', 'moderator', 0],
] as const)('no picker for %s', (_name, role, itemIndex) => {
  pickerAt(role, during(itemIndex));
  expect(screen.queryByTestId('room-picker')).toBeNull();
});

import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { ActionLogLine } from '@live-workshop/shared';
import { addActionLogLines } from '../session/store/actions.js';
import { resetStore } from '../session/store/store.js';
import { EVENT } from '../testing/fixtures.js';
import { ActionLogPanel } from './ActionLogPanel.js';

// 2025-10-23 08:30 UTC: 10:30 in Brussels, the seed event's zone.
const AT = Date.UTC(2025, 9, 23, 8, 30);
const line = (over: Partial<ActionLogLine> & Pick<ActionLogLine, 'action'>): ActionLogLine => ({
  version: 3, at: AT, by: { kind: 'person', id: 'm1' }, itemIndex: 0, byName: 'Anastasia Pouliou', participantName: null, ...over,
});

beforeEach(() => resetStore());
afterEach(() => cleanup());

test('lists what each moderator, the autopilot and the timer did, newest first, in the event\'s time', () => {
  addActionLogLines([
    line({ action: { type: 'start' } }),
    line({ at: AT + 60_000, byName: 'Iraklis Pliakis', action: { type: 'reassign', participantId: 'p1', breakoutId: 'global' }, participantName: 'Ann' }),
    line({ at: AT + 120_000, by: { kind: 'agent', agent: 'autopilot' }, byName: null, itemIndex: 1, action: { type: 'next' } }),
    line({ at: AT + 180_000, by: { kind: 'deadline' }, byName: null, itemIndex: 2, action: { type: 'deadlineReached', deadline: 'itemEnd' } }),
    line({ at: AT + 240_000, action: { type: 'remove', participantId: 'gone' } }),
  ]);
  render(<ActionLogPanel event={EVENT} />);
  const items = within(screen.getByTestId('action-log')).getAllByRole('listitem').map((li) => li.textContent);
  expect(items).toEqual([
    '10:34 Anastasia Pouliou removed someone no longer here from the event',
    `10:33 Timer time was up; now ${EVENT.agenda[2]!.title}`,
    `10:32 Autopilot moved on to ${EVENT.agenda[1]!.title}`,
    '10:31 Iraklis Pliakis moved Ann to Breakout 3: Global Credentials',
    `10:30 Anastasia Pouliou started the event: ${EVENT.agenda[0]!.title}`,
  ]);
});

test('a reconnect that sends the latest lines again adds nothing twice', () => {
  const first = [line({ action: { type: 'openDoors' }, itemIndex: null }), line({ at: AT + 1, action: { type: 'start' } })];
  addActionLogLines(first);
  addActionLogLines([...first, line({ at: AT + 2, action: { type: 'broadcast', text: 'Back in 5' } })]);
  render(<ActionLogPanel event={EVENT} />);
  expect(within(screen.getByTestId('action-log')).getAllByRole('listitem')).toHaveLength(3);
  expect(screen.getByText(/sent to all rooms: “Back in 5”/)).toBeTruthy();
});

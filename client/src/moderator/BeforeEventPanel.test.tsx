import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { EVENT } from '../testing/fixtures.js';
import { withQueries } from '../testing/queries.js';
import { BeforeEventPanel } from './BeforeEventPanel.js';

let authorizations: (string | null)[];

beforeEach(() => {
  authorizations = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    authorizations.push(new Headers(init?.headers).get('authorization'));
    if (url !== '/api/moderator/preferences') return new Response('{}', { status: 404 });
    return Response.json({
      attendees: 412,
      withoutPreference: 3,
      unassigned: 7,
      breakouts: [
        { id: 'skills', title: EVENT.breakouts[0]!.title, capacity: 150, facilitator: 'Maite Santos', firstChoice: 171, secondChoice: 40, assigned: 150 },
        { id: 'trust', title: EVENT.breakouts[1]!.title, capacity: 150, facilitator: null, firstChoice: 90, secondChoice: 120, assigned: 101 },
        { id: 'global', title: EVENT.breakouts[2]!.title, capacity: 150, facilitator: null, firstChoice: 80, secondChoice: 99, assigned: 80 },
        { id: 'uncharted', title: EVENT.breakouts[3]!.title, capacity: 150, facilitator: null, firstChoice: 68, secondChoice: 150, assigned: 74 },
      ],
    });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

/** The cells of a row as a moderator reads them. */
function rowOf(name: RegExp): string[] {
  const row = screen.getByRole('row', { name });
  return [...within(row).getAllByRole('rowheader'), ...within(row).getAllByRole('cell')].map((c) => c.textContent ?? '');
}

test('the preference counts per breakout: first and second choices, placed against capacity; oversubscription is marked', async () => {
  render(withQueries(<BeforeEventPanel credential="cred-mod" event={EVENT} rosterRevision={1} />));
  const table = await screen.findByRole('table', { name: 'Breakout preferences and places' });
  expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Breakout', '1st choice', '2nd choice', 'Placed / capacity']);
  expect(rowOf(/Shaping Skills for Tomorrow/)).toEqual(['1. Shaping Skills for Tomorrow · Maite Santos', '171 (more than its capacity)', '40', '150 / 150']);
  expect(rowOf(/Building Trust/)).toEqual(['2. Building Trust', '90', '120', '101 / 150']);
  expect(rowOf(/Uncharted Microcredentials/)).toEqual(['4. Uncharted Microcredentials', '68', '150', '74 / 150']);
  expect(screen.getByTestId('preference-summary').textContent).toBe('412 registered · 3 without a preference · 7 not placed yet');
  expect(screen.getByText(/More first choices than places/)).toBeTruthy();
  expect(screen.getByRole('link', { name: 'Auto-balance under Breakout assignments' }).getAttribute('href')).toBe('#assign-heading');
  expect(authorizations).toEqual(['Bearer cred-mod']);
});

test('after two roster changes, a slow answer for the older revision never replaces the newer counts', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  let releaseFirst: () => void = () => undefined;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  let reads = 0;
  const counts = (attendees: number) => Response.json({ attendees, withoutPreference: 0, unassigned: 0, breakouts: [] });
  vi.stubGlobal('fetch', async () => {
    reads += 1;
    if (reads === 1) {
      await firstHeld;
      return counts(1);
    }
    return counts(2);
  });
  const panel = (revision: number) => withQueries(<BeforeEventPanel credential="cred-mod" event={EVENT} rosterRevision={revision} />);
  const { rerender } = render(panel(1));
  await act(() => vi.advanceTimersByTimeAsync(0));
  expect(reads).toBe(1);
  rerender(panel(2));
  // Counts are read at most every 5 s: the second read goes out once that has passed.
  await act(() => vi.advanceTimersByTimeAsync(5_000));
  expect(reads).toBe(2);
  await act(() => vi.runOnlyPendingTimersAsync());
  expect(screen.getByTestId('preference-summary').textContent).toMatch(/^2 registered/);
  releaseFirst();
  await act(() => vi.runAllTimersAsync());
  expect(screen.getByTestId('preference-summary').textContent).toMatch(/^2 registered/);
});

test('two rounds: one table per round, captioned with the round; a self-select round says how it fills', async () => {
  const room = (id: string, firstChoice: number, assigned: number, capacity: number) => ({ id, title: id, capacity, facilitator: null, firstChoice, secondChoice: 0, assigned });
  const round1 = { key: 'round-1', title: 'Round 1: sector tables', select: 'assigned', askPreferences: true, attendees: 60, withoutPreference: 0, unassigned: 0, breakouts: [room('tourism', 30, 5, 5), room('health', 10, 8, 8)] };
  const round2 = { key: 'round-2', title: 'Round 2: open tables', select: 'self', askPreferences: false, attendees: 60, withoutPreference: 60, unassigned: 60, breakouts: [room('quality', 0, 0, 20)] };
  vi.stubGlobal('fetch', async () => Response.json({ ...round1, rounds: [round1, round2] }));
  render(withQueries(<BeforeEventPanel credential="cred-mod" event={EVENT} rosterRevision={1} />));
  const first = await screen.findByRole('table', { name: 'Breakout preferences and places: Round 1: sector tables' });
  expect(within(first).getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['1. tourism30 (more than its capacity)05 / 5', '2. health10 (more than its capacity)08 / 8']);
  const second = screen.getByRole('table', { name: 'Breakout preferences and places: Round 2: open tables' });
  expect(within(second).getAllByRole('row')).toHaveLength(2);
  expect(screen.getByText(/^Self-select: attendees pick a room during the item before this round/)).toBeTruthy();
  expect(screen.getByText('Registration asks no preferences for this round.')).toBeTruthy();
  expect(screen.queryByRole('table', { name: 'Breakout preferences and places' })).toBeNull();
  // A round with its own rooms is re-planned until it starts (not until the doors open), and the console says so.
  expect(screen.getByTestId('plan-fixed-round-1').textContent).toBe('Until “Round 1: sector tables” starts, each registration may place everyone in it again; its plan is fixed when it starts, and from then on nobody is moved unless you move them.');
  expect(screen.queryByTestId('plan-fixed-round-2')).toBeNull();
});

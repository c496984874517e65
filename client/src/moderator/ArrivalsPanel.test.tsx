import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { phaseKey, STRAGGLER_AFTER_MS } from '@live-workshop/shared/pure';
import { applyRoster, applySnapshot } from '../session/store/actions.js';
import { lwStore, resetStore } from '../session/store/store.js';
import { EVENT, rosterEntry, running, snapshot } from '../testing/fixtures.js';
import { ArrivalsPanel } from './ArrivalsPanel.js';

const CUE_AT = 1_000_000;
const phase = running('breakouts', 1, CUE_AT + 60 * 60_000, CUE_AT);
const key = phaseKey(phase);
const report = (stage: 'delivered' | 'connected' | 'failed') => ({ phaseKey: key, roomId: 'breakout:trust' as const, stage, at: CUE_AT + 100 });

beforeEach(() => {
  resetStore();
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] });
  vi.setSystemTime(CUE_AT + 1_000);
  applySnapshot(snapshot(7, phase, CUE_AT + 1_000), { wallMs: Date.now(), monoMs: 0 });
  applyRoster({
    revision: 1,
    entries: [
      rosterEntry({ id: 'a1', name: 'Ann', plannedRoom: 'breakout:trust', presentIn: ['breakout:trust'] }),
      rosterEntry({ id: 'a2', name: 'Ben', plannedRoom: 'breakout:trust', presentIn: ['plenary'], move: report('delivered') }),
      rosterEntry({ id: 'a3', name: 'Cem', plannedRoom: 'breakout:trust', presentIn: ['plenary'] }),
      rosterEntry({ id: 'a4', name: 'Dee', plannedRoom: 'breakout:trust', presentIn: [], move: report('failed') }),
      rosterEntry({ id: 'a5', name: 'Eve', plannedRoom: 'breakout:trust', presentIn: [], connected: false }),
      rosterEntry({ id: 'm1', name: 'Mo', role: 'moderator', plannedRoom: 'backstage', presentIn: [] }),
    ],
  });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

test('counts each stage at once, and names the people not arrived only after a few seconds', () => {
  render(<ArrivalsPanel event={EVENT} roster={lwRoster()} />);
  expect(screen.getByTestId('arrivals-summary').textContent).toBe('1 of 4 in their room · 1 on the way · 1 not reached yet · 1 could not connect');
  expect(screen.queryByTestId('stragglers')).toBeNull();

  act(() => vi.advanceTimersByTime(STRAGGLER_AFTER_MS));
  const items = screen.getAllByRole('listitem').map((li) => li.textContent);
  expect(items).toEqual([
    'Dee, for Breakout 2: Building Trust: could not connect, trying again',
    'Cem, for Breakout 2: Building Trust: has not received the cue',
    'Ben, for Breakout 2: Building Trust: received the cue, connecting',
  ]);
  // Said to screen readers too, and the panel stands out.
  expect(screen.getByRole('status').textContent).toContain('Not arrived after 5 seconds: 3');
  expect(screen.getByTestId('arrivals').className).toContain('panel-alert');
});

test('says when everyone online has arrived', () => {
  applyRoster({ revision: 2, entries: [rosterEntry({ id: 'a1', name: 'Ann', plannedRoom: 'breakout:trust', presentIn: ['breakout:trust'] })] });
  render(<ArrivalsPanel event={EVENT} roster={lwRoster()} />);
  act(() => vi.advanceTimersByTime(STRAGGLER_AFTER_MS));
  expect(screen.getByTestId('arrivals-summary').textContent).toBe('1 of 1 in their room');
  expect(screen.getByRole('status').textContent).toBe('Everyone online is in their room.');
  expect(screen.queryByTestId('stragglers')).toBeNull();
});

/** The roster as the console passes it (from the store). */
const lwRoster = () => lwStore.getState().roster.view;

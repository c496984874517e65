import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { EventConfig, Phase } from '@live-workshop/shared';
import { planRehearsal, zonedInstant } from '@live-workshop/shared/pure';
import { applySnapshot, applyWelcome } from '../../session/store/actions.js';
import { resetStore } from '../../session/store/store.js';
import { EVENT, snapshot, welcome } from '../../testing/fixtures.js';
import { Lobby } from './Lobby.js';

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });
const brussels = (date: string, time: string) => zonedInstant(date, time, 'Europe/Brussels');
const SCHEDULED: Phase = { kind: 'scheduled' };
const DEC_1_1403 = brussels('2026-12-01', '14:03');

/** The lobby as an attendee sees it when the server's clock says serverTime. */
function lobbyAt(event: EventConfig, phase: Phase, serverTime: number) {
  applyWelcome({ ...welcome('attendee'), event }, now());
  applySnapshot({ ...snapshot(5, phase, serverTime), eventId: event.id }, now());
  render(<Lobby />);
}
const heading = () => screen.getByRole('heading', { level: 2 }).textContent;

beforeEach(() => resetStore());
afterEach(() => cleanup());

test('before the event: the doors open soon, with the countdown', () => {
  lobbyAt(EVENT, SCHEDULED, brussels('2025-10-23', '08:30'));
  expect(heading()).toBe('The doors open soon');
  expect(screen.getByTestId('lobby-countdown').textContent).toMatch(/^1:00:\d\d$/);
  expect(screen.queryByTestId('event-occasion')).toBeNull();
});

test('a past event that never started is over: no "doors open soon", no countdown, when it took place', () => {
  lobbyAt(EVENT, SCHEDULED, DEC_1_1403);
  expect(heading()).toBe('This workshop is over');
  expect(screen.getByTestId('event-occasion').textContent).toMatch(/^This workshop took place on Thursday,? 23 October 2025, 09:30–13:00 CEST/);
  expect(screen.queryByTestId('lobby-countdown')).toBeNull();
  expect(screen.queryByText('What happens next')).toBeNull();
});

test.each([
  ['before the doors open', SCHEDULED, 'Rehearsal: the doors open soon'],
  ['with the doors open', { kind: 'lobby', openedAt: DEC_1_1403 } as Phase, 'Rehearsal: welcome to the lobby'],
])('a rehearsal %s says so, with the original date and its own start', (_name, phase, title) => {
  lobbyAt(planRehearsal(EVENT, DEC_1_1403), phase, DEC_1_1403);
  expect(heading()).toBe(title);
  const occasion = screen.getByTestId('event-occasion').textContent;
  expect(occasion).toMatch(/Rehearsal\s*This workshop took place on Thursday,? 23 October 2025, 09:30–13:00 CEST/);
  expect(occasion).toMatch(/This is a rehearsal, starting today at 14:15 CET/);
  expect(screen.getByTestId('lobby-countdown').textContent).toMatch(/^1[12]:\d\d$/);
});

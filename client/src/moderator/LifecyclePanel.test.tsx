// The console's "cancel or move the event": what is sent, the confirmation a cancellation asks for,
// how many people are told, the server's field problems shown at the field.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { EventLifecycle, Phase } from '@live-workshop/shared';
import { QueryProvider } from '../net/queryClient.js';
import { EVENT } from '../testing/fixtures.js';
import { LifecyclePanel } from './LifecyclePanel.js';

let posted: { url: string; body: unknown }[];
let lifecycleNow: EventLifecycle | null;
let answer: { status: number; body: unknown };
beforeEach(() => {
  posted = [];
  lifecycleNow = null;
  answer = { status: 200, body: { lifecycle: { status: 'cancelled', at: 1, sequence: 1, note: '' }, mailing: 42 } };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url === '/api/event') return json(200, { event: EVENT, serverTime: 1, registrationClosed: null, registrationFull: false, lifecycle: lifecycleNow });
    posted.push({ url, body: JSON.parse(String(init?.body)) });
    return json(answer.status, answer.body);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const scheduled: Phase = { kind: 'scheduled' };
const panel = (phase: Phase = scheduled) => render(<QueryProvider><LifecyclePanel credential="c" event={EVENT} phase={phase} /></QueryProvider>);

test('a cancellation asks first, then is sent with the note; the panel says how many people are told', async () => {
  panel();
  fireEvent.change(screen.getByLabelText('A word to the registered people (optional)'), { target: { value: 'Sorry for the trouble.' } });
  fireEvent.click(screen.getByTestId('lifecycle-cancel'));
  expect(posted).toEqual([]);
  expect(screen.getByRole('alertdialog').textContent).toContain('Cancel the event for everyone and mail every registered person?');
  lifecycleNow = { status: 'cancelled', at: 1, sequence: 1, note: 'Sorry for the trouble.' };
  await act(async () => fireEvent.click(screen.getByTestId('lifecycle-cancel-confirm')));
  expect(posted).toEqual([{ url: '/api/moderator/event/lifecycle', body: { action: 'cancel', note: 'Sorry for the trouble.' } }]);
  expect((await screen.findByTestId('lifecycle-state')).textContent).toBe('This event is cancelled.');
  expect(screen.queryByTestId('lifecycle-move')).toBeNull();
});

test('a move sends the new date and start; the server\'s problem shows at its field', async () => {
  answer = { status: 400, body: { code: 'invalid_payload', message: 'The agenda would run past midnight.', fieldErrors: { start: 'Start earlier: the whole agenda must fit in the day.' } } };
  panel();
  fireEvent.change(screen.getByLabelText('New date'), { target: { value: '2025-10-30' } });
  fireEvent.change(screen.getByLabelText('New start time'), { target: { value: '22:00' } });
  await act(async () => fireEvent.click(screen.getByTestId('lifecycle-move')));
  expect(posted).toEqual([{ url: '/api/moderator/event/lifecycle', body: { action: 'move', date: '2025-10-30', start: '22:00' } }]);
  expect((await screen.findByRole('alert')).textContent).toBe('The agenda would run past midnight.');
  expect(screen.getByText('Start earlier: the whole agenda must fit in the day.')).toBeTruthy();
  expect(screen.getByLabelText('New start time').getAttribute('aria-invalid')).toBe('true');
});

test('once the doors are open the event can no longer move, only be cancelled; after its end the panel is gone', async () => {
  const { unmount } = panel({ kind: 'lobby', openedAt: 1 });
  expect(screen.queryByTestId('lifecycle-move')).toBeNull();
  expect(screen.getByTestId('lifecycle-cancel')).toBeTruthy();
  unmount();
  panel({ kind: 'ended', endedAt: 1 });
  expect(screen.queryByTestId('lifecycle-panel')).toBeNull();
});

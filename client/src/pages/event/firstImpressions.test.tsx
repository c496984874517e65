// The event page's first screen on a phone: a "Register" button near the top that takes focus to the
// form; after registering, focus on the confirmation (not <body>), and no link on the page.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { zonedInstant } from '@live-workshop/shared/pure';
import { EventPage } from './EventPage.js';
import { EVENT } from '../../testing/fixtures.js';

type Reply = { status: number; body: unknown };
let replies: Record<string, Reply>;

beforeEach(() => {
  replies = { 'GET /api/event': { status: 200, body: { event: EVENT, serverTime: zonedInstant('2025-10-22', '09:30', 'Europe/Brussels'), registrationClosed: null } } };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const reply = replies[`${init?.method ?? 'GET'} ${url}`] ?? { status: 404, body: { code: 'internal', message: 'not found' } };
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const before = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

test('"Register" sits in the event header, before the agenda, and takes focus to the form', async () => {
  render(<EventPage />);
  const form = await screen.findByTestId('register-form');
  const jump = screen.getByRole('link', { name: 'Register' });
  expect(jump.getAttribute('href')).toBe('#register');
  expect(form.id).toBe('register');
  expect(jump.closest('header')).toBe(screen.getByRole('heading', { level: 1 }).closest('header'));
  expect(before(jump, screen.getByRole('heading', { name: 'Agenda' }))).toBe(true);
  fireEvent.click(jump);
  expect(document.activeElement).toBe(within(form).getByRole('heading', { name: 'Register' }));
});

test('no "Register" button once registration is closed', async () => {
  replies['GET /api/event'] = { status: 200, body: { event: EVENT, serverTime: zonedInstant('2025-10-24', '09:30', 'Europe/Brussels'), registrationClosed: 'Registration closed.' } };
  render(<EventPage />);
  await screen.findByTestId('registration-closed');
  expect(screen.queryByRole('link', { name: 'Register' })).toBeNull();
});

test('after registering, focus is on the confirmation heading, which replaced the form', async () => {
  replies['POST /api/registrations'] = { status: 202, body: { status: 'check_inbox', email: 'ada@example.org' } };
  render(<EventPage />);
  const form = await screen.findByTestId('register-form');
  fireEvent.change(screen.getByLabelText('Name *'), { target: { value: 'Ada Lovelace' } });
  fireEvent.change(screen.getByLabelText('Email *'), { target: { value: 'ada@example.org' } });
  fireEvent.change(screen.getByLabelText('First choice of breakout room *'), { target: { value: 'trust' } });
  (screen.getByRole('button', { name: 'Register' }) as HTMLButtonElement).focus();
  fireEvent.submit(form);
  const done = await screen.findByTestId('registration-done');
  const heading = within(done).getByRole('heading', { name: 'Check your inbox' });
  expect(document.activeElement).toBe(heading);
  expect(heading.tabIndex).toBe(-1);
  // The jump now leads to the confirmation.
  expect(done.id).toBe('register');
  expect(screen.queryByTestId('register-form')).toBeNull();
});

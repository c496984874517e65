import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { planRehearsal, zonedInstant } from '@live-workshop/shared/pure';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { EventOccasion } from '../../ui/EventOccasion.js';
import { EventPage } from './EventPage.js';
import { EVENT } from '../../testing/fixtures.js';
import { CREDENTIAL_KEY } from '../../session/credential.js';

type Reply = { status: number; body: unknown };
const brussels = (date: string, time: string) => zonedInstant(date, time, 'Europe/Brussels');
const DAY_BEFORE = brussels('2025-10-22', '09:30');
const DEC_1_1403 = brussels('2026-12-01', '14:03');
let replies: Record<string, Reply>;
let posted: unknown[];

beforeEach(() => {
  localStorage.clear();
  posted = [];
  // The day before the workshop: registration is open.
  replies = { 'GET /api/event': { status: 200, body: { event: EVENT, serverTime: DAY_BEFORE, registrationClosed: null } } };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url}`;
    if (init?.body) posted.push(JSON.parse(String(init.body)));
    const reply = replies[key] ?? { status: 404, body: { code: 'internal', message: 'not found' } };
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function fill(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** The page's second draw (the form, when there is one) is done: absence of the form means something. */
const pageDrawn = () => waitFor(() => expect(document.querySelector('main')?.getAttribute('data-drawn')).toBe('complete'));

test('the event page: title, agenda, the four breakout topics, organisers', async () => {
  render(<EventPage />);
  expect(await screen.findByRole('heading', { level: 1, name: EVENT.title })).toBeTruthy();
  const breakouts = screen.getByRole('heading', { name: 'The 4 breakout rooms' }).parentElement!;
  expect(within(breakouts).getAllByRole('listitem')).toHaveLength(4);
  expect(screen.getByRole('heading', { name: 'Report-back and ReferNet plenary' })).toBeTruthy();
  expect(screen.getByText('Maite Santos')).toBeTruthy();
});

test('registering says the personal join link was mailed to the address given, and shows no link', async () => {
  replies['POST /api/registrations'] = { status: 202, body: { status: 'check_inbox', email: 'ada@example.org' } };
  render(<EventPage />);
  const form = await screen.findByTestId('register-form');
  fill('Name *', 'Ada Lovelace');
  fill('Email *', 'ada@example.org');
  fill('Organisation', 'Analytical Engines');
  fill('First choice of breakout room *', 'trust');
  fill('Second choice', 'global');
  fireEvent.submit(form);
  const done = await screen.findByTestId('registration-done');
  expect(within(done).getByRole('heading').textContent).toBe('Check your inbox');
  expect(screen.getByTestId('registration-email').textContent).toBe('ada@example.org');
  expect(screen.queryByTestId('join-link')).toBeNull();
  expect(posted).toEqual([{ name: 'Ada Lovelace', email: 'ada@example.org', organisation: 'Analytical Engines', preferences: ['trust', 'global'], language: 'en' }]);
  expect(localStorage.getItem(CREDENTIAL_KEY)).toBeNull();
});

test('missing fields are explained before sending; server field errors are shown by the field', async () => {
  render(<EventPage />);
  const form = await screen.findByTestId('register-form');
  fireEvent.submit(form);
  expect(screen.getByText('Enter your name.')).toBeTruthy();
  expect(screen.getByText('Choose the breakout room you would like most.')).toBeTruthy();
  expect(posted).toEqual([]);

  replies['POST /api/registrations'] = { status: 409, body: { code: 'invalid_payload', message: 'Registration was not accepted.', fieldErrors: { email: 'This email is already registered.' } } };
  fill('Name *', 'Ada');
  fill('Email *', 'ada@example.org');
  fill('First choice of breakout room *', 'skills');
  fireEvent.submit(form);
  expect(await screen.findByText('This email is already registered.')).toBeTruthy();
  expect(screen.getByLabelText('Email *').getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByRole('alert').textContent).toContain('Registration was not accepted.');
});

test('with the server form info: country, kind of stakeholder, accessibility needs and consent are asked and sent', async () => {
  replies['GET /api/registration/form?lang=en'] = {
    status: 200,
    body: {
      countries: [{ code: 'BE', name: 'Belgium' }, { code: 'GR', name: 'Greece' }],
      stakeholderTypes: [{ id: 'researcher', label: 'Researcher' }],
      accessibilityNeedsMaxLength: 1000,
      privacyNoticeVersion: '2025-10-01',
    },
  };
  replies['POST /api/registrations'] = { status: 202, body: { status: 'check_inbox', email: 'ada@example.org' } };
  render(<EventPage />);
  const form = await screen.findByTestId('register-form');
  fill('Name *', 'Ada');
  fill('Email *', 'ada@example.org');
  fill('First choice of breakout room *', 'skills');
  fireEvent.submit(form);
  expect(screen.getByText('Choose your country.')).toBeTruthy();
  expect(screen.getByText('Please accept the privacy notice to register.')).toBeTruthy();
  expect(posted).toEqual([]);

  fill('Country *', 'GR');
  fill('What describes you best? *', 'researcher');
  fill('Accessibility needs', 'Captions, please');
  const consent = screen.getByLabelText(/^I agree that the organisers use my registration data to run this workshop, as the privacy notice explains/);
  expect(screen.getByRole('link', { name: 'privacy notice' }).getAttribute('href')).toBe('/privacy');
  fireEvent.click(consent);
  fireEvent.submit(form);
  expect((await screen.findByTestId('registration-email')).textContent).toBe('ada@example.org');
  expect(posted).toEqual([
    {
      name: 'Ada', email: 'ada@example.org', preferences: ['skills'], country: 'GR', stakeholderType: 'researcher',
      accessibilityNeeds: 'Captions, please', consent: true, privacyNoticeVersion: '2025-10-01', language: 'en',
    },
  ]);
});

test('before the workshop: no word of a past date, and the form is offered', async () => {
  render(<EventPage />);
  await screen.findByTestId('register-form');
  expect(screen.queryByTestId('event-occasion')).toBeNull();
});

test('a workshop that is over says when it took place and offers no registration, with the server\'s reason', async () => {
  const closed = 'This workshop took place on 23 October 2025; registration is closed.';
  replies['GET /api/event'] = { status: 200, body: { event: EVENT, serverTime: DEC_1_1403, registrationClosed: closed } };
  localStorage.setItem(CREDENTIAL_KEY, 'abc.def');
  render(<EventPage />);
  expect((await screen.findByTestId('event-occasion')).textContent).toMatch(/^This workshop took place on Thursday,? 23 October 2025, 09:30–13:00 CEST/);
  expect(screen.getByTestId('registration-closed').textContent).toBe(closed);
  await pageDrawn();
  expect(screen.queryByTestId('register-form')).toBeNull();
  // Someone who registered still finds their way back (attendance, certificate).
  expect(screen.getByTestId('rejoin-link')).toBeTruthy();
});

test('a rehearsal: marked as such, with the original date and today\'s start in CET and the viewer\'s zone; registration open', async () => {
  replies['GET /api/event'] = { status: 200, body: { event: planRehearsal(EVENT, DEC_1_1403), serverTime: DEC_1_1403, registrationClosed: null } };
  render(<EventPage />);
  const occasion = (await screen.findByTestId('event-occasion')).textContent;
  expect(occasion).toMatch(/^Rehearsal This workshop took place on Thursday,? 23 October 2025, 09:30–13:00 CEST/);
  expect(occasion).toMatch(/This is a rehearsal, starting today at 14:15 CET/);
  expect(screen.getByTestId('event-times').textContent).toMatch(/Tuesday,? 1 December 2026, 14:15–17:45 CET/);
  expect(await screen.findByTestId('register-form')).toBeTruthy();
});

test('the viewer\'s own zone, with its UTC offset, is shown beside CET for the original date and the rehearsal\'s start', () => {
  render(<EventOccasion event={planRehearsal(EVENT, DEC_1_1403)} nowMs={DEC_1_1403} viewerZone="America/New_York" />);
  const occasion = screen.getByTestId('event-occasion').textContent;
  expect(occasion).toMatch(/09:30–13:00 CEST, UTC\+2 \(your time: 03:30–07:00 UTC−4\)/);
  expect(occasion).toMatch(/starting today at 14:15 CET, UTC\+1 \(08:15 UTC−5 your time\)/);
});

test('a full workshop says that registering joins the waiting list, and still takes the form', async () => {
  replies['GET /api/event'] = { status: 200, body: { event: EVENT, serverTime: DAY_BEFORE, registrationClosed: null, registrationFull: true } };
  render(<EventPage />);
  expect((await screen.findByTestId('registration-full')).textContent).toContain('you join its waiting list');
  expect(await screen.findByTestId('register-form')).toBeTruthy();
});

test('a moved event says when it takes place now and when it was planned, with the organisers\' note; registration stays open', async () => {
  const moved = { ...EVENT, date: '2025-10-30', start: '10:30', end: '14:00' };
  replies['GET /api/event'] = { status: 200, body: {
    event: moved, serverTime: DAY_BEFORE, registrationClosed: null,
    lifecycle: { status: 'moved', at: 1, sequence: 1, note: 'The venue changed its hours.', from: { date: '2025-10-23', start: '09:30', end: '13:00' }, to: { date: '2025-10-30', start: '10:30', end: '14:00' } },
  } };
  render(<EventPage />);
  const notice = await screen.findByTestId('event-lifecycle');
  expect(notice.textContent).toMatch(new RegExp(
    '^This event has moved: it now takes place on Thursday,? 30 October 2025, 10:30–14:00 CET, UTC\\+1\\. It was planned for Thursday,? 23 October 2025, 09:30–13:00 CEST, UTC\\+2\\.'
    + 'A word from the organisers: The venue changed its hours\\.$',
  ));
  expect(await screen.findByTestId('register-form')).toBeTruthy();
});

test('a cancelled event says so and offers no registration', async () => {
  replies['GET /api/event'] = { status: 200, body: {
    event: EVENT, serverTime: DAY_BEFORE, registrationClosed: 'The organisers cancelled this event; registration is closed.',
    lifecycle: { status: 'cancelled', at: 1, sequence: 2, note: '' },
  } };
  render(<EventPage />);
  expect((await screen.findByTestId('event-lifecycle')).textContent).toBe('The organisers have cancelled this event. Registration is closed.');
  await pageDrawn();
  expect(screen.queryByTestId('register-form')).toBeNull();
  expect(screen.queryByTestId('registration-closed')).toBeNull();
});

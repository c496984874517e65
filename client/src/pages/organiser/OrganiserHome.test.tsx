// The organiser home against a stubbed organiser API: the events by where they are in their life,
// creating from a file (problems by line and field), duplicating (the new links shown), archiving,
// and a refused link.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { HostedEventSummary } from '@live-workshop/shared/pure';
import { EVENT } from '../../testing/fixtures.js';
import { OrganiserHome } from './OrganiserHome.js';
import { ORGANISER_CREDENTIAL_KEY } from './organiserApi.js';

const summary = (over: Partial<HostedEventSummary>): HostedEventSummary => ({
  id: 'microcredentials-2025', title: 'Microcredentials and the Future of Learning', date: '2030-10-23', start: '09:30', end: '13:00', timeZone: 'Europe/Brussels',
  status: 'upcoming', archived: false, isDefault: true, url: 'http://localhost:3000', attendees: 3, ...over,
});
let events: HostedEventSummary[];
let calls: { method: string; url: string; body: unknown; auth: string | null }[];
let answer: (method: string, url: string, body: unknown) => { status: number; body: unknown } | null;
let organisers: { id: string; name: string; createdAt: number }[];

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/organiser/org-cred');
  events = [
    summary({}),
    summary({ id: 'lisbon-forum-2026', title: 'Regional Forum', status: 'live', isDefault: false, url: 'http://localhost:3000/e/lisbon-forum-2026', timeZone: 'Europe/Lisbon', date: '2030-12-05', start: '14:00', end: '17:30' }),
    summary({ id: 'old-one', title: 'Last year', status: 'past', isDefault: false, archived: true, attendees: null, url: 'http://localhost:3000/e/old-one' }),
  ];
  calls = [];
  answer = () => null;
  organisers = [{ id: 'organiser', name: 'Forum office', createdAt: 1 }];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body, auth: new Headers(init.headers).get('authorization') });
    const own = answer(method, url, body);
    const listed = url === '/api/organiser/organisers' && method === 'GET' ? { status: 200, body: { organisers } } : null;
    const reply = own ?? listed ?? (url === '/api/organiser/events' && method === 'GET' ? { status: 200, body: { organiser: { id: 'organiser', name: 'Forum office' }, events } } : { status: 404, body: { code: 'not_found', message: 'No.' } });
    return new Response(JSON.stringify(reply.body), { status: reply.status });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

test('lists the events by live, upcoming, past and archived, signed in with the printed link (then remembered, out of the address bar)', async () => {
  render(<OrganiserHome credential="org-cred" />);
  expect(await screen.findByText('Signed in as Forum office.')).toBeTruthy();
  expect(within(screen.getByTestId('organiser-live')).getByRole('heading', { name: 'Regional Forum' })).toBeTruthy();
  expect(within(screen.getByTestId('organiser-upcoming')).getByText('3 attendees registered · Default event (the server’s home page) ·', { exact: false })).toBeTruthy();
  expect(within(screen.getByTestId('organiser-past')).getByText('No events here.')).toBeTruthy();
  const archived = screen.getByTestId('organiser-archived');
  expect(within(archived).getByRole('heading', { name: 'Last year' })).toBeTruthy();
  expect(within(archived).getByRole('button', { name: 'Delete its data' })).toBeTruthy();
  expect(within(screen.getByTestId('hosted-event-lisbon-forum-2026')).getByText(/14:00–17:30/)).toBeTruthy();
  // The default event cannot be archived; the others can.
  expect(within(screen.getByTestId('hosted-event-microcredentials-2025')).queryByRole('button', { name: 'Archive' })).toBeNull();
  expect(calls[0]).toMatchObject({ method: 'GET', url: '/api/organiser/events', auth: 'Bearer org-cred' });
  expect(localStorage.getItem(ORGANISER_CREDENTIAL_KEY)).toBe('org-cred');
  expect(window.location.pathname).toBe('/organiser');
});

test('an event file with problems shows each with its line and field; nothing is listed', async () => {
  answer = (method, url) => (method === 'POST' && url === '/api/organiser/events'
    ? { status: 400, body: { code: 'invalid_payload', message: 'The event file is not a valid event; see each line.', fieldErrors: { timeZone: 'line 9: use an IANA time zone, e.g. Europe/Brussels' } } }
    : null);
  render(<OrganiserHome credential="org-cred" />);
  await screen.findByText('Signed in as Forum office.');
  const file = new File(['id: forum\ntimeZone: Europe/Lisbonx\n'], 'forum.yaml', { type: 'text/yaml' });
  fireEvent.change(screen.getByTestId('organiser-file'), { target: { files: [file] } });
  fireEvent.click(screen.getByRole('button', { name: 'Create from the file' }));
  const problems = await screen.findByTestId('organiser-file-problems');
  expect(problems.textContent).toContain('The event file has problems:');
  expect(within(problems).getByRole('listitem').textContent).toBe('timeZone: line 9: use an IANA time zone, e.g. Europe/Brussels');
  expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ yaml: 'id: forum\ntimeZone: Europe/Lisbonx\n' });
});

test('duplicating asks for the new id (and date) and shows the new event\'s moderator links', async () => {
  answer = (method, url, body) => (method === 'POST' && url === '/api/organiser/events/lisbon-forum-2026/duplicate'
    ? { status: 201, body: {
      event: summary({ id: (body as { id: string }).id, title: 'Regional Forum', isDefault: false, url: 'http://localhost:3000/e/forum-2027' }),
      links: [{ id: 'forum-chair', role: 'moderator', name: 'Forum chair', url: 'http://localhost:3000/e/forum-2027/join/chair-cred' }],
    } }
    : null);
  render(<OrganiserHome credential="org-cred" />);
  const card = await screen.findByTestId('hosted-event-lisbon-forum-2026');
  fireEvent.click(within(card).getByRole('button', { name: 'Duplicate' }));
  fireEvent.change(within(card).getByLabelText('New event id'), { target: { value: 'forum-2027' } });
  fireEvent.change(within(card).getByLabelText('Date (optional)'), { target: { value: '2027-03-25' } });
  fireEvent.click(within(card).getByRole('button', { name: 'Create the copy' }));
  const created = await screen.findByTestId('organiser-created');
  expect(within(created).getByRole('heading').textContent).toBe('“Regional Forum” is created.');
  expect((within(created).getByTestId('staff-link-forum-chair') as HTMLInputElement).value).toBe('http://localhost:3000/e/forum-2027/join/chair-cred');
  expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ id: 'forum-2027', date: '2027-03-25' });
  // The list is asked for again.
  await waitFor(() => expect(calls.filter((c) => c.url === '/api/organiser/events').length).toBe(2));
});

test('archiving asks first, then archives', async () => {
  answer = (method, url) => (method === 'POST' && url === '/api/organiser/events/lisbon-forum-2026/archive' ? { status: 200, body: summary({ id: 'lisbon-forum-2026', archived: true }) } : null);
  render(<OrganiserHome credential="org-cred" />);
  const card = await screen.findByTestId('hosted-event-lisbon-forum-2026');
  fireEvent.click(within(card).getByRole('button', { name: 'Archive' }));
  expect(within(card).getByText('Archive “Regional Forum”? Registration closes; its page, links and data stay.')).toBeTruthy();
  expect(calls.some((c) => c.method === 'POST')).toBe(false);
  fireEvent.click(within(within(card).getByRole('group')).getByRole('button', { name: 'Archive' }));
  await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/archive'))).toBe(true));
});

test('a refused link says so and is forgotten; without any link the page says where to find one', async () => {
  answer = (_m, url) => (url === '/api/organiser/events' ? { status: 403, body: { code: 'forbidden', message: 'Only organisers can do that.' } } : null);
  render(<OrganiserHome credential="old-cred" />);
  expect((await screen.findByRole('alert')).textContent).toBe('This organiser link is not valid any more. Open the latest one the server printed when it started.');
  await waitFor(() => expect(localStorage.getItem(ORGANISER_CREDENTIAL_KEY)).toBeNull());
  cleanup();
  render(<OrganiserHome credential={null} />);
  expect(screen.getByRole('heading', { name: 'No organiser link in this browser' })).toBeTruthy();
});

test('from the form: the set-up form starts from an existing event under the new id, and creates the event', async () => {
  answer = (method, url, body) => {
    if (method === 'GET' && url === '/api/event') return { status: 200, body: { event: EVENT, serverTime: 0, registrationClosed: null, registrationFull: false } };
    if (method === 'POST' && url === '/api/organiser/events') {
      const event = (body as { event: { id: string; title: string } }).event;
      return { status: 201, body: { event: summary({ id: event.id, title: event.title, isDefault: false, url: `http://localhost:3000/e/${event.id}` }), links: [] } };
    }
    return null;
  };
  render(<OrganiserHome credential="org-cred" />);
  const create = await screen.findByTestId('organiser-create');
  fireEvent.change(within(create).getByLabelText('Start from'), { target: { value: 'microcredentials-2025' } });
  fireEvent.change(within(create).getAllByLabelText('New event id')[0]!, { target: { value: 'spring-school' } });
  fireEvent.click(within(create).getByRole('button', { name: 'Open the form' }));
  // The form is the console's own chunk, loaded on first use.
  const form = await within(create).findByTestId('event-setup', {}, { timeout: 15_000 });
  fireEvent.change(within(form).getAllByLabelText('Title')[0]!, { target: { value: 'Spring school on microcredentials' } });
  fireEvent.click(within(form).getByRole('button', { name: 'Create the event' }));
  expect(within(await screen.findByTestId('organiser-created')).getByRole('heading').textContent).toBe('“Spring school on microcredentials” is created.');
  const sent = calls.find((c) => c.method === 'POST')!.body as { event: { id: string; title: string; moderators: unknown } };
  expect(sent.event).toMatchObject({ id: 'spring-school', title: 'Spring school on microcredentials', moderators: EVENT.moderators });
}, 30_000);

test('organisers: the only one cannot be revoked; another is invited by name (the link shown once) and can then be revoked', async () => {
  answer = (method, url, body) => {
    if (method === 'POST' && url === '/api/organiser/organisers') {
      const made = { id: 'organiser-0a1b2c3d4e5f', name: (body as { name: string }).name, createdAt: 2 };
      organisers = [...organisers, made];
      return { status: 201, body: { organiser: made, url: 'http://localhost:3000/organiser/olga-cred' } };
    }
    if (method === 'DELETE' && url === '/api/organiser/organisers/organiser-0a1b2c3d4e5f') {
      organisers = organisers.filter((o) => o.id !== 'organiser-0a1b2c3d4e5f');
      return { status: 200, body: { organisers } };
    }
    return null;
  };
  render(<OrganiserHome credential="org-cred" />);
  const panel = await screen.findByTestId('organiser-accounts');
  expect((await within(panel).findByTestId('organiser-account-organiser')).textContent).toBe('Forum office (you) ');
  expect(within(panel).queryByRole('button', { name: 'Revoke Forum office' })).toBeNull();
  expect(within(panel).getByText('You are the only organiser; the last organiser cannot be revoked.')).toBeTruthy();

  fireEvent.change(screen.getByTestId('organiser-invite-name'), { target: { value: ' Olga Second ' } });
  fireEvent.click(screen.getByTestId('organiser-invite'));
  expect((await screen.findByLabelText('Link of Olga Second') as HTMLInputElement).value).toBe('http://localhost:3000/organiser/olga-cred');
  expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/organiser/organisers', body: { name: 'Olga Second' }, auth: 'Bearer org-cred' });
  expect(screen.getByTestId('organiser-invited').textContent).toContain('shown only this once');
  fireEvent.click(await within(panel).findByRole('button', { name: 'Revoke Olga Second' }));
  await waitFor(() => expect(within(panel).queryByTestId('organiser-account-organiser-0a1b2c3d4e5f')).toBeNull());
  expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual(['/api/organiser/organisers/organiser-0a1b2c3d4e5f']);
});

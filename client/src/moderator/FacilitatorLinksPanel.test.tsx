// The console's facilitator links: every room listed with its state, a link made for the name typed
// (sent as typed), shown and copied; a link withdrawn; the server's refusal shown in words.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { FacilitatorInvite } from '@live-workshop/shared';
import { QueryProvider } from '../net/queryClient.js';
import { FacilitatorLinksPanel } from './FacilitatorLinksPanel.js';

let rooms: FacilitatorInvite[];
let sent: { method: string; url: string; body: unknown; authorization: string | null }[];
let refuseNext: { status: number; body: unknown } | null;
let copied: string[];
beforeEach(() => {
  rooms = [
    { breakoutId: 'skills', roomTitle: 'Skills', roundTitle: 'Round 1', name: 'Dr Prefilled', invited: false },
    { breakoutId: 'trust', roomTitle: 'Trust', roundTitle: 'Round 1', name: 'Tom Trust', invited: true },
    { breakoutId: 'funding', roomTitle: 'Funding', roundTitle: 'Round 2', name: '', invited: false },
  ];
  sent = [];
  refuseNext = null;
  copied = [];
  vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: async (text: string) => void copied.push(text) } });
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    const method = init?.method ?? 'GET';
    const authorization = new Headers(init?.headers).get('authorization');
    if (method === 'GET' && url === '/api/moderator/facilitators') return json(200, { rooms });
    sent.push({ method, url, body: init?.body ? JSON.parse(String(init.body)) : null, authorization });
    if (refuseNext) return json(refuseNext.status, refuseNext.body);
    const id = url.split('/').pop()!;
    const room = rooms.find((r) => r.breakoutId === id)!;
    if (method === 'POST') {
      rooms = rooms.map((r) => (r.breakoutId === id ? { ...r, invited: true, name: (JSON.parse(String(init!.body)) as { name?: string }).name ?? r.name } : r));
      return json(201, { invite: rooms.find((r) => r.breakoutId === id), url: `http://localhost:3000/join/link-for-${id}` });
    }
    rooms = rooms.map((r) => (r.breakoutId === id ? { ...r, invited: false } : r));
    return json(200, { ...room, invited: false });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const panel = () => render(<QueryProvider><FacilitatorLinksPanel credential="mod-cred" /></QueryProvider>);

test('each room with its state, grouped by round; a link made for the typed name is shown and copied', async () => {
  panel();
  expect((await screen.findByTestId('facilitator-skills-state')).textContent).toBe('No link yet');
  expect(screen.getByTestId('facilitator-trust-state').textContent).toBe('A link is out');
  expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Round 1', 'Round 2']);
  // The event file's name comes prefilled; a room without a link cannot be withdrawn.
  expect((screen.getByTestId('facilitator-skills-name') as HTMLInputElement).value).toBe('Dr Prefilled');
  expect(screen.queryByTestId('facilitator-skills-withdraw')).toBeNull();
  expect(screen.getByTestId('facilitator-trust-make').textContent).toBe('Make a new link');

  fireEvent.change(screen.getByTestId('facilitator-skills-name'), { target: { value: '  Fatima Facilitator ' } });
  await act(async () => fireEvent.click(screen.getByTestId('facilitator-skills-make')));
  expect(sent).toEqual([{ method: 'POST', url: '/api/moderator/facilitators/skills', body: { name: 'Fatima Facilitator' }, authorization: 'Bearer mod-cred' }]);
  const link = (await screen.findByLabelText('Facilitator link for Skills')) as HTMLInputElement;
  expect(link.value).toBe('http://localhost:3000/join/link-for-skills');
  expect(link.readOnly).toBe(true);
  expect((await screen.findByTestId('facilitator-skills-withdraw')).textContent).toBe('Withdraw link');
  expect(screen.getByTestId('facilitator-skills-state').textContent).toBe('A link is out');
  await act(async () => fireEvent.click(screen.getByTestId('facilitator-skills-copy')));
  expect(copied).toEqual(['http://localhost:3000/join/link-for-skills']);
  // An empty name asks the server for the event file's name (nothing sent).
  fireEvent.change(screen.getByTestId('facilitator-funding-name'), { target: { value: ' ' } });
  await act(async () => fireEvent.click(screen.getByTestId('facilitator-funding-make')));
  expect(sent[1]).toMatchObject({ method: 'POST', url: '/api/moderator/facilitators/funding', body: {} });
});

test('withdrawing a link sends DELETE and the room shows no link; a refusal is shown in words', async () => {
  panel();
  await act(async () => fireEvent.click(await screen.findByTestId('facilitator-trust-withdraw')));
  expect(sent).toEqual([{ method: 'DELETE', url: '/api/moderator/facilitators/trust', body: null, authorization: 'Bearer mod-cred' }]);
  await screen.findByText('No link yet', { selector: '[data-testid="facilitator-trust-state"]' });
  expect(screen.queryByTestId('facilitator-trust-withdraw')).toBeNull();

  refuseNext = { status: 409, body: { code: 'not_allowed_now', message: 'Someone of the event already has the id "facilitator--skills".' } };
  await act(async () => fireEvent.click(screen.getByTestId('facilitator-skills-make')));
  expect((await screen.findByRole('alert')).textContent).toBe('Someone of the event already has the id "facilitator--skills".');
  expect(screen.queryByLabelText('Facilitator link for Skills')).toBeNull();
});

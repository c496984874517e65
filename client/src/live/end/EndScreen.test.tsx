import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { applySnapshot, applyWelcome } from '../../session/store/actions.js';
import { resetStore } from '../../session/store/store.js';
import { CREDENTIAL_KEY } from '../../session/credential.js';
import { snapshot, welcome } from '../../testing/fixtures.js';
import { EndScreen } from './EndScreen.js';

type Reply = { status: number; body: unknown };
let replies: Record<string, Reply>;
let requests: { key: string; authorization: string | null }[];

beforeEach(() => {
  resetStore();
  localStorage.clear();
  requests = [];
  replies = {};
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url}`;
    requests.push({ key, authorization: new Headers(init?.headers).get('authorization') });
    const reply = replies[key] ?? { status: 404, body: { code: 'not_found', message: 'not found' } };
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  });
  const at = { wallMs: Date.now(), monoMs: performance.now() };
  applyWelcome(welcome('attendee'), at);
  applySnapshot(snapshot(9, { kind: 'ended', endedAt: 1 }), at);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CERTIFICATE = {
  id: 'cert_0123456789abcdef',
  jwt: 'eyJ.a.b',
  credential: { id: 'x', name: 'Certificate of participation', description: '', validFrom: '2025-10-23T11:00:00Z', issuer: { id: 'i', name: 'Organisers' }, credentialSubject: { achievement: { name: 'Workshop' } } },
  issuedAt: 1,
  pageUrl: 'http://localhost:3000/certificates/cert_0123456789abcdef',
  verifyUrl: 'http://localhost:3000/api/certificates/cert_0123456789abcdef/verify',
};

test('attended enough: links to the certificate page, its verification and the signed credential', async () => {
  replies['GET /api/certificates/mine'] = { status: 201, body: CERTIFICATE };
  render(<EndScreen credential="cred-ada" />);
  expect(screen.getByRole('heading', { name: 'Your certificate of participation' })).toBeTruthy();
  const page = await screen.findByRole('link', { name: 'Open the certificate page' });
  expect(page.getAttribute('href')).toBe('/certificates/cert_0123456789abcdef');
  expect(screen.getByRole('link', { name: 'Check that it is valid' }).getAttribute('href')).toBe('/verify/cert_0123456789abcdef');
  const jwt = screen.getByRole('link', { name: 'Download the credential (JWT)' });
  expect(jwt.getAttribute('href')).toBe('/api/certificates/cert_0123456789abcdef/jwt');
  expect(jwt.hasAttribute('download')).toBe(true);
  expect(requests).toContainEqual({ key: 'GET /api/certificates/mine', authorization: 'Bearer cred-ada' });
});

test('below the attendance threshold: the refusal with the attended share, and no certificate links', async () => {
  replies['GET /api/certificates/mine'] = {
    status: 403, body: { code: 'forbidden', message: 'You attended 31% of the workshop; a certificate needs at least 50%.' },
  };
  render(<EndScreen credential="cred-ada" />);
  expect((await screen.findByTestId('certificate-refusal')).textContent).toBe('You attended 31% of the workshop; a certificate needs at least 50%.');
  expect(screen.queryByRole('link', { name: 'Open the certificate page' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Ask again' })).toBeNull();
});

test('before the end: the server says when, and the attendee can ask again', async () => {
  replies['GET /api/certificates/mine'] = { status: 409, body: { code: 'not_allowed_now', message: 'Certificates are issued once the event has ended.' } };
  render(<EndScreen credential="cred-ada" />);
  expect((await screen.findByTestId('certificate-refusal')).textContent).toBe('Certificates are issued once the event has ended.');
  replies['GET /api/certificates/mine'] = { status: 200, body: CERTIFICATE };
  fireEvent.click(screen.getByRole('button', { name: 'Ask again' }));
  expect(await screen.findByRole('link', { name: 'Open the certificate page' })).toBeTruthy();
});

test('an attendee deletes their data after confirming; the link is forgotten', async () => {
  localStorage.setItem(CREDENTIAL_KEY, 'cred-ada');
  replies['GET /api/certificates/mine'] = { status: 200, body: CERTIFICATE };
  replies['DELETE /api/me'] = { status: 200, body: { deleted: true } };
  render(<EndScreen credential="cred-ada" />);
  expect(screen.getByRole('button', { name: 'Download my data' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Delete my data' }));
  expect(screen.getByRole('alertdialog', { name: 'Delete all your data?' })).toBeTruthy();
  expect(requests.some((r) => r.key === 'DELETE /api/me')).toBe(false);
  fireEvent.click(screen.getByRole('button', { name: 'Yes, delete my data' }));
  expect((await screen.findByText(/Your data has been deleted/)).textContent).toContain('Your join link no longer works');
  expect(requests).toContainEqual({ key: 'DELETE /api/me', authorization: 'Bearer cred-ada' });
  expect(localStorage.getItem(CREDENTIAL_KEY)).toBeNull();
});

test('moderators see their certificate but not the attendee data buttons', async () => {
  applyWelcome(welcome('moderator', 'Anastasia Pouliou', 'anastasia-pouliou'), { wallMs: Date.now(), monoMs: performance.now() });
  replies['GET /api/certificates/mine'] = { status: 200, body: CERTIFICATE };
  render(<EndScreen credential="cred-mod" />);
  expect(await screen.findByRole('link', { name: 'Open the certificate page' })).toBeTruthy();
  expect(screen.queryByRole('button', { name: 'Delete my data' })).toBeNull();
});

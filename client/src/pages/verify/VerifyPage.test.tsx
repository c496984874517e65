import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { VerifyPage } from './VerifyPage.js';

type Reply = { status: number; body: unknown };
let replies: Record<string, Reply>;
let posted: unknown[];

beforeEach(() => {
  posted = [];
  replies = {};
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${url}`;
    if (init?.body) posted.push(JSON.parse(String(init.body)));
    const reply = replies[key] ?? { status: 404, body: { code: 'not_found', message: 'No certificate with this id is on record (or its holder deleted it).' } };
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const credential = {
  id: 'http://localhost/certificates/abcdefghij12',
  name: 'Certificate of participation: Microcredentials and the Future of Learning',
  description: '',
  validFrom: '2025-10-23T11:05:00.000Z',
  issuer: { id: 'http://localhost/api/certificates/issuer', name: 'Anastasia Pouliou, organisers of "Microcredentials and the Future of Learning"' },
  credentialSubject: {
    identifier: [{ identityType: 'name', hashed: false, identityHash: 'Ada Lovelace' }],
    achievement: { name: 'Microcredentials and the Future of Learning' },
  },
  evidence: [{ name: 'Opening plenary', genre: 'plenary', description: 'Present for 44 of the 45 minutes this part ran.' }],
};

test('a valid certificate opened by id: the verdict, who it was awarded to, what they attended', async () => {
  replies['GET /api/certificates/abcdefghij12/verify'] = {
    status: 200, body: { status: 'valid', message: 'Valid: issued by the organisers and unchanged.', certificateId: 'abcdefghij12', credential, revokedAt: null },
  };
  render(<VerifyPage certificateId="abcdefghij12" />);
  const result = await screen.findByTestId('verification-result');
  expect(result.dataset.status).toBe('valid');
  expect(screen.getByRole('heading', { name: 'Valid certificate' })).toBeTruthy();
  expect(result.textContent).toContain('Valid: issued by the organisers and unchanged.');
  expect(result.textContent).toContain('Ada Lovelace');
  expect(result.textContent).toContain('Opening plenary: Present for 44 of the 45 minutes this part ran.');
});

test('a pasted certificate that was changed: not valid, and nothing it claims is shown', async () => {
  replies['POST /api/certificates/verify'] = {
    status: 200,
    body: { status: 'tampered', message: 'The signature does not match the content: the certificate was changed after it was issued.', certificateId: null, credential: null, revokedAt: null },
  };
  render(<VerifyPage />);
  fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
  expect(screen.getByText('Paste the signed certificate (the text of the .jwt file) first.')).toBeTruthy();
  expect(posted).toEqual([]);

  fireEvent.change(screen.getByLabelText('Signed certificate (JWT)'), { target: { value: '  eyJhbGciOiJFZERTQSJ9.e30.c2ln \n' } });
  fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
  expect(await screen.findByRole('heading', { name: 'Not valid: this certificate was changed or not issued here' })).toBeTruthy();
  expect(screen.getByTestId('verification-result').textContent).toContain('the certificate was changed after it was issued');
  expect(screen.queryByText('Awarded to')).toBeNull();
  expect(posted).toEqual([{ jwt: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' }]);
});

test('a revoked certificate says so, with the date', async () => {
  const revokedAt = Date.UTC(2025, 9, 24, 9, 0);
  replies['GET /api/certificates/abcdefghij12/verify'] = {
    status: 200, body: { status: 'revoked', message: 'Revoked by the issuer: issued by mistake.', certificateId: 'abcdefghij12', credential, revokedAt },
  };
  render(<VerifyPage certificateId="abcdefghij12" />);
  expect(await screen.findByRole('heading', { name: 'Revoked by the issuer' })).toBeTruthy();
  const result = screen.getByTestId('verification-result');
  expect(result.dataset.status).toBe('revoked');
  expect(result.textContent).toContain('Revoked by the issuer: issued by mistake.');
  expect(result.textContent).toContain('Revoked on 24 October 2025');
});

test('an unknown id: the server explains', async () => {
  render(<VerifyPage certificateId="zzzzzzzzzz99" />);
  expect((await screen.findByRole('alert')).textContent).toBe('No certificate with this id is on record (or its holder deleted it).');
});

test('a slower answer to an earlier check never replaces the answer to the latest one', async () => {
  let releaseFirst: () => void = () => undefined;
  const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
  const verdict = (id: string, status: 'valid' | 'revoked') => ({ status, message: `${status} ${id}`, certificateId: id, credential, revokedAt: status === 'revoked' ? 0 : null });
  vi.stubGlobal('fetch', async (url: string) => {
    if (url.includes('/first0000000/')) {
      await firstHeld;
      return new Response(JSON.stringify(verdict('first0000000', 'revoked')), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return new Response(JSON.stringify(verdict('second000000', 'valid')), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const { rerender } = render(<VerifyPage certificateId="first0000000" />);
  rerender(<VerifyPage certificateId="second000000" />);
  expect(await screen.findByRole('heading', { name: 'Valid certificate' })).toBeTruthy();
  releaseFirst();
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(screen.getByTestId('verification-result').dataset.status).toBe('valid');
  expect(screen.queryByRole('heading', { name: 'Revoked by the issuer' })).toBeNull();
});

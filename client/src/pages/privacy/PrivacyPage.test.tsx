import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { PrivacyPage } from './PrivacyPage.js';
import { routeOf } from '../../app/routes.js';

let reply: { status: number; body: unknown };

beforeEach(() => {
  reply = {
    status: 200,
    body: {
      version: '2025-10-01',
      title: 'Privacy notice: Microcredentials and the Future of Learning',
      controller: ['Anastasia Pouliou', 'Maite Santos'],
      sections: [
        { heading: 'What we collect', text: 'Your name, email address, organisation and country.' },
        { heading: 'Your rights', text: 'With your personal link you can download all data we hold about you and delete it at any time.' },
      ],
    },
  };
  vi.stubGlobal('fetch', async (url: string) =>
    new Response(JSON.stringify(url === '/api/privacy' ? reply.body : { code: 'not_found', message: 'nope' }), { status: url === '/api/privacy' ? reply.status : 404 }),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

test('/privacy shows the notice: title, version, who is responsible, each section', async () => {
  expect(routeOf('/privacy')).toEqual({ page: 'privacy' });
  render(<PrivacyPage />);
  expect(await screen.findByRole('heading', { level: 1, name: 'Privacy notice: Microcredentials and the Future of Learning' })).toBeTruthy();
  expect(screen.getByTestId('privacy-meta').textContent).toBe('Version of 2025-10-01 · Responsible: Anastasia Pouliou, Maite Santos');
  expect(screen.getByRole('heading', { level: 2, name: 'What we collect' })).toBeTruthy();
  expect(screen.getByText('With your personal link you can download all data we hold about you and delete it at any time.')).toBeTruthy();
  expect(screen.getByRole('link', { name: '← Back to the event page' }).getAttribute('href')).toBe('/');
});

test('when the notice cannot be loaded, the page says so', async () => {
  reply = { status: 500, body: { code: 'internal', message: 'Something went wrong on the server.' } };
  render(<PrivacyPage />);
  expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong on the server.');
});

test('the verification routes', () => {
  expect(routeOf('/verify')).toEqual({ page: 'verify', certificateId: null });
  expect(routeOf('/verify/abc_DEF-1234')).toEqual({ page: 'verify', certificateId: 'abc_DEF-1234' });
  expect(routeOf('/verify/../x')).toEqual({ page: 'not-found' });
});

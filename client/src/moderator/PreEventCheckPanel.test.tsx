import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import type { PreEventCheckReport } from '@live-workshop/shared';
import { QueryProvider } from '../net/queryClient.js';
import { PreEventCheckPanel } from './PreEventCheckPanel.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

test('the button runs the check with the test address and lists each result in words', async () => {
  const asked: { url: string; body: unknown; auth: string | null }[] = [];
  const report: PreEventCheckReport = {
    checkedAt: 1,
    results: [
      { id: 'livekit', title: 'LiveKit reachable from the server', status: 'pass', detail: 'its room API answers our key (0 room(s) open).' },
      { id: 'mail', title: 'Mail', status: 'fail', detail: 'the mail server refused the connection (nothing listens there). Check SMTP_URL.' },
      { id: 'turn', title: 'TURN / TCP fallback offered', status: 'warn', detail: 'not checked.' },
    ],
  };
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    asked.push({ url, body: JSON.parse(String(init.body)), auth: new Headers(init.headers).get('authorization') });
    return new Response(JSON.stringify(report), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  render(
    <QueryProvider>
      <PreEventCheckPanel credential="mod-cred" />
    </QueryProvider>,
  );
  fireEvent.change(screen.getByTestId('pre-event-check-mail'), { target: { value: ' tech@example.org ' } });
  fireEvent.click(screen.getByTestId('pre-event-check-run'));
  expect((await screen.findByTestId('check-mail')).textContent).toBe('Fail Mail: the mail server refused the connection (nothing listens there). Check SMTP_URL.');
  expect(screen.getByTestId('check-livekit').textContent).toBe('Pass LiveKit reachable from the server: its room API answers our key (0 room(s) open).');
  expect(screen.getByTestId('check-turn').getAttribute('data-status')).toBe('warn');
  expect(asked).toEqual([{ url: '/api/moderator/checks', body: { mailTo: 'tech@example.org' }, auth: 'Bearer mod-cred' }]);
});

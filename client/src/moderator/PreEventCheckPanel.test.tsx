import { afterEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { message, type PreEventCheckReport } from '@live-workshop/shared';
import { QueryProvider } from '../net/queryClient.js';
import { setLanguage } from '../i18n/i18n.js';
import { PreEventCheckPanel } from './PreEventCheckPanel.js';

afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await setLanguage('en');
});

/** The report as the server sends it: catalogue messages, one of them with a reason inside. */
const report: PreEventCheckReport = {
  checkedAt: 1,
  results: [
    { id: 'livekit', status: 'pass', detail: message('check.livekit.ok', { rooms: 0 }) },
    { id: 'mail', status: 'fail', detail: message('check.mail.failed', { problem: message('check.problem.refused', { what: message('check.what.mailServer') }) }) },
    { id: 'turn', status: 'warn', detail: message('check.turn.noTls', { offered: [message('check.turn.tcp', { port: '7881' }), message('check.turn.udp', { port: '3478' })], file: 'livekit.yaml' }) },
  ],
};

function answerWithReport(): { url: string; body: unknown; auth: string | null }[] {
  const asked: { url: string; body: unknown; auth: string | null }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    asked.push({ url, body: JSON.parse(String(init.body)), auth: new Headers(init.headers).get('authorization') });
    return new Response(JSON.stringify(report), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

function renderPanel() {
  render(
    <QueryProvider>
      <PreEventCheckPanel credential="mod-cred" />
    </QueryProvider>,
  );
}

test('the button runs the check with the test address and lists each result in words', async () => {
  const asked = answerWithReport();
  renderPanel();
  fireEvent.change(screen.getByTestId('pre-event-check-mail'), { target: { value: ' tech@example.org ' } });
  fireEvent.click(screen.getByTestId('pre-event-check-run'));
  expect((await screen.findByTestId('check-mail')).textContent).toBe('Fail Mail: the mail server refused the connection (nothing listens there). Check SMTP_URL.');
  expect(screen.getByTestId('check-livekit').textContent).toBe('Pass LiveKit reachable from the server: its room API answers our key (0 rooms open).');
  expect(screen.getByTestId('check-turn').textContent).toBe(
    'Warning TURN / TCP fallback offered: ICE over TCP on 7881, TURN over UDP on 3478, but no TURN over TLS: networks that let only HTTPS out get no media (turn.enabled and turn.tls_port in livekit.yaml).',
  );
  expect(screen.getByTestId('check-turn').getAttribute('data-status')).toBe('warn');
  expect(asked).toEqual([{ url: '/api/moderator/checks?lang=en', body: { mailTo: 'tech@example.org' }, auth: 'Bearer mod-cred' }]);
});

test('a moderator reading German gets every result in German, and asks for the test mail in German', async () => {
  await setLanguage('de');
  const asked = answerWithReport();
  renderPanel();
  fireEvent.click(screen.getByTestId('pre-event-check-run'));
  expect((await screen.findByTestId('check-mail')).textContent).toBe('Fehler E-Mail: Mailserver: Verbindung abgelehnt (dort hört nichts zu). Prüfen Sie SMTP_URL.');
  expect(screen.getByTestId('check-livekit').textContent).toBe('Bestanden LiveKit vom Server erreichbar: Die Raum-API akzeptiert unseren Schlüssel (0 Räume offen).');
  expect(screen.getByTestId('check-turn').textContent).toMatch(/^Warnung TURN-\/TCP-Ausweichweg angeboten: ICE über TCP auf 7881, TURN über UDP auf 3478, aber kein TURN über TLS/);
  expect(asked[0]!.url).toBe('/api/moderator/checks?lang=de');
});

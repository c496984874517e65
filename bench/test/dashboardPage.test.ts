// The dashboard page drawn from Prometheus (npm run monitoring:shot): each panel's targets asked
// over the range, series named by the legend format, a stat panel naming only what holds at the end.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dashboardPage, type Dashboard } from '../src/monitoring/dashboardPage.js';

const asked: string[] = [];
const server = createServer((req, res) => {
  const query = new URL(req.url!, 'http://x').searchParams.get('query')!;
  asked.push(query);
  const result = query.startsWith('lw_agenda_phase')
    ? [{ metric: { kind: 'plenary' }, values: [[10, '1'], [20, '1']] }, { metric: { kind: 'breakouts' }, values: [[30, '1'], [40, '1']] }]
    : query.startsWith('sum by (role)')
      ? [{ metric: { role: 'attendee' }, values: [[10, '2'], [40, '51']] }]
      : [];
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
});
let url = '';
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => {
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  resolve();
})));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const dashboard: Dashboard = {
  title: 'Live Workshop',
  panels: [
    { title: 'Connected now, by role', type: 'timeseries', gridPos: { w: 8 }, targets: [{ expr: 'sum by (role) (lw_connected_participants)', legendFormat: '{{role}}' }] },
    { title: 'Agenda phase', type: 'stat', gridPos: { w: 8 }, targets: [{ expr: 'lw_agenda_phase == 1', legendFormat: '{{kind}}' }] },
    { title: 'Help requests waiting', type: 'timeseries', gridPos: { w: 8 }, targets: [{ expr: 'lw_help_requests_waiting' }] },
  ],
};

test('panels are drawn from the targets over the range; the stat names what holds at its end; a panel without series says so', async () => {
  const { html, panelsWithData } = await dashboardPage(dashboard, url, { from: 0, to: 40_000 }, 'a note');
  expect(asked).toEqual(['sum by (role) (lw_connected_participants)', 'lw_agenda_phase == 1', 'lw_help_requests_waiting']);
  expect(panelsWithData).toBe(2);
  expect(html).toContain('<h2>Connected now, by role</h2>');
  expect(html).toContain('attendee: 51');
  expect(html).toContain('<p class="stat">breakouts</p>');
  expect(html).toContain('<h2>Help requests waiting</h2><p class="empty">No data</p>');
  expect(html).toContain('a note');
});

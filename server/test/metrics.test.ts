// GET /metrics: only with the METRICS_TOKEN bearer, absent without a token, and its numbers follow
// what happens — registrations, connections by role, a cue reaching everyone, moves reported by the
// clients (connected or failed), help requests waiting until a moderator visits, Socket.IO packets.
import { afterEach, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import { sampleOf, scrape, waitFor } from '@live-workshop/testkit';
import { connectClient, register, staffCredential, startTestApp } from './harness.js';

const TOKEN = 'metrics-token-0123456789';
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

test('without METRICS_TOKEN there is no /metrics, whatever the request carries', async () => {
  const { app, url } = await startTestApp();
  cleanups.push(() => app.close());
  for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }] as Record<string, string>[]) {
    const res = await fetch(`${url}/metrics`, { headers });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('lw_');
  }
});

test('with METRICS_TOKEN, a request without it or with another token gets 401 and no metrics', async () => {
  const { app, url } = await startTestApp({ metricsToken: TOKEN });
  cleanups.push(() => app.close());
  for (const headers of [{}, { authorization: 'Bearer not-the-metrics-token' }, { authorization: `Bearer ${TOKEN}x` }, { authorization: TOKEN }] as Record<string, string>[]) {
    const res = await fetch(`${url}/metrics`, { headers });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await res.text()).not.toContain('lw_');
  }
  // A moderator's credential is not the metrics token either.
  const moderator = await staffCredential(app, 'anastasia-pouliou');
  expect((await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${moderator}` } })).status).toBe(401);
  const ok = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(ok.status).toBe(200);
  expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
});

test('the numbers follow the event: registrations, connections by role, cue to everyone assigned, move outcomes, help waiting, packets', async () => {
  const { app, url } = await startTestApp({ metricsToken: TOKEN });
  cleanups.push(() => app.close());
  const before = await scrape(url, TOKEN);
  expect(sampleOf(before, 'lw_registrations_total', { kind: 'new' })).toBe(0);
  expect(sampleOf(before, 'lw_agenda_phase', { kind: 'scheduled' })).toBe(1);
  expect(sampleOf(before, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  expect(sampleOf(before, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);

  await register(url, { name: 'Ana Metric', email: 'ana@example.org', preferences: ['skills'] });
  const b = await register(url, { name: 'Ben Metric', email: 'ben@example.org', preferences: ['trust'] });
  // Registering again mails Ana a fresh link (the one she uses from now on).
  const a = await register(url, { name: 'Ana Metric', email: 'ana@example.org', preferences: ['skills'] });
  const moderator = await connectClient(url, await staffCredential(app, 'anastasia-pouliou'), cleanups);
  const attendees = [await connectClient(url, a.body.credential, cleanups), await connectClient(url, b.body.credential, cleanups)];

  const connected = await scrape(url, TOKEN);
  expect(sampleOf(connected, 'lw_registrations_total', { kind: 'new' })).toBe(2);
  expect(sampleOf(connected, 'lw_registrations_total', { kind: 'again' })).toBe(1);
  expect(sampleOf(connected, 'lw_connected_participants', { role: 'attendee' })).toBe(2);
  expect(sampleOf(connected, 'lw_connected_participants', { role: 'moderator' })).toBe(1);
  expect(sampleOf(connected, 'lw_connected_participants', { role: 'speaker' })).toBe(0);
  expect(sampleOf(connected, 'lw_socketio_packets_total', { direction: 'out' })).toBeGreaterThan(sampleOf(before, 'lw_socketio_packets_total', { direction: 'out' }));

  // A cue is answered before its assignments go out: wait until its histogram sample is in.
  const cueCount = (s: Awaited<ReturnType<typeof scrape>>) => sampleOf(s, 'lw_cue_to_everyone_assigned_seconds_count');
  const cueObserved = (n: number) => waitFor(async () => {
    const s = await scrape(url, TOKEN);
    return cueCount(s) === n && s;
  }, { what: `${n} cues observed` });
  await moderator.command({ type: 'openDoors' });
  const lobby = await cueObserved(cueCount(connected) + 1);
  expect(sampleOf(lobby, 'lw_agenda_phase', { kind: 'lobby' })).toBe(1);
  await moderator.command({ type: 'goTo', itemIndex: 1 });
  const cued = await cueObserved(cueCount(connected) + 2);
  expect(sampleOf(cued, 'lw_agenda_phase', { kind: 'breakouts' })).toBe(1);
  // Both attendees go to their breakouts (the moderator stays where moderators are).
  expect(sampleOf(cued, 'lw_moves_total', { outcome: 'delivered' })).toBe(2 + sampleOf(lobby, 'lw_moves_total', { outcome: 'delivered' }));
  // Nobody is in LiveKit's breakout rooms yet: both attendees are not where the plan has them.
  expect(sampleOf(cued, 'lw_presence_mismatched_participants')).toBe(2);

  const [ana, ben] = attendees as [typeof attendees[0], typeof attendees[0]];
  expect(await ana.request(EVENTS.moveReport, { phaseKey: 'item:1', roomId: 'breakout:skills', cueToConnectedMs: 420, cueToPublishingMs: 480, preJoined: true })).toMatchObject({ ok: true });
  expect(await ben.request(EVENTS.moveReport, { phaseKey: 'item:1', roomId: 'breakout:trust', cueToConnectedMs: 15_000, cueToPublishingMs: null, outcome: 'failed' })).toMatchObject({ ok: true });
  expect(await ben.request(EVENTS.helpRequest, { text: 'I cannot get in' })).toMatchObject({ ok: true });
  const reported = await scrape(url, TOKEN);
  expect(sampleOf(reported, 'lw_moves_total', { outcome: 'connected' })).toBe(1);
  expect(sampleOf(reported, 'lw_moves_total', { outcome: 'failed' })).toBe(1);
  expect(sampleOf(reported, 'lw_move_cue_to_connected_seconds_bucket', { le: '0.5' })).toBe(1);
  expect(sampleOf(reported, 'lw_move_ways_total', { way: 'prejoined' })).toBe(1);
  expect(sampleOf(reported, 'lw_move_ways_total', { way: 'joined' })).toBe(0);
  expect(sampleOf(reported, 'lw_help_requests_total')).toBe(1);
  expect(sampleOf(reported, 'lw_help_requests_waiting')).toBe(1);

  // A moderator looks into Ben's breakout: his request is being answered.
  expect(await moderator.request(EVENTS.roomVisit, { roomId: 'breakout:trust' })).toMatchObject({ ok: true });
  expect(sampleOf(await scrape(url, TOKEN), 'lw_help_requests_waiting')).toBe(0);
});

// A captioner in a breakout, as the REAL LiveKit server enforces it (real Chromium pages with fake
// media, inside the loopback-only namespace): they hear the room they chose, nobody in it sees
// them, and LiveKit refuses anything they try to publish.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVENTS, livekitRoomName } from '@live-workshop/shared';
import { waitFor } from '@live-workshop/testkit';
import { register, seedEventFor, staffCredential } from './harness.js';
import { startLiveKitWorld, type LiveKitWorld } from './liveKitHarness.js';

const SKILLS = livekitRoomName('microcredentials-2025', 'breakout:skills');

let world: LiveKitWorld;
beforeAll(async () => {
  world = await startLiveKitWorld({ event: { ...seedEventFor(Date.now()), captioners: [{ id: 'cart-writer', name: 'CART writer' }] } });
});
afterAll(async () => world?.close());

test('a captioner who chose the skills breakout hears it unseen; LiveKit refuses their camera and microphone', async () => {
  const { app, url, rooms, join, openPerson: openPage, currentOf } = world;
  const moderator = await join(await staffCredential(app, 'anastasia-pouliou'));
  const captioner = await join(await staffCredential(app, 'cart-writer'));
  const { body } = await register(url, { name: 'Sam Skills', email: 'sam.skills@example.org', preferences: ['skills'] });
  const attendee = await join(body.credential);
  await moderator.command({ type: 'openDoors' });
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
  await moderator.command({ type: 'start' });
  const plenary = await captioner.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');
  expect(await captioner.command({ type: 'captionRoom', breakoutId: 'skills' }, plenary.version)).toMatchObject({ ok: true });
  expect(await moderator.command({ type: 'next' }, plenary.version)).toMatchObject({ ok: true });

  const talking = await currentOf(attendee, 'item:1');
  expect(talking).toMatchObject({ roomId: 'breakout:skills', canPublish: true });
  const listening = await currentOf(captioner, 'item:1');
  expect(listening).toMatchObject({ roomId: 'breakout:skills', livekitRoom: SKILLS, canPublish: false });

  const attendeePage = await openPage();
  const captionerPage = await openPage();
  expect(await attendeePage.connect(talking.livekitUrl, talking.token!)).toMatchObject({ ok: true });
  expect(await attendeePage.publishMic()).toMatchObject({ ok: true });
  expect(await captionerPage.connect(listening.livekitUrl, listening.token!)).toMatchObject({ ok: true });
  // The captioner hears the attendee's microphone…
  await waitFor(async () => (await captionerPage.state()).remoteParticipants.some((p) => p.identity === body.participantId && p.tracks.some((t) => t.kind === 'audio' && t.subscribed)), { what: 'the captioner to hear the attendee' });
  // …LiveKit lists them in the room as hidden, and the attendee's page never shows them.
  const listed = (await rooms.listParticipants(SKILLS)).find((p) => p.identity === 'cart-writer');
  expect(listed?.permission).toMatchObject({ hidden: true, canPublish: false });
  expect((await attendeePage.state()).remoteParticipants.map((p) => p.identity)).not.toContain('cart-writer');
  expect((await captionerPage.state()).canPublish).toBe(false);
  for (const attempt of [captionerPage.publishMic({ bypassClientCheck: true }), captionerPage.publishCamera({ bypassClientCheck: true })]) {
    expect(await attempt).toMatchObject({ ok: false, error: { source: 'server', reason: 'NOT_ALLOWED' } });
  }
  expect((await rooms.listParticipants(SKILLS)).find((p) => p.identity === 'cart-writer')?.tracks).toEqual([]);
});

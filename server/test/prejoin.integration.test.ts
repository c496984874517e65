// Pre-joined connections against the REAL LiveKit server (issue 14): a person who joins the next
// room before the cue is listed there by LiveKit, with the token's `lw.activeFrom` attribute, but
// counts as absent (presence, the moderator's roster, hence attendance and certificates) until the
// cue, and the ghost sweep leaves the connection alone while it waits.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ACTIVE_FROM_ATTRIBUTE, EVENTS, livekitRoomName, type Assignment } from '@live-workshop/shared';
import { waitFor } from '@live-workshop/testkit';
import { register } from './harness.js';
import { startLiveKitWorld, type LiveKitWorld } from './liveKitHarness.js';

const EVENT_ID = 'microcredentials-2025';

let world: LiveKitWorld;
beforeAll(async () => {
  world = await startLiveKitWorld();
});
afterAll(async () => {
  await world?.close();
});

test('a pre-joined connection is listed by LiveKit with its attribute, counts as absent until the cue, then present; the sweep keeps it', async () => {
  const { app, url, rooms, join } = world;
  const openPage = world.openPerson;
  const moderator = await join((await app.staffLinks()).find((l) => l.id === 'anastasia-pouliou')!.url.split('/join/')[1]!);
  const { body } = await register(url, { name: 'Pre Joiner', email: 'prejoiner@example.org', preferences: ['trust'] });
  const attendee = await join(body.credential);
  await moderator.command({ type: 'openDoors' });
  await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
  await moderator.command({ type: 'start' });
  const plenary = await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');

  await attendee.next(EVENTS.agendaChanged, (s) => s.phaseKey === 'item:0');
  // The plenary's token came before its cue, as the prepared assignment (or after it, for a late one).
  const current = [...attendee.all(EVENTS.assignmentPrepared), ...attendee.all(EVENTS.assignmentChanged)].find((a) => a.phaseKey === 'item:0' && a.token !== null) as Assignment;
  const next = await attendee.next(EVENTS.assignmentPrepared, (a) => a.phaseKey === 'item:1') as Assignment;
  expect(next.roomId).toBe('breakout:trust');
  const inPlenary = await openPage();
  const preJoined = await openPage();
  expect(await inPlenary.connect(current.livekitUrl, current.token!)).toMatchObject({ ok: true });
  expect(await preJoined.connect(next.livekitUrl, next.token!)).toMatchObject({ ok: true });

  const breakoutRoom = livekitRoomName(EVENT_ID, 'breakout:trust');
  const listed = await waitFor(async () => (await rooms.listParticipants(breakoutRoom)).find((p) => p.identity === body.participantId), { what: 'pre-join listed by LiveKit' });
  expect(listed.attributes[ACTIVE_FROM_ATTRIBUTE]).toBe('1');
  // The signed webhook told presence about both connections; only the plenary counts.
  await waitFor(() => app.presence.preJoinedRoomsOf(body.participantId).join() === 'breakout:trust' && app.presence.roomsOf(body.participantId).join() === 'plenary', { what: 'webhook presence' });

  // The sweep reads LiveKit's list (with attributes): the pre-join is neither a ghost nor present.
  expect(await app.reconcilePresence()).toEqual([]);
  expect(app.presence.roomsOf(body.participantId)).toEqual(['plenary']);
  // The moderator's roster (published coalesced) shows the plenary only.
  const presentIn = () => moderator.all(EVENTS.rosterChanged).at(-1)?.entries.find((e) => e.id === body.participantId)?.presentIn.join() ?? '';
  await waitFor(() => presentIn() === 'plenary', { what: 'roster shows the plenary' });

  expect(await moderator.command({ type: 'next' }, plenary.version)).toMatchObject({ ok: true });
  await attendee.next(EVENTS.agendaChanged, (s) => s.phaseKey === 'item:1');
  // No new connection and no LiveKit call: the cue itself makes the pre-join count.
  expect(app.presence.roomsOf(body.participantId).sort()).toEqual(['breakout:trust', 'plenary']);
  expect(app.presence.preJoinedRoomsOf(body.participantId)).toEqual([]);
  await waitFor(() => presentIn().includes('breakout:trust'), { what: 'roster shows the breakout' });
});

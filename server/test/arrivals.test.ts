import { afterEach, expect, test } from 'vitest';
import { EVENTS, type RosterView } from '@live-workshop/shared';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { postWebhook } from './aroundHarness.js';
import { connectClient, register, startTestApp, type TestClient } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const report = (client: TestClient, phaseKey: string, roomId: string, outcome?: 'started' | 'connected' | 'failed') =>
  client.request(EVENTS.moveReport, { phaseKey, roomId, cueToConnectedMs: 120, cueToPublishingMs: null, ...(outcome ? { outcome } : {}) } as never);

const entryOf = (roster: RosterView, id: string) => roster.entries.find((e) => e.id === id);

test('the moderator sees each move land: cue received, connected, then in the room; reports for other items or rooms change nothing', async () => {
  const started = await startTestApp({ livekit: new MemoryLiveKit() });
  cleanups.push(() => started.app.close());
  const links = await started.app.staffLinks();
  const moderatorCredential = links.find((l) => l.id === 'anastasia-pouliou')!.url.split('/join/')[1]!;
  const moderator = await connectClient(started.url, moderatorCredential, cleanups);
  const ann = (await register(started.url, { name: 'Ann', email: 'ann@example.org', preferences: ['trust'] })).body;
  const annClient = await connectClient(started.url, ann.credential, cleanups);

  await moderator.command({ type: 'openDoors' }, started.app.agenda.state.version);
  await moderator.command({ type: 'start' }, started.app.agenda.state.version);
  await moderator.command({ type: 'next' }, started.app.agenda.state.version);
  const cue = await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');

  // Nothing reported yet: the roster says nothing of the move.
  const before = await moderator.next(EVENTS.rosterChanged, (r) => entryOf(r, ann.participantId)?.plannedRoom === 'breakout:trust');
  expect(entryOf(before, ann.participantId)!.move).toBeNull();

  expect(await report(annClient, cue.phaseKey, 'breakout:trust', 'started')).toMatchObject({ ok: true });
  const delivered = await moderator.next(EVENTS.rosterChanged, (r) => entryOf(r, ann.participantId)?.move?.stage === 'delivered');
  expect(entryOf(delivered, ann.participantId)!.move).toMatchObject({ phaseKey: 'item:1', roomId: 'breakout:trust', stage: 'delivered' });

  // A report for the item before is stale: ignored. A room that does not exist is bad input: refused.
  await report(annClient, 'item:0', 'plenary', 'failed');
  const refused = await report(annClient, cue.phaseKey, 'breakout:Nope!', 'failed');
  expect(refused).toMatchObject({ ok: false, code: 'invalid_payload', message: 'Invalid move report: roomId: Invalid input.' });
  await report(annClient, cue.phaseKey, 'breakout:trust');
  const connected = await moderator.next(EVENTS.rosterChanged, (r) => entryOf(r, ann.participantId)?.move?.stage === 'connected');
  expect(moderator.all(EVENTS.rosterChanged).some((r) => entryOf(r, ann.participantId)?.move?.stage === 'failed')).toBe(false);
  // A late "started" never undoes "connected".
  await report(annClient, cue.phaseKey, 'breakout:trust', 'started');
  expect(entryOf(connected, ann.participantId)!.presentIn).not.toContain('breakout:trust');

  await postWebhook(started.url, 'participant_joined', 'breakout-trust', ann.participantId);
  const inRoom = await moderator.next(EVENTS.rosterChanged, (r) => entryOf(r, ann.participantId)?.presentIn.includes('breakout:trust') === true);
  expect(entryOf(inRoom, ann.participantId)!.move?.stage).toBe('connected');
  expect(started.app.agenda.state.participants[ann.participantId]).toBeDefined();
});

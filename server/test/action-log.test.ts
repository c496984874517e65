import { afterEach, expect, test } from 'vitest';
import { EVENTS, type ActionLogLine } from '@live-workshop/shared';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { connectClient, register, startTestApp } from './harness.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const summary = (l: ActionLogLine) => [l.byName ?? l.by.kind, l.action.type, l.itemIndex, l.participantName ?? l.action.text ?? null];

test('co-moderators see who cued and changed what, as it happens and after a restart; attendees never see the log', async () => {
  const first = await startTestApp({ livekit: new MemoryLiveKit() });
  let app = first.app;
  cleanups.push(() => app.close());
  const links = await app.staffLinks();
  const credentialOf = (id: string) => links.find((l) => l.id === id)!.url.split('/join/')[1]!;
  const anastasia = await connectClient(first.url, credentialOf('anastasia-pouliou'), cleanups);
  const iraklis = await connectClient(first.url, credentialOf('iraklis-pliakis'), cleanups);
  const ann = (await register(first.url, { name: 'Ann', email: 'ann@example.org', preferences: ['trust'] })).body;
  const annClient = await connectClient(first.url, ann.credential, cleanups);

  await anastasia.command({ type: 'openDoors' }, app.agenda.state.version);
  await iraklis.command({ type: 'start' }, app.agenda.state.version);
  await annClient.command({ type: 'raiseHand' }, app.agenda.state.version);
  await iraklis.command({ type: 'broadcast', text: 'Welcome, everyone' }, app.agenda.state.version);
  await anastasia.command({ type: 'reassign', participantId: ann.participantId, breakoutId: 'global' }, app.agenda.state.version);
  expect((await annClient.command({ type: 'next' }, app.agenda.state.version)).ok).toBe(false);

  const expected = [
    ['Anastasia Pouliou', 'openDoors', null, null],
    ['Iraklis Pliakis', 'start', 0, null],
    ['Iraklis Pliakis', 'broadcast', 0, 'Welcome, everyone'],
    ['Anastasia Pouliou', 'reassign', 0, 'Ann'],
  ];
  // Each moderator hears of the other's actions (and their own), one line each, in order.
  await anastasia.next(EVENTS.actionsLogged, (lines) => lines.some((l) => l.action.type === 'reassign'));
  for (const m of [anastasia, iraklis]) {
    const heard = m.all(EVENTS.actionsLogged).flat().map(summary);
    expect(heard.slice(-4)).toEqual(expected);
  }
  // Nothing of it reaches an attendee; an attendee's raised hand and refused command are not in it.
  expect(annClient.all(EVENTS.actionsLogged)).toEqual([]);

  // After a restart on the same data file, a moderator connecting gets the log.
  await app.close();
  const second = await startTestApp({ livekit: new MemoryLiveKit(), dbPath: first.dbPath });
  app = second.app;
  const later = await connectClient(second.url, credentialOf('maite-santos'), cleanups);
  const greeted = await later.next(EVENTS.actionsLogged, (lines) => lines.length > 0);
  expect(greeted.map(summary)).toEqual(expected);
  expect(greeted.every((l) => typeof l.at === 'number' && l.at > 0)).toBe(true);
});

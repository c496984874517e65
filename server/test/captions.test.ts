// Live captions with a captioner invited by link: their lines reach attendees' Socket.IO clients,
// and anyone in the event downloads the transcript of an agenda item afterwards.
import { afterEach, expect, test } from 'vitest';
import { EVENTS } from '@live-workshop/shared';
import type { App } from '../src/app.js';
import { register, seedEventFor, staffCredential, startTestApp, TestClient } from './harness.js';

const clients: TestClient[] = [];
let app: App | null = null;
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await app?.close();
});

test('a captioner joins by their link; their lines reach the plenary; the transcript downloads after the item', async () => {
  const event = { ...seedEventFor(Date.now()), captioners: [{ id: 'cart-writer', name: 'CART writer' }] };
  const started = await startTestApp({ event });
  app = started.app;
  const links = await app.staffLinks();
  expect(links.find((l) => l.id === 'cart-writer')).toMatchObject({ role: 'captioner', name: 'CART writer' });
  const connect = async (credential: string) => {
    const c = new TestClient(started.url, credential);
    clients.push(c);
    await c.connected();
    return c;
  };
  const moderator = await connect(await staffCredential(app, 'anastasia-pouliou'));
  const captioner = await connect(await staffCredential(app, 'cart-writer'));
  expect((await captioner.next(EVENTS.welcome)).participant.role).toBe('captioner');
  const ada = await register(started.url, { name: 'Ada Viewer', email: 'ada.viewer@example.org', preferences: ['skills'] });
  const viewer = await connect(ada.body.credential);

  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  await moderator.command({ type: 'start' }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);
  await viewer.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');
  expect(await captioner.request(EVENTS.captionSend, { roomId: 'plenary', text: 'Good morning, everyone.', final: true })).toMatchObject({ ok: true });
  expect(await viewer.next(EVENTS.captionAdded, (l) => l.final)).toMatchObject({ roomId: 'plenary', text: 'Good morning, everyone.', source: 'captioner' });
  expect(await viewer.request(EVENTS.captionSend, { roomId: 'plenary', text: 'not mine to write', final: true })).toMatchObject({ ok: false, code: 'forbidden' });

  const transcript = await fetch(`${started.url}/api/captions/transcript?roomId=plenary&item=0`, { headers: { authorization: `Bearer ${ada.body.credential}` } });
  expect(transcript.status).toBe(200);
  expect(transcript.headers.get('content-disposition')).toContain('plenary-item-1-captions.txt');
  expect(await transcript.text()).toMatch(/^\[\d\d:\d\d:\d\d\] Good morning, everyone\.\n$/);
  expect((await fetch(`${started.url}/api/captions/transcript?roomId=plenary`)).status).toBe(401);
  expect((await fetch(`${started.url}/api/captions/transcript?roomId=nowhere`, { headers: { authorization: `Bearer ${ada.body.credential}` } })).status).toBe(400);
});

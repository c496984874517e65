// Live captions with a captioner invited by link: their lines reach attendees' Socket.IO clients,
// and anyone in the event downloads the transcript of an agenda item afterwards.
import { afterEach, expect, test } from 'vitest';
import { EVENTS, livekitRoomName } from '@live-workshop/shared';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import type { App } from '../src/app.js';
import { register, seedEventFor, staffCredential, startTestApp, TestClient } from './harness.js';

const clients: TestClient[] = [];
let app: App | null = null;
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await app?.close();
});

/** The seed workshop with a captioner: its app, a moderator and the captioner connected, a way to connect attendees, and one to open the doors and start the opening plenary. */
async function startedWithCaptioner(livekit = new MemoryLiveKit()) {
  const event = { ...seedEventFor(Date.now()), captioners: [{ id: 'cart-writer', name: 'CART writer' }] };
  const started = await startTestApp({ event, livekit });
  app = started.app;
  const connect = async (credential: string) => {
    const c = new TestClient(started.url, credential);
    clients.push(c);
    await c.connected();
    return c;
  };
  const moderator = await connect(await staffCredential(started.app, 'anastasia-pouliou'));
  const captioner = await connect(await staffCredential(started.app, 'cart-writer'));
  const attendee = async (name: string, breakoutId: string) => {
    const { body } = await register(started.url, { name, email: `${name.toLowerCase().replace(' ', '.')}@example.org`, preferences: [breakoutId] });
    return { client: await connect(body.credential), credential: body.credential };
  };
  const startPlenary = async () => {
    await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
    await moderator.command({ type: 'start' }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);
  };
  return { event, started, app: started.app, moderator, captioner, attendee, startPlenary };
}

test('a captioner joins by their link; their lines reach the plenary; the transcript downloads after the item', async () => {
  const { started, app: running, captioner, attendee, startPlenary } = await startedWithCaptioner();
  const links = await running.staffLinks();
  expect(links.find((l) => l.id === 'cart-writer')).toMatchObject({ role: 'captioner', name: 'CART writer' });
  expect((await captioner.next(EVENTS.welcome)).participant.role).toBe('captioner');
  const { client: viewer, credential } = await attendee('Ada Viewer', 'skills');
  await startPlenary();
  await viewer.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');
  expect(await captioner.request(EVENTS.captionSend, { roomId: 'plenary', text: 'Good morning, everyone.', final: true })).toMatchObject({ ok: true });
  expect(await viewer.next(EVENTS.captionAdded, (l) => l.final)).toMatchObject({ roomId: 'plenary', text: 'Good morning, everyone.', source: 'captioner' });
  expect(await viewer.request(EVENTS.captionSend, { roomId: 'plenary', text: 'not mine to write', final: true })).toMatchObject({ ok: false, code: 'forbidden' });

  const transcript = await fetch(`${started.url}/api/captions/transcript?roomId=plenary&item=0`, { headers: { authorization: `Bearer ${credential}` } });
  expect(transcript.status).toBe(200);
  expect(transcript.headers.get('content-disposition')).toContain('plenary-item-1-captions.txt');
  expect(await transcript.text()).toMatch(/^\[\d\d:\d\d:\d\d\] Good morning, everyone\.\n$/);
  expect((await fetch(`${started.url}/api/captions/transcript?roomId=plenary`)).status).toBe(401);
  expect((await fetch(`${started.url}/api/captions/transcript?roomId=nowhere`, { headers: { authorization: `Bearer ${credential}` } })).status).toBe(400);
});

test('a captioner chooses a breakout: they listen there unseen and unable to publish, and their lines reach that room only', async () => {
  const livekit = new MemoryLiveKit();
  const { event, moderator, captioner, attendee, startPlenary } = await startedWithCaptioner(livekit);
  const inSkills = (await attendee('Sam Skills', 'skills')).client;
  const inTrust = (await attendee('Tess Trust', 'trust')).client;
  const captionerId = (await captioner.next(EVENTS.welcome)).participant.id;

  await startPlenary();
  const plenary = await captioner.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary');
  // Chosen during the plenary; it applies once the breakouts run.
  expect(await captioner.command({ type: 'captionRoom', breakoutId: 'skills' }, plenary.version)).toMatchObject({ ok: true });
  await moderator.command({ type: 'next' }, plenary.version);
  await inSkills.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
  await inTrust.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
  const breakouts = await captioner.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
  const grants = () => livekit.minted.filter((g) => g.identity === captionerId);
  // Every token a captioner gets listens only, and hides them from the room's people.
  expect(grants().length).toBeGreaterThan(0);
  for (const g of grants()) expect(g).toMatchObject({ canPublish: false, canPublishSources: [], hidden: true });
  expect(grants().some((g) => g.room === livekitRoomName(event.id, 'breakout:skills'))).toBe(true);
  expect(livekit.minted.filter((g) => g.identity !== captionerId).every((g) => !g.hidden)).toBe(true);

  expect(await captioner.request(EVENTS.captionSend, { roomId: 'breakout:skills', text: 'Welcome to the skills room.', final: true })).toMatchObject({ ok: true });
  expect(await inSkills.next(EVENTS.captionAdded, (l) => l.final)).toMatchObject({ roomId: 'breakout:skills', text: 'Welcome to the skills room.' });
  // Not the room they listen to: refused, nothing sent.
  for (const roomId of ['breakout:trust', 'plenary'] as const) {
    expect(await captioner.request(EVENTS.captionSend, { roomId, text: 'Somewhere else.', final: true })).toMatchObject({ ok: false, code: 'forbidden' });
  }
  // Nobody writes as another source, and a captioner moves nobody but themselves.
  expect(await captioner.request(EVENTS.captionSend, { roomId: 'breakout:skills', text: 'x', final: true, source: 'asr' } as never)).toMatchObject({ ok: false, code: 'invalid_payload' });
  expect(await captioner.command({ type: 'reassign', participantId: captionerId, breakoutId: 'trust' }, breakouts.version)).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await inSkills.command({ type: 'captionRoom', breakoutId: 'trust' }, breakouts.version)).toMatchObject({ ok: false, code: 'forbidden' });

  // Switching to the trust room during the breakouts: a listening token for it, and lines go there.
  expect(await captioner.command({ type: 'captionRoom', breakoutId: 'trust' }, breakouts.version)).toMatchObject({ ok: true });
  expect(await captioner.next(EVENTS.assignmentChanged, (a) => a.roomId === 'breakout:trust')).toMatchObject({ canPublish: false });
  expect(await captioner.request(EVENTS.captionSend, { roomId: 'breakout:trust', text: 'Now in the trust room.', final: true })).toMatchObject({ ok: true });
  expect(await inTrust.next(EVENTS.captionAdded, (l) => l.final)).toMatchObject({ roomId: 'breakout:trust', text: 'Now in the trust room.' });
  await inSkills.next(EVENTS.captionAdded, (l) => l.text === 'Welcome to the skills room.');
  expect(inTrust.all(EVENTS.captionAdded).map((l) => l.text)).toStrictEqual(['Now in the trust room.']);
  expect(inSkills.all(EVENTS.captionAdded).map((l) => l.text)).toStrictEqual(['Welcome to the skills room.']);
  for (const g of grants()) expect(g).toMatchObject({ canPublish: false, hidden: true });
});

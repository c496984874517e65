// A breakout room's facilitator mutes the people of their room, and only them; moderators anyone;
// attendees nobody. What LiveKit is asked (the in-memory LiveKit records the muted microphones).
import { afterEach, expect, test } from 'vitest';
import { EVENTS, livekitRoomName, type EventConfig } from '@live-workshop/shared';
import type { App } from '../src/app.js';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { register, seedEventFor, staffCredential, startTestApp, TestClient } from './harness.js';

const clients: TestClient[] = [];
const apps: App[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const a of apps.splice(0)) await a.close();
});

test('the facilitator mutes someone in their own room; not in another room, not before the breakouts; moderators anyone; attendees nobody', async () => {
  const seed = seedEventFor(Date.now());
  const event: EventConfig = { ...seed, agenda: seed.agenda.map((item) => (item.kind === 'breakouts' ? { ...item, staffPlacement: 'breakouts' as const } : item)) };
  const livekit = new MemoryLiveKit();
  const { app, url } = await startTestApp({ event, livekit });
  apps.push(app);
  const connect = async (credential: string) => {
    const c = new TestClient(url, credential);
    clients.push(c);
    await c.connected();
    return c;
  };
  const ada = await register(url, { name: 'Ada Skills', email: 'ada@example.org', preferences: ['skills'] });
  const bo = await register(url, { name: 'Bo Trust', email: 'bo@example.org', preferences: ['trust'] });
  const [moderator, lead, adaC] = [await connect(await staffCredential(app, 'anastasia-pouliou')), await connect(await staffCredential(app, 'research-lead')), await connect(ada.body.credential)];
  const moderate = (action: Parameters<TestClient['command']>[0]) => moderator.command(action, app.agenda.state.version);
  expect(await moderate({ type: 'reassign', participantId: 'research-lead', breakoutId: 'skills' })).toMatchObject({ ok: true });
  expect(await moderate({ type: 'reassign', participantId: ada.body.participantId, breakoutId: 'skills' })).toMatchObject({ ok: true });
  expect(await moderate({ type: 'reassign', participantId: bo.body.participantId, breakoutId: 'trust' })).toMatchObject({ ok: true });
  const room = (id: string) => livekitRoomName(event.id, `breakout:${id}`);
  const mute = (who: TestClient, participantId: string) => who.request(EVENTS.roomMute, { participantId });

  await moderate({ type: 'openDoors' });
  await moderate({ type: 'start' });
  livekit.rooms.set(livekitRoomName(event.id, 'plenary'), new Set([ada.body.participantId]));
  // The opening plenary: a speaker is no facilitator there.
  expect(await mute(lead, ada.body.participantId)).toMatchObject({ ok: false, code: 'forbidden' });

  await moderate({ type: 'next' });
  livekit.rooms.set(room('skills'), new Set([ada.body.participantId, 'research-lead']));
  livekit.rooms.set(room('trust'), new Set([bo.body.participantId]));
  expect(await mute(lead, ada.body.participantId)).toEqual({ ok: true, data: { muted: 1 } });
  expect([...livekit.mutedMicrophones]).toEqual([`${room('skills')}/${ada.body.participantId}`]);
  // Muted already: nothing more to mute.
  expect(await mute(lead, ada.body.participantId)).toEqual({ ok: true, data: { muted: 0 } });
  expect(await mute(lead, bo.body.participantId)).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await mute(adaC, 'research-lead')).toMatchObject({ ok: false, code: 'forbidden' });
  expect(await mute(lead, 'nobody-here')).toMatchObject({ ok: false, code: 'unknown_participant' });
  expect(await lead.request(EVENTS.roomMute, { participantId: 42 } as never)).toMatchObject({ ok: false, code: 'invalid_payload' });
  expect([...livekit.mutedMicrophones]).toEqual([`${room('skills')}/${ada.body.participantId}`]);
  // A moderator mutes anyone, in the room they are in.
  expect(await mute(moderator, bo.body.participantId)).toEqual({ ok: true, data: { muted: 1 } });
  expect(livekit.mutedMicrophones.has(`${room('trust')}/${bo.body.participantId}`)).toBe(true);
});

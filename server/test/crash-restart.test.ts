// The server process is SIGKILLed in the middle of the breakouts and started again:
// nothing acknowledged before the kill is lost, and clients come back by themselves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EVENTS, type AgendaSnapshot } from '@live-workshop/shared';
import { freeTcpPort, startLiveKitServer, startServerProcess, type RunningLiveKit, type ServerProcess } from '@live-workshop/testkit';
import { register, TestClient } from './harness.js';


let lk: RunningLiveKit;
let server: ServerProcess | null = null;
const clients: TestClient[] = [];
let env: Record<string, string>;

beforeAll(async () => {
  const port = await freeTcpPort();
  lk = await startLiveKitServer({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
  env = {
    PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'lw-crash-')), LIVEKIT_URL: lk.url, LIVEKIT_API_KEY: lk.apiKey,
    LIVEKIT_API_SECRET: lk.apiSecret, SESSION_SECRET: 'crash-test-session-secret-000', CLIENT_DIST: '/nonexistent',
  };
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.kill('SIGKILL');
  await lk?.stop();
});

test('SIGKILL mid-breakouts: phase, deadline, assignments, registrations and chat survive; clients reconnect', async () => {
  server = await startServerProcess(env);
  const url = server.url;
  const moderatorCredential = server.links.find((l) => l.role === 'moderator')!.url.split('/join/')[1]!;
  const moderator = new TestClient(url, moderatorCredential, undefined, { reconnection: true });
  clients.push(moderator);
  await moderator.connected();

  const people: { id: string; credential: string; client: TestClient }[] = [];
  for (const [i, pref] of ['skills', 'trust', 'global', 'uncharted'].entries()) {
    const { body } = await register(url, { name: `Crash ${i}`, email: `crash${i}@example.org`, preferences: [pref] });
    const client = new TestClient(url, body.credential, undefined, { reconnection: true });
    clients.push(client);
    await client.connected();
    people.push({ id: body.participantId, credential: body.credential, client });
  }
  await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
  await moderator.command({ type: 'start' }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);
  await moderator.command({ type: 'next' }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'plenary')).version);
  const breakouts = await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
  expect(await moderator.command({ type: 'reassign', participantId: people[0]!.id, breakoutId: 'trust' })).toMatchObject({ ok: true });
  const chat = await people[1]!.client.request(EVENTS.chatSend, { text: 'Hello from the trust room' });
  expect(chat).toMatchObject({ ok: true });

  const before = await people[0]!.client.request(EVENTS.sessionResync, {});
  expect(before.ok && before.data.current.roomId).toBe('breakout:trust');

  const everyone = [moderator, ...people.map((x) => x.client)];
  const seenBeforeKill = everyone.map((c) => c.all(EVENTS.agendaChanged).length);
  await server.kill('SIGKILL');
  const disconnected = Promise.all(people.map((p) => new Promise<void>((r) => (p.client.socket.connected ? p.client.socket.once('disconnect', () => r()) : r()))));
  await disconnected;
  server = await startServerProcess(env);

  // Clients reconnect by themselves and receive the same phase with the same absolute deadline.
  for (const [i, p] of everyone.entries()) {
    const seen = seenBeforeKill[i]!;
    const snapshot: AgendaSnapshot = await p.next(EVENTS.agendaChanged, (s) => p.all(EVENTS.agendaChanged).indexOf(s) >= seen);
    expect(snapshot.phaseKey).toBe('item:1');
    expect(snapshot.version).toBe(breakouts.version);
    expect(snapshot.phase).toStrictEqual(breakouts.phase);
  }
  const after = await people[0]!.client.request(EVENTS.sessionResync, {});
  expect(after.ok && after.data.current.roomId).toBe('breakout:trust');
  const trustChat = await people[1]!.client.request(EVENTS.sessionResync, {});
  expect(trustChat.ok && trustChat.data.chat.map((m) => m.text)).toEqual(['Hello from the trust room']);

  // Registrations survived: registering again gives the same person back.
  const again = await register(server.url, { name: 'Crash 2', email: 'crash2@example.org', preferences: ['global'] });
  expect(again.status).toBe(202);
  expect(again.body.participantId).toBe(people[2]!.id);

  // The restored server still obeys the version it had: a stale command is refused, a fresh one works.
  expect(await moderator.command({ type: 'endBreakouts' }, breakouts.version - 1)).toMatchObject({ ok: false, code: 'stale_version' });
  expect(await moderator.command({ type: 'endBreakouts' }, breakouts.version)).toMatchObject({ ok: true });
});

// Nobody gets in, or into a room, a role or a command that is not theirs; bad input changes nothing.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, test } from 'vitest';
import { AccessToken } from 'livekit-server-sdk';
import { EVENTS } from '@live-workshop/shared';
import { readConfig } from '../src/platform/config.js';
import { ManualTime } from '../src/platform/clock.js';
import { register, startTestApp, TestClient } from './harness.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(options: Parameters<typeof startTestApp>[0] = {}) {
  const started = await startTestApp(options);
  cleanups.push(() => started.app.close());
  const links = await started.app.staffLinks();
  const moderatorCredential = links.find((l) => l.role === 'moderator')!.url.split('/join/')[1]!;
  const client = (credential: string, opts: { origin?: string } = {}) => {
    const c = new TestClient(started.url, credential, undefined, { origin: opts.origin });
    cleanups.push(() => c.close());
    return c;
  };
  return { ...started, moderatorCredential, client };
}

const signedWebhook = async (body: string, secret = 'secret') => {
  const token = new AccessToken('devkey', secret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
};

describe('credentials', () => {
  test('an expired join link is refused', async () => {
    const time = new ManualTime(Date.now());
    const w = await setup({ clock: time });
    const { body } = await register(w.url, { name: 'Late', email: 'late@example.org' });
    time.advanceBy(61 * 24 * 3600 * 1000);
    await expect(w.client(body.credential).connected()).rejects.toThrow('unauthorized');
  });

  test('a revoked link is refused at the next connection, a fresh one works', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Rev', email: 'rev@example.org' });
    await w.client(body.credential).connected();
    w.app.people.revokeCredentials(body.participantId);
    await expect(w.client(body.credential).connected()).rejects.toThrow('revoked');
    const fresh = await w.app.credentials.issue(body.participantId, 3600);
    await w.client(fresh).connected();
  });

  test('a credential signed with another secret is refused', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Forger', email: 'forger@example.org' });
    const [header, payload] = body.credential.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'moderator' })).toString('base64url');
    await expect(w.client(`${header}.${promoted}.${body.credential.split('.')[2]}`).connected()).rejects.toThrow('unauthorized');
  });
});

describe('rooms and roles', () => {
  test('an attendee cannot get a token for a room they are not assigned to', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Nosy', email: 'nosy@example.org', preferences: ['skills'] });
    const nosy = w.client(body.credential);
    await nosy.connected();
    for (const roomId of ['backstage', 'plenary', 'breakout:trust'] as const) {
      expect(await nosy.request(EVENTS.roomVisit, { roomId })).toMatchObject({ ok: false, code: 'forbidden' });
    }
    const moderator = w.client(w.moderatorCredential);
    await moderator.connected();
    expect(await moderator.request(EVENTS.roomVisit, { roomId: 'breakout:trust' })).toMatchObject({ ok: true, data: { roomId: 'breakout:trust', canPublish: true } });
    expect(await moderator.request(EVENTS.roomVisit, { roomId: 'breakout:nowhere' })).toMatchObject({ ok: false, code: 'unknown_breakout' });
  });

  test('a browser page from another origin cannot open a socket', async () => {
    const w = await setup();
    await expect(w.client(w.moderatorCredential, { origin: 'http://evil.example' }).connected()).rejects.toThrow();
    await w.client(w.moderatorCredential, { origin: 'http://localhost:3000' }).connected();
  });

  test('a cue sent while an attendee is offline puts them in the right room on return', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Away', email: 'away@example.org', preferences: ['global'] });
    const away = w.client(body.credential);
    await away.connected();
    away.close();
    const moderator = w.client(w.moderatorCredential);
    await moderator.connected();
    await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
    await moderator.command({ type: 'goTo', itemIndex: 1 }, (await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby')).version);
    await moderator.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'breakouts');
    const back = w.client(body.credential);
    await back.connected();
    expect(await back.next(EVENTS.assignmentChanged)).toMatchObject({ phaseKey: 'item:1', roomId: 'breakout:global', canPublish: true });
    const versions = back.all(EVENTS.agendaChanged).map((s) => s.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });
});

describe('limits', () => {
  test('a flooding client gets rate-limit answers, stays connected, and others keep receiving cues', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Flood', email: 'flood@example.org' });
    const flood = w.client(body.credential);
    const { body: calmBody } = await register(w.url, { name: 'Calm', email: 'calm@example.org' });
    const calm = w.client(calmBody.credential);
    const moderator = w.client(w.moderatorCredential);
    await Promise.all([flood.connected(), calm.connected(), moderator.connected()]);
    const answers = await Promise.all(Array.from({ length: 500 }, () => flood.request(EVENTS.helpRequest, { text: 'help!' })));
    const limited = answers.filter((a) => !a.ok && a.code === 'rate_limited').length;
    expect(limited).toBeGreaterThanOrEqual(450);
    expect(await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version)).toMatchObject({ ok: true });
    await calm.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    expect(flood.socket.connected).toBe(true);
  });

  test('a message over the size limit closes only the sender\'s connection', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Huge', email: 'huge@example.org' });
    const huge = w.client(body.credential);
    const { body: otherBody } = await register(w.url, { name: 'Other', email: 'other@example.org' });
    const other = w.client(otherBody.credential);
    const moderator = w.client(w.moderatorCredential);
    await Promise.all([huge.connected(), other.connected(), moderator.connected()]);
    const closed = new Promise<string>((resolve) => huge.socket.once('disconnect', (reason) => resolve(reason)));
    huge.socket.emit(EVENTS.chatSend, { text: 'x'.repeat(100 * 1024) }, () => undefined);
    expect(await closed).toBe('transport close');
    expect(await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version)).toMatchObject({ ok: true });
    await other.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    expect(other.socket.connected).toBe(true);
  });

  test('chat: too long is refused with a clear error; sending too fast is limited', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Chatty', email: 'chatty@example.org' });
    const chatty = w.client(body.credential);
    const moderator = w.client(w.moderatorCredential);
    await Promise.all([chatty.connected(), moderator.connected()]);
    await moderator.command({ type: 'openDoors' }, (await moderator.next(EVENTS.agendaChanged)).version);
    await chatty.next(EVENTS.agendaChanged, (s) => s.phase.kind === 'lobby');
    expect(await chatty.request(EVENTS.chatSend, { text: 'x'.repeat(1001) })).toMatchObject({ ok: false, code: 'invalid_payload' });
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) => chatty.request(EVENTS.chatSend, { text: `hi ${i}` })));
    expect(burst.filter((r) => r.ok)).toHaveLength(3);
    expect(burst.filter((r) => !r.ok && r.code === 'rate_limited')).toHaveLength(7);
  });

  test('a speaker receives only the raised hands of the roster, never everyone\'s names, preferences and presence', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Quiet Ann', email: 'ann@example.org' });
    const speakerCredential = (await w.app.staffLinks()).find((l) => l.role === 'speaker')!.url.split('/join/')[1]!;
    const speaker = w.client(speakerCredential);
    const moderator = w.client(w.moderatorCredential);
    await Promise.all([speaker.connected(), moderator.connected()]);
    const moderatorView = await moderator.next(EVENTS.rosterChanged);
    expect(moderatorView.entries.map((e) => e.id)).toContain(body.participantId);
    const speakerView = await speaker.next(EVENTS.rosterChanged);
    expect(speakerView.entries).toEqual([]);
    expect(JSON.stringify(speaker.all(EVENTS.rosterChanged))).not.toContain('Quiet Ann');
  });

  test('help requests: three a minute per person reach the moderators; more are refused with a clear answer', async () => {
    const w = await setup();
    const { body } = await register(w.url, { name: 'Needy', email: 'needy@example.org' });
    const needy = w.client(body.credential);
    const { body: otherBody } = await register(w.url, { name: 'Other', email: 'other@example.org' });
    const other = w.client(otherBody.credential);
    const moderator = w.client(w.moderatorCredential);
    await Promise.all([needy.connected(), other.connected(), moderator.connected()]);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await needy.request(EVENTS.helpRequest, { text: `help ${i}` }));
    expect(answers.map((a) => a.ok)).toEqual([true, true, true, false, false, false]);
    expect(answers[3]).toMatchObject({ ok: false, code: 'rate_limited', message: expect.stringContaining('reached the moderators') });
    // Someone else is not held back by the flood.
    expect(await other.request(EVENTS.helpRequest, { text: 'my audio' })).toMatchObject({ ok: true });
    await moderator.next(EVENTS.helpRequested, (h) => h.text === 'my audio');
    expect(moderator.all(EVENTS.helpRequested).map((h) => h.text)).toEqual(['help 0', 'help 1', 'help 2', 'my audio']);
  });

  test('registrations per address are limited with a clear answer; a bad form gets per-field messages', async () => {
    const started = await startTestApp({ registrationLimits: { perAddress: 3 } });
    cleanups.push(() => started.app.close());
    const bad = await register(started.url, { name: '', email: 'not-an-email' });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors).toMatchObject({ name: expect.any(String), email: expect.any(String) });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await register(started.url, { name: `R${i}`, email: `r${i}@example.org` })).status);
    expect(statuses).toEqual([202, 202, 429]);
    const limited = await register(started.url, { name: 'R9', email: 'r9@example.org' });
    expect(limited).toMatchObject({ status: 429, body: { code: 'rate_limited' } });
    expect(Object.values(started.app.agenda.state.participants).filter((p) => p.role === 'attendee')).toHaveLength(2);
  });
});

describe('HTTP edges', () => {
  test('security headers are set', async () => {
    const w = await setup();
    const res = await fetch(`${w.url}/api/event`);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  test('webhooks: a valid signature updates presence; a bad signature or a tampered body is refused', async () => {
    const w = await setup();
    const body = JSON.stringify({ event: 'participant_joined', room: { name: 'microcredentials-2025--breakout-trust' }, participant: { identity: 'maite-santos' }, id: 'EV_1', createdAt: 1 });
    const post = (payload: string, auth: string) => fetch(`${w.url}/livekit/webhook`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: auth }, body: payload });
    expect((await post(body, await signedWebhook(body, 'wrong-secret'))).status).toBe(401);
    expect((await post(body.replace('trust', 'skills'), await signedWebhook(body))).status).toBe(401);
    expect(w.app.presence.roomsOf('maite-santos')).toEqual([]);
    expect((await post(body, await signedWebhook(body))).status).toBe(200);
    expect(w.app.presence.roomsOf('maite-santos')).toEqual(['breakout:trust']);
  });

  test('webhooks: a signed "joined" sent again after "left" (a replay, or an older event) does not make the person present', async () => {
    const w = await setup();
    const event = (kind: string, id: string, createdAt: number) => JSON.stringify({
      event: kind, room: { name: 'microcredentials-2025--breakout-trust' }, participant: { identity: 'maite-santos' }, id, createdAt,
    });
    const post = async (payload: string) => fetch(`${w.url}/livekit/webhook`, {
      method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await signedWebhook(payload) }, body: payload,
    });
    const joined = event('participant_joined', 'EV_join', 100);
    expect((await post(joined)).status).toBe(200);
    expect((await post(event('participant_left', 'EV_left', 160))).status).toBe(200);
    expect(w.app.presence.roomsOf('maite-santos')).toEqual([]);
    // The very same signed event again, then an older one with a new id: both answered, neither taken.
    expect(await (await post(joined)).json()).toEqual({ ok: true, ignored: true });
    expect(await (await post(event('participant_joined', 'EV_join_older', 120))).json()).toEqual({ ok: true, ignored: true });
    expect(w.app.presence.roomsOf('maite-santos')).toEqual([]);
    expect((await post(event('participant_joined', 'EV_rejoin', 200))).status).toBe(200);
    expect(w.app.presence.roomsOf('maite-santos')).toEqual(['breakout:trust']);
  });

  test('production refuses to start with development secrets', () => {
    expect(() => readConfig({ NODE_ENV: 'production' }, [])).toThrow(/LIVEKIT_API_KEY, LIVEKIT_API_SECRET, SESSION_SECRET, LIVEKIT_URL/);
    const production = { NODE_ENV: 'production', LIVEKIT_URL: 'wss://lk.example.org', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's'.repeat(32), SESSION_SECRET: 'x'.repeat(32) };
    expect(() => readConfig({ ...production, SMTP_URL: 'smtp://mail.example.org:587' }, [])).not.toThrow();
    // Join links are only ever mailed: production without a mail server would hand them to no one.
    expect(() => readConfig(production, [])).toThrow(/without SMTP_URL: join links are only ever mailed/);
  });
});

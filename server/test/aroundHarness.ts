// Helpers for the tests of what happens around the live event: HTTP calls with a credential, signed webhooks, a recorded workshop.
import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { ManualTime } from '../src/platform/clock.js';
import { connectClient, register, staffCredential, startTestApp, type TestClient } from './harness.js';

/** 2025-10-23 09:00 in Brussels (CEST, UTC+2): half an hour before the seed workshop starts. */
export const WORKSHOP_MORNING_MS = Date.UTC(2025, 9, 23, 7, 0);
export const MINUTE_MS = 60_000;

/** Call the HTTP API; JSON in, JSON (or text) out. */
export async function api(url: string, path: string, options: { method?: string; credential?: string; body?: unknown } = {}) {
  const res = await fetch(`${url}${path}`, {
    method: options.method ?? 'GET',
    headers: {
      ...(options.credential ? { authorization: `Bearer ${options.credential}` } : {}),
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text, headers: res.headers };
}

/** POST a LiveKit webhook signed like the LiveKit server signs it (dev key and secret), for a room of the seed workshop (or of `eventId`). */
export async function postWebhook(url: string, event: 'participant_joined' | 'participant_left', room: string, identity: string, eventId = 'microcredentials-2025') {
  const body = JSON.stringify({ event, room: { name: `${eventId}--${room}` }, participant: { identity }, id: `EV_${Math.random()}`, createdAt: 1 });
  const token = new AccessToken('devkey', 'secret');
  token.sha256 = createHash('sha256').update(body).digest('base64');
  const res = await fetch(`${url}/livekit/webhook`, { method: 'POST', headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() }, body });
  if (res.status !== 200) throw new Error(`webhook refused: ${res.status}`);
}

/** A seed workshop on a manual clock, with a moderator connected and cleanups collected. */
export async function manualWorkshop(cleanups: (() => unknown)[], options: Parameters<typeof startTestApp>[0] = {}) {
  const time = new ManualTime(WORKSHOP_MORNING_MS);
  const started = await startTestApp({ clock: time, scheduler: time, ...options });
  cleanups.push(() => started.app.close());
  const moderatorCredential = await staffCredential(started.app, 'anastasia-pouliou');
  const connect = (credential: string) => connectClient(started.url, credential, cleanups);
  const moderator = await connect(moderatorCredential);
  /** Run a moderator command against the agenda's current version. */
  const command = (action: Parameters<TestClient['command']>[0]) => moderator.command(action, started.app.agenda.state.version);
  return { ...started, time, moderatorCredential, moderator, connect, command };
}

/**
 * A recorded workshop: Ann stays throughout (plenary, her breakout "trust", back to the plenary),
 * Bob comes 30 minutes late to the plenary and leaves it 5 minutes into the breakouts
 * (he never went to his breakout). The agenda:
 * opening plenary 45 min, breakouts 75 min (ended by their deadline), 30 min of the live segment, then the end.
 */
export async function recordedWorkshop(w: Awaited<ReturnType<typeof manualWorkshop>>) {
  const ann = (await register(w.url, { name: 'Ann Example', email: 'ann@example.org', preferences: ['trust', 'global'] })).body;
  const bob = (await register(w.url, { name: 'Bob Example', email: 'bob@example.org', preferences: ['skills'] })).body;
  const t0 = w.time.now();
  const at = (minutes: number) => w.time.advanceTo(t0 + minutes * MINUTE_MS);

  await w.command({ type: 'openDoors' });
  await w.command({ type: 'start' });
  await postWebhook(w.url, 'participant_joined', 'plenary', ann.participantId);
  at(30);
  await postWebhook(w.url, 'participant_joined', 'plenary', bob.participantId);
  at(45);
  await w.command({ type: 'next' });
  await postWebhook(w.url, 'participant_joined', 'breakout-trust', ann.participantId);
  await postWebhook(w.url, 'participant_left', 'plenary', ann.participantId);
  at(50);
  await postWebhook(w.url, 'participant_left', 'plenary', bob.participantId);
  at(120); // the breakouts' own deadline brings everyone back
  await postWebhook(w.url, 'participant_joined', 'plenary', ann.participantId);
  await postWebhook(w.url, 'participant_left', 'breakout-trust', ann.participantId);
  at(150);
  await w.command({ type: 'end' });
  await postWebhook(w.url, 'participant_left', 'plenary', ann.participantId);
  at(160);
  return { ann, bob, t0 };
}

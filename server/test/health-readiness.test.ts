// /healthz and /readyz: readiness names each failing dependency (LiveKit's room API, the mail
// server) in plain words, and health answers whatever the dependencies do.
import { afterEach, expect, test } from 'vitest';
import { freeTcpPort } from '@live-workshop/testkit';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { startTestApp } from './harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function app(options: Parameters<typeof startTestApp>[0] = {}) {
  const started = await startTestApp(options);
  cleanups.push(() => started.app.close());
  const get = async (path: string) => {
    const res = await fetch(`${started.url}${path}`);
    return { status: res.status, body: await res.json() as Record<string, unknown> };
  };
  return { ...started, get };
}

/** A LiveKit whose room API fails as an unreachable server does. */
class UnreachableLiveKit extends MemoryLiveKit {
  override async listRooms(): Promise<string[]> {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7880'), { code: 'ECONNREFUSED' }) });
  }
}

test('a healthy app is ready: database, LiveKit and mail all answer', async () => {
  const w = await app();
  expect(await w.get('/readyz')).toStrictEqual({
    status: 200, body: { status: 'ready', checks: { db: { ok: true }, livekit: { ok: true }, mail: { ok: true } } },
  });
  expect(await w.get('/healthz')).toStrictEqual({ status: 200, body: { status: 'ok' } });
});

test('LiveKit failing: 503 naming LiveKit in plain words, the others still ok; healthz still 200', async () => {
  const w = await app({ livekit: new UnreachableLiveKit() });
  const ready = await w.get('/readyz');
  expect(ready.status).toBe(503);
  expect(ready.body).toStrictEqual({
    status: 'not_ready',
    checks: { db: { ok: true }, livekit: { ok: false, reason: "LiveKit's room API refused the connection (nothing listens there)" }, mail: { ok: true } },
  });
  expect(await w.get('/healthz')).toStrictEqual({ status: 200, body: { status: 'ok' } });
});

test('SMTP_URL pointing at a closed port: 503 naming the mail server; healthz still 200', async () => {
  const closedPort = await freeTcpPort();
  const w = await app({ smtpUrl: `smtp://127.0.0.1:${closedPort}` });
  const ready = await w.get('/readyz');
  expect(ready.status).toBe(503);
  expect(ready.body).toStrictEqual({
    status: 'not_ready',
    checks: { db: { ok: true }, livekit: { ok: true }, mail: { ok: false, reason: 'the mail server (SMTP_URL) refused the connection (nothing listens there)' } },
  });
  expect(await w.get('/healthz')).toStrictEqual({ status: 200, body: { status: 'ok' } });
});

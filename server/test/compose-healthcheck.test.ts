// The app's health check in docker-compose.yml, run as Docker runs it (its `node -e` line), against
// a test app: healthy when /readyz is 200, unhealthy when a dependency fails.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterEach, expect, test } from 'vitest';
import { MemoryLiveKit } from '../src/livekit/memoryLiveKit.js';
import { startTestApp } from './harness.js';

const compose = parse(readFileSync(join(import.meta.dirname, '../../docker-compose.yml'), 'utf8')) as {
  services: { app: { environment: { PORT: string }; healthcheck: { test: string[] } } };
};
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The exit code of the compose health check pointed at `port` instead of the app's PORT. */
async function healthCheck(port: number): Promise<number> {
  const [kind, command, flag, script] = compose.services.app.healthcheck.test;
  expect([kind, command, flag]).toEqual(['CMD', 'node', '-e']);
  const appAddress = `127.0.0.1:${compose.services.app.environment.PORT}`;
  expect(script).toContain(`http://${appAddress}/readyz`);
  try {
    await promisify(execFile)(process.execPath, ['-e', script!.replace(appAddress, `127.0.0.1:${port}`)]);
    return 0;
  } catch (err) {
    return (err as { code: number }).code;
  }
}

test('healthy when ready; unhealthy when LiveKit fails', async () => {
  const healthy = await startTestApp();
  cleanups.push(() => healthy.app.close());
  expect(await healthCheck(Number(new URL(healthy.url).port))).toBe(0);

  const failing = new MemoryLiveKit();
  failing.listRooms = () => Promise.reject(new Error('down'));
  const unhealthy = await startTestApp({ livekit: failing });
  cleanups.push(() => unhealthy.app.close());
  expect(await healthCheck(Number(new URL(unhealthy.url).port))).toBe(1);
});

// The real engines of the scale-out tests, started by the testkit inside the test namespace:
// each answers on loopback, and stop() leaves no process and no folder behind.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type RunningPostgres } from '../src/engines/postgres.js';
import { redisCommand, startRedis, type RunningRedis } from '../src/engines/redis.js';
import { waitFor } from '../src/waitFor.js';

const isRefused = (err: unknown) => err instanceof Error && /ECONNREFUSED/.test(err.message + String((err as { code?: string }).code));

describe('startPostgres', () => {
  let server: RunningPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());

  it('runs a PostgreSQL that accepts a connection and answers queries, and writes what it is told', async () => {
    expect(server.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string; answer: number }>('SELECT version(), 6 * 7 AS answer');
      expect(rows[0]!.version).toMatch(/^PostgreSQL 1\d\./);
      expect(rows[0]!.answer).toBe(42);
      await client.query('CREATE TABLE notes (id serial PRIMARY KEY, text text NOT NULL)');
      await client.query('INSERT INTO notes (text) VALUES ($1), ($2)', ['plenary', 'breakouts']);
      expect((await client.query<{ text: string }>('SELECT text FROM notes ORDER BY id')).rows.map((r) => r.text)).toEqual(['plenary', 'breakouts']);
    } finally {
      await client.end();
    }
  });

  it('stops: connections are refused and its folder is gone', async () => {
    const folder = dirname(server.logFile);
    expect(existsSync(folder)).toBe(true);
    await server.stop();
    expect(existsSync(folder)).toBe(false);
    const client = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2_000 });
    const refused = await client.connect().then(() => false, (err: unknown) => isRefused(err));
    expect(refused).toBe(true);
  }, 20_000);
});

describe('startRedis', () => {
  let server: RunningRedis;
  beforeAll(async () => {
    server = await startRedis();
  }, 30_000);
  afterAll(() => server?.stop());

  it('runs a Redis that answers PING and keeps a value', async () => {
    expect(server.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    expect(await redisCommand(server.port, ['PING'])).toBe('+PONG');
    expect(await redisCommand(server.port, ['SET', 'cue', 'breakouts'])).toBe('+OK');
    expect(await redisCommand(server.port, ['STRLEN', 'cue'])).toBe(':9');
  });

  it('stops: connections are refused and its folder is gone', async () => {
    const folder = dirname(server.logFile);
    await server.stop();
    expect(existsSync(folder)).toBe(false);
    expect(await redisCommand(server.port, ['PING']).then(() => false, isRefused)).toBe(true);
  });
});

describe('an engine whose starter dies', () => {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  it.each([['PostgreSQL', 'postgres.ts', 'startPostgres'], ['Redis', 'redis.ts', 'startRedis']])(
    '%s goes with it, even on SIGKILL (no server left holding its port after a test crashes)', async (_name, file, starterName) => {
      const module = fileURLToPath(new URL(`../src/engines/${file}`, import.meta.url));
      const starter = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
        `const m = await import(${JSON.stringify(module)}); const s = await m.${starterName}(); console.log(JSON.stringify({ pid: s.pid, logFile: s.logFile })); setInterval(() => {}, 1000);`],
      { stdio: ['ignore', 'pipe', 'inherit'] });
      const { pid, logFile } = await new Promise<{ pid: number; logFile: string }>((resolve) => starter.stdout!.once('data', (d: Buffer) => resolve(JSON.parse(String(d)))));
      expect(alive(pid)).toBe(true);
      starter.kill('SIGKILL');
      await waitFor(() => !alive(pid), { timeoutMs: 10_000, what: `${_name} to stop after its starter was killed` });
      // The starter had no chance to remove its folder.
      await rm(dirname(logFile), { recursive: true, force: true });
    }, 60_000);
});

// DATABASE_URL and REDIS_URL (issue 16): unset, one node on SQLite as before; set, validated with
// words that name the variable and show a good value.
import { describe, expect, test } from 'vitest';
import { readConfig } from './config.js';

describe('the cluster settings', () => {
  test('without them the server runs as one node: neither is set', () => {
    const config = readConfig({}, []);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    // An empty value (a compose file's `DATABASE_URL=`) is the same as unset.
    expect(readConfig({ DATABASE_URL: ' ', REDIS_URL: '' }, []).DATABASE_URL).toBeUndefined();
  });

  test('good URLs are taken as they are', () => {
    const config = readConfig({ DATABASE_URL: 'postgres://workshop:pw@db:5432/workshop', REDIS_URL: 'redis://redis:6379' }, []);
    expect(config.DATABASE_URL).toBe('postgres://workshop:pw@db:5432/workshop');
    expect(config.REDIS_URL).toBe('redis://redis:6379');
    expect(readConfig({ DATABASE_URL: 'postgresql://db/workshop', REDIS_URL: 'rediss://redis.example.org:6380' }, []).REDIS_URL).toBe('rediss://redis.example.org:6380');
  });

  test.each([
    ['DATABASE_URL', 'mysql://db:3306/workshop', /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL with a host, e.g. postgres:\/\//],
    ['DATABASE_URL', 'not a url', /DATABASE_URL must be a postgres:\/\//],
    ['DATABASE_URL', 'postgres://', /DATABASE_URL must be/],
    ['REDIS_URL', 'http://redis:6379', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL with a host, e.g. redis:\/\//],
  ])('%s=%s is refused with a clear error', (name, value, message) => {
    const env = { DATABASE_URL: 'postgres://db/workshop', [name]: value };
    expect(() => readConfig(env, [])).toThrow(message);
    expect(() => readConfig(env, [])).toThrow(/^Bad configuration: /);
  });

  test('Redis without PostgreSQL is refused: two nodes would each run their own agenda', () => {
    expect(() => readConfig({ REDIS_URL: 'redis://redis:6379' }, [])).toThrow(/REDIS_URL is set without DATABASE_URL/);
  });
});

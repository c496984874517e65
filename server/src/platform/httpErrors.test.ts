// The last HTTP error handler keeps the meaning of a 4xx (its own code, else the status's) and hides a 500's.
import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { jsonErrorHandler } from './httpErrors.js';
import { createLog } from './log.js';

const failing = (status: number | undefined, extra: Record<string, unknown> = {}) => Object.assign(new Error(`failed with ${status}`), { status, ...extra });

let url = '';
const server = createServer(
  express()
    .get('/fail/:status', (req) => {
      throw failing(req.params.status === 'none' ? undefined : Number(req.params.status), req.query.code ? { code: req.query.code } : {});
    })
    .use(express.json())
    .post('/json', (_req, res) => void res.json({ ok: true }))
    .use(jsonErrorHandler(createLog('silent'))),
);
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => {
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  resolve();
})));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('jsonErrorHandler', () => {
  test.each([
    { path: '/fail/400', status: 400, code: 'invalid_payload' },
    { path: '/fail/401', status: 401, code: 'unauthorized' },
    { path: '/fail/403', status: 403, code: 'forbidden' },
    { path: '/fail/409', status: 409, code: 'not_allowed_now' },
    { path: '/fail/413', status: 413, code: 'too_large' },
    { path: '/fail/429', status: 429, code: 'rate_limited' },
    { path: '/fail/418', status: 418, code: 'invalid_payload' },
    { path: '/fail/409?code=stale_version', status: 409, code: 'stale_version' },
    { path: '/fail/400?code=ENOTFOUND', status: 400, code: 'invalid_payload' },
  ])('$path answers $status $code', async ({ path, status, code }) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ code, message: `failed with ${status}` });
  });

  test.each(['/fail/500', '/fail/none'])('%s is internal, without the exception\'s words', async (path) => {
    const res = await fetch(url + path);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: 'internal', message: 'Server error.' });
  });

  test('a body that is not JSON is invalid_payload', async () => {
    const res = await fetch(`${url}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid_payload' });
  });
});

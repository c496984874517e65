// A page of event x (/e/x/…) talks only to event x: its API, its Socket.IO path, its links and its
// remembered credential; the default event's pages (/…) stay as they were.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { routeOf } from '../app/routes.js';
import { credentialKey, currentCredential, CREDENTIAL_KEY, storeCredential } from '../session/credential.js';
import { fetchEvent } from './api.js';
import { eventBase, eventPath, pathInEvent } from './eventBase.js';

const opened = vi.hoisted(() => ({ sockets: [] as { url: string; path: string }[] }));
vi.mock('socket.io-client', async () => {
  const { FakeSocket } = await import('../testing/fakeSocket.js');
  return {
    io: (url: string, opts: { auth: unknown; path: string }) => {
      opened.sockets.push({ url, path: opts.path });
      return new FakeSocket(opts.auth);
    },
  };
});

const at = (path: string) => window.history.replaceState(null, '', path);
let fetched: string[];
beforeEach(() => {
  localStorage.clear();
  fetched = [];
  opened.sockets.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(JSON.stringify({ event: {}, serverTime: 0, registrationClosed: null, registrationFull: false }), { status: 200 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  at('/');
});

test.each([
  ['/', '', '/'],
  ['/join/abc', '', '/join/abc'],
  ['/e/lisbon-forum-2026', '/e/lisbon-forum-2026', '/'],
  ['/e/lisbon-forum-2026/join/abc', '/e/lisbon-forum-2026', '/join/abc'],
  ['/e/Bad_Id/join/abc', '', '/e/Bad_Id/join/abc'],
  ['/events/x', '', '/events/x'],
])('%s: base %j, path in the event %j', (path, base, inside) => {
  expect(eventBase(path)).toBe(base);
  expect(pathInEvent(path)).toBe(inside);
  expect(eventPath('/api/event', path)).toBe(`${base}/api/event`);
});

test('routes inside an event are its own; the organiser home is only the deployment\'s', () => {
  expect(routeOf('/e/forum')).toEqual({ page: 'event' });
  expect(routeOf('/e/forum/join/abc.def')).toEqual({ page: 'join', credential: 'abc.def' });
  expect(routeOf('/e/forum/privacy')).toEqual({ page: 'privacy' });
  expect(routeOf('/organiser/xyz.123')).toEqual({ page: 'organiser', credential: 'xyz.123' });
  expect(routeOf('/organiser')).toEqual({ page: 'organiser', credential: null });
  expect(routeOf('/e/forum/organiser/xyz')).toEqual({ page: 'not-found' });
});

test('each event remembers its own credential: one event\'s is never offered to another', () => {
  at('/join/seed-cred');
  storeCredential('seed-cred');
  at('/e/forum/join/forum-cred');
  storeCredential('forum-cred');
  expect(localStorage.getItem(CREDENTIAL_KEY)).toBe('seed-cred');
  expect(localStorage.getItem('lw.credential:forum')).toBe('forum-cred');
  expect(credentialKey('/e/forum/join')).toBe('lw.credential:forum');
  expect(currentCredential('/e/forum/join')).toBe('forum-cred');
  expect(currentCredential('/join')).toBe('seed-cred');
  expect(currentCredential('/e/other/join')).toBeNull();
  expect(routeOf('/e/other/join')).toEqual({ page: 'join-missing' });
});

test('on an event\'s page the API and the Socket.IO connection go to that event', async () => {
  at('/e/forum/join/abc');
  await fetchEvent();
  const { connectSession, disconnectSession } = await import('../session/socket.js');
  connectSession('abc');
  disconnectSession();
  at('/join/abc');
  await fetchEvent();
  connectSession('abc');
  disconnectSession();
  expect(fetched).toEqual(['/e/forum/api/event', '/api/event']);
  expect(opened.sockets).toEqual([{ url: '/', path: '/e/forum/socket.io' }, { url: '/', path: '/socket.io' }]);
});

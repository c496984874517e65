// The Socket.IO adapter's handshake refuses with typed codes, and fans out through topics (real sockets on loopback).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type HandshakeError } from '@live-workshop/shared';
import type { Credentials } from '../../people/credentials/credentials.js';
import { createLog } from '../../platform/log.js';
import { createSocketIoTransport } from './socketIoTransport.js';
import type { RoomSocket } from './transport.js';

const credentials = {
  verify: async (credential: unknown) => credential === 'good'
    ? { ok: true as const, claims: { participantId: 'ada', role: 'attendee' as const } }
    : { ok: false as const, problem: credential === 'old' ? ('revoked' as const) : ('bad_signature' as const) },
} as unknown as Credentials;

const http = createServer();
const { io, transport, serve } = createSocketIoTransport(http, { credentials, allowedOrigins: [], log: createLog('silent'), admit: () => ({ ok: true }) });
const opened: RoomSocket[] = [];
serve({ opened: (s) => void opened.push(s), request: () => {}, closed: () => {} });
let url = '';
const clients: Socket[] = [];
beforeAll(() => new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => {
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  resolve();
})));
afterAll(() => {
  for (const c of clients) c.close();
  io.close();
});

function refusalOf(auth: Record<string, unknown>): Promise<{ message: string; data: HandshakeError | undefined }> {
  const client = connect(url, { auth, transports: ['websocket'], reconnection: false });
  clients.push(client);
  return new Promise((resolve) => client.once('connect_error', (err: Error & { data?: HandshakeError }) => resolve({ message: err.message, data: err.data })));
}

describe('the Socket.IO handshake', () => {
  test.each([
    { name: 'another protocol version', auth: { protocolVersion: PROTOCOL_VERSION + 1, credential: 'good' }, code: 'incompatible_protocol' },
    { name: 'a bad credential', auth: { protocolVersion: PROTOCOL_VERSION, credential: 'forged' }, code: 'unauthorized' },
    { name: 'a replaced credential', auth: { protocolVersion: PROTOCOL_VERSION, credential: 'old' }, code: 'revoked' },
  ])('$name is refused as $code, with words', async ({ auth, code }) => {
    const { message, data } = await refusalOf(auth);
    expect(message).toBe(code);
    expect(data?.code).toBe(code);
    expect(data?.message.length).toBeGreaterThan(10);
  });

  test('a good credential opens a RoomSocket with its claims; a topic hears what is published to it', async () => {
    const client = connect(url, { auth: { protocolVersion: PROTOCOL_VERSION, credential: 'good' }, transports: ['websocket'], reconnection: false });
    clients.push(client);
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    const socket = opened.at(-1)!;
    expect(socket.claims).toEqual({ participantId: 'ada', role: 'attendee' });
    socket.join('chat:plenary');
    const heard = new Promise((resolve) => client.once('broadcast:sent', resolve));
    transport.publish('chat:plenary', 'broadcast:sent', { text: 'hello', from: 'Moderator', at: 1 });
    expect(await heard).toEqual({ text: 'hello', from: 'Moderator', at: 1 });
  });
});

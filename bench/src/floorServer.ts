// The floor: a bare Socket.IO server (no app, no auth) that broadcasts one payload of a given size
// with a single io.emit, encoded once. Forked by the harness so it runs in its own process, like
// the app server; its own memory is the "bare Socket.IO" reference for cost per attendee.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

type FloorRequest = { reqId: number; type: 'emit'; seq: number; bytes: number } | { reqId: number; type: 'count' } | { reqId: number; type: 'exit' };

const http = createServer();
// Same transport settings as the app's server: no per-message deflate, so the broadcast is encoded once.
const io = new Server(http, { serveClient: false, perMessageDeflate: false, transports: ['websocket'] });

/** A payload whose JSON encoding is `bytes` long, like the cue it stands in for. */
function payloadOf(seq: number, bytes: number): { seq: number; pad: string } {
  const bare = JSON.stringify({ seq, pad: '' }).length;
  return { seq, pad: 'x'.repeat(Math.max(0, bytes - bare)) };
}

process.on('message', (m: FloorRequest) => {
  if (m.type === 'emit') {
    const payload = payloadOf(m.seq, m.bytes);
    const t0 = Date.now();
    io.emit('bench:cue', payload);
    const emitMs = Date.now() - t0;
    process.send?.({ reqId: m.reqId, ok: true, data: { t0, emitMs } });
  } else if (m.type === 'count') {
    process.send?.({ reqId: m.reqId, ok: true, data: io.engine.clientsCount });
  } else {
    io.close();
    http.close();
    process.send?.({ reqId: m.reqId, ok: true, data: true });
    setImmediate(() => process.exit(0));
  }
});

http.listen(0, '127.0.0.1', () => {
  process.send?.({ reqId: 0, ok: true, data: { port: (http.address() as AddressInfo).port } });
});
process.on('disconnect', () => process.exit(0));

import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { PROTOCOL_VERSION } from '@live-workshop/shared';
import type { Credentials } from '../../people/credentials/credentials.js';
import type { Log } from '../../platform/log.js';
import type { IoServer } from './types.js';

/** Largest Socket.IO message accepted, in bytes; bigger ones close only the sender's connection. */
export const MAX_SOCKET_MESSAGE_BYTES = 64 * 1024;

/** Create the Socket.IO server: origin check, message size limit, and the credential handshake. */
export function createSocketServer(http: HttpServer, deps: { credentials: Credentials; allowedOrigins: readonly string[]; log: Log }): IoServer {
  const io: IoServer = new Server(http, {
    path: '/socket.io',
    maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
    serveClient: false,
    perMessageDeflate: false, // keep encode-once broadcasts
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      // Browsers always send Origin; non-browser clients (tests, bots) send none.
      callback(null, origin === undefined || deps.allowedOrigins.includes(origin));
    },
  });
  io.use(async (socket, next) => {
    const auth = socket.handshake.auth as { credential?: unknown; protocolVersion?: unknown } | undefined;
    if (auth?.protocolVersion !== PROTOCOL_VERSION) return next(new Error('incompatible_protocol'));
    const verified = await deps.credentials.verify(auth.credential);
    if (!verified.ok) {
      deps.log.info({ problem: verified.problem }, 'connection refused');
      return next(new Error(verified.problem === 'revoked' ? 'revoked' : 'unauthorized'));
    }
    socket.data.claims = verified.claims;
    socket.data.chatRoom = null;
    next();
  });
  return io;
}


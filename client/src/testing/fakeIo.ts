/** A stand-in for the socket.io-client module: `vi.mock('socket.io-client', async () => (await import('…/fakeIo.js')).fakeIoModule)`. */
import { FakeSocket } from './fakeSocket.js';

/** Every socket the page opened, newest last. */
export const fakeSockets: FakeSocket[] = [];

/** The module's `io`, opening fake sockets. */
export const fakeIoModule = {
  io: (_url: string, opts: { auth: unknown }) => {
    const s = new FakeSocket(opts.auth);
    fakeSockets.push(s);
    return s;
  },
};

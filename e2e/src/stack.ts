// The whole stack for end-to-end tests: the real LiveKit server and the real workshop server
// process (with the built client), on loopback, from a fresh data directory.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomServiceClient } from 'livekit-server-sdk';
import { CLIENT_DIST, freeTcpPort, startLiveKitServer, startServerProcess, type RunningLiveKit, type ServerProcess } from '@live-workshop/testkit';
import { agendaPositionAt, tellPreJoinsApart } from './workshop.js';

export interface Stack {
  readonly url: string;
  readonly livekit: RunningLiveKit;
  readonly rooms: RoomServiceClient;
  readonly server: ServerProcess;
  /** Personal links printed by the server, by role. */
  link(role: 'moderator' | 'speaker' | 'captioner', index?: number): string;
  stop(): Promise<void>;
}

/** Start LiveKit and the server with an event file; the client must be built (client/dist). */
export async function startStack(eventFile: string, extraEnv: Record<string, string> = {}): Promise<Stack> {
  const port = await freeTcpPort();
  const livekit = await startLiveKitServer({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
  const env = {
    PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'lw-e2e-')), EVENT_FILE: eventFile, LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: livekit.apiKey, LIVEKIT_API_SECRET: livekit.apiSecret, SESSION_SECRET: 'e2e-session-secret-0123456789',
    PUBLIC_URL: `http://127.0.0.1:${port}`, CLIENT_DIST, LOG_LEVEL: 'info', ...extraEnv,
  };
  const server = await startServerProcess(env);
  const rooms = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  // People join their next room before its cue: placement checks leave those connections out.
  tellPreJoinsApart(rooms, agendaPositionAt(server.url));
  return {
    url: server.url, livekit, server, rooms,
    link: (role, index = 0) => server.links.filter((l) => l.role === role)[index]!.url,
    async stop() {
      await server.kill('SIGTERM');
      await livekit.stop();
    },
  };
}

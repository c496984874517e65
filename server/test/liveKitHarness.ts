// The app against the REAL LiveKit server, with Chromium pages driving livekit-client: what the
// LiveKit integration tests share (run inside the loopback-only namespace).
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import { EVENTS, type Assignment, type EventConfig } from '@live-workshop/shared';
import { freeTcpPort, launchChromium, LkPage, newMediaContext, startLiveKitServer, startLkTestPage, type RunningLiveKit } from '@live-workshop/testkit';
import { realLiveKit } from '../src/livekit/realLiveKit.js';
import type { App } from '../src/app.js';
import { startTestApp, TestClient } from './harness.js';

export interface LiveKitWorld {
  readonly lk: RunningLiveKit;
  readonly app: App;
  readonly url: string;
  readonly rooms: RoomServiceClient;
  /** Connect a person by credential and wait for their first agenda snapshot. */
  join(credential: string): Promise<TestClient>;
  /** A fresh Chromium page (own context) with the livekit-client test page loaded. */
  openPerson(): Promise<LkPage>;
  /** The room a client is in once the agenda reaches `phaseKey`, with a token, as a resync answers it. */
  currentOf(client: TestClient, phaseKey: string): Promise<Assignment>;
  close(): Promise<void>;
}

/** LiveKit, the app (with LiveKit's webhooks; the seed workshop unless told) and a browser. */
export async function startLiveKitWorld(options: { event?: EventConfig } = {}): Promise<LiveKitWorld> {
  const port = await freeTcpPort();
  const lk = await startLiveKitServer({ webhookUrl: `http://127.0.0.1:${port}/livekit/webhook` });
  const { app, url } = await startTestApp({
    port, livekit: realLiveKit({ url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret }), webhook: { apiKey: lk.apiKey, apiSecret: lk.apiSecret },
    ...(options.event ? { event: options.event } : {}),
  });
  const rooms = new RoomServiceClient(lk.httpUrl, lk.apiKey, lk.apiSecret);
  const [browser, testPage]: [Browser, { url: string; close(): Promise<void> }] = await Promise.all([launchChromium(), startLkTestPage()]);
  const clients: TestClient[] = [];
  return {
    lk, app, url, rooms,
    async join(credential) {
      const client = new TestClient(url, credential);
      clients.push(client);
      await client.connected();
      await client.next(EVENTS.agendaChanged);
      return client;
    },
    async openPerson() {
      const context = await newMediaContext(browser);
      const page = new LkPage(await context.newPage());
      await page.open(testPage.url);
      return page;
    },
    async currentOf(client, phaseKey) {
      await client.next(EVENTS.agendaChanged, (s) => s.phaseKey === phaseKey);
      const resync = await client.request(EVENTS.sessionResync, {});
      if (!resync.ok) throw new Error(resync.message);
      return resync.data.current;
    },
    async close() {
      for (const c of clients) c.close();
      await browser.close();
      await testPage.close();
      await app.close();
      await lk.stop();
    },
  };
}

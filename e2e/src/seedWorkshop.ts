// What a short journey starts from: the e2e event (starting soon), its stack, one Chromium, and the
// people it opened, all closed together.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { EventConfig } from '@live-workshop/shared';
import { launchChromium } from '@live-workshop/testkit';
import { startStack, type Stack } from './stack.js';
import { eventFileStartingSoon, type Person } from './workshop.js';

const EVENT_FILE = join(import.meta.dirname, '../fixtures/e2e-event.yaml');

export interface SeedWorkshop {
  readonly stack: Stack;
  readonly browser: Browser;
  readonly event: EventConfig;
  /** People opened in this workshop; their contexts close with it. */
  readonly people: Person[];
  close(): Promise<void>;
}

/** Start the e2e event's stack (dated to start soon, so registration is open) and a Chromium. */
export async function openSeedWorkshop(tmpPrefix: string, fakeCameraFps = 10): Promise<SeedWorkshop> {
  if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
  const eventFile = eventFileStartingSoon(EVENT_FILE, mkdtempSync(join(tmpdir(), tmpPrefix)));
  const [stack, browser] = await Promise.all([startStack(eventFile), launchChromium({ fakeCameraFps })]);
  const event = ((await (await fetch(`${stack.url}/api/event`)).json()) as { event: EventConfig }).event;
  const people: Person[] = [];
  return {
    stack, browser, event, people,
    async close() {
      await Promise.all(people.map((p) => p.context.close().catch(() => undefined)));
      await browser.close();
      await stack.stop();
    },
  };
}

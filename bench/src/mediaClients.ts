// M media clients: headless Chromium pages (fake microphone) that really join LiveKit rooms.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RoomId } from '@live-workshop/shared';
import { launchChromium, newMediaContext } from '@live-workshop/testkit';
import type { PhaseKind } from './protocol.js';

/** Who a media client is and where the agenda puts them. */
export interface MediaMember {
  readonly id: string;
  readonly credential: string;
  roomFor(kind: PhaseKind): RoomId;
  /** True when someone else publishes audio in every room this person is moved to, so a gap can be measured. */
  readonly hearsSomeone: boolean;
}

/** One finished (or failed) move, as the page recorded it (wall-clock ms). */
export interface PageMove {
  version: number | null;
  phaseKey: string;
  livekitRoom: string;
  via: 'initial' | 'prepared' | 'late';
  cueAt: number;
  sameRoom?: boolean;
  startedAt?: number;
  connectedAt?: number;
  publishingAt?: number;
  /** Connected, and publishing if the room lets this person speak. */
  readyAt?: number;
  leftOldAt?: number;
  /** The first audio packet of the new room arrived (the person hears it). */
  hearingAt?: number;
  /** How the page reached the room (mediaPage.ts): a full join after the cue, or joined before it (subscribed or not). */
  mode?: MoveMode;
  /** The pre-join was connected before the cue came. */
  preJoined?: boolean;
  error?: string;
}

/** How a media client reaches its next room; see mediaPage.ts. */
export type MoveMode = 'cold' | 'prejoin' | 'prejoin-subscribed' | 'prejoin-published';
/** Every way, in the order the page rotates through them. */
export const MOVE_MODES: readonly MoveMode[] = ['cold', 'prejoin', 'prejoin-subscribed', 'prejoin-published'];
/**
 * The way the attendee page moves (client/src/live/moves/): the pre-join measured fastest, joined
 * and subscribed with our tracks published paused (2026-12-03 runs; joined unsubscribed before).
 */
export const PRODUCTION_MODE: MoveMode = 'prejoin-published';

interface MediaWindow {
  bwStart(serverUrl: string, credential: string): Promise<{ ok: boolean; error?: string }>;
  bwMoves(): PageMove[];
  bwErrors(): string[];
  bwAudioGap(from: number, to: number): number;
  bwHasPrepared(phaseKey: string): boolean;
  bwStop(): Promise<void>;
}

/** One media client. */
export class MediaClient {
  constructor(readonly member: MediaMember, private readonly context: BrowserContext, private readonly page: Page) {}

  moves(): Promise<PageMove[]> {
    return this.page.evaluate(() => (window as unknown as MediaWindow).bwMoves());
  }

  errors(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as MediaWindow).bwErrors());
  }

  audioGap(from: number, to: number): Promise<number> {
    return this.page.evaluate(([f, t]) => (window as unknown as MediaWindow).bwAudioGap(f, t), [from, to] as const);
  }

  hasPrepared(phaseKey: string): Promise<boolean> {
    return this.page.evaluate((k) => (window as unknown as MediaWindow).bwHasPrepared(k), phaseKey);
  }

  /** Leave LiveKit properly (so the rooms are clean for the next fleet), then close the page. */
  async close(): Promise<void> {
    await this.page.evaluate(() => (window as unknown as MediaWindow).bwStop()).catch(() => undefined);
    await this.context.close();
  }
}

/** A browser full of media clients. */
export class MediaFleet {
  private constructor(private readonly browser: Browser, readonly clients: MediaClient[], readonly startErrors: string[]) {}

  /** Open one page per attendee and wait until each is connected and publishing in its current room. */
  static async start(opts: { pageUrl: string; serverUrl: string; members: readonly MediaMember[]; onStarted?: () => void }): Promise<MediaFleet> {
    const browser = await launchChromium();
    const clients: MediaClient[] = [];
    const startErrors: string[] = [];
    // A few at a time: a page's first connect costs CPU (bundle parse, ICE, DTLS).
    const IN_FLIGHT = 4;
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, opts.members.length) }, async () => {
      while (next < opts.members.length) {
        const member = opts.members[next++]!;
        const context = await newMediaContext(browser);
        const page = await context.newPage();
        await page.goto(opts.pageUrl);
        await page.waitForFunction(() => typeof (window as unknown as Partial<MediaWindow>).bwStart === 'function');
        const started = await page.evaluate(([u, c]) => (window as unknown as MediaWindow).bwStart(u, c), [opts.serverUrl, member.credential] as const);
        if (!started.ok) startErrors.push(`${member.id}: ${started.error}`);
        clients.push(new MediaClient(member, context, page));
        opts.onStarted?.();
      }
    }));
    return new MediaFleet(browser, clients, startErrors);
  }

  /** Chromium's version string. */
  get version(): string {
    return this.browser.version();
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close().catch(() => undefined)));
    await this.browser.close();
  }
}

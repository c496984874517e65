// Helpers for journeys through the real workshop: people as browser contexts, what their pages
// show and play, where LiveKit says they are, and a step runner that records a summary.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { activeFromOf, isActiveConnection } from '@live-workshop/shared';
import { newMediaContext, waitFor } from '@live-workshop/testkit';
import { languageOf, wordsIn } from './locales.js';

/** The git-ignored folder for screenshots and other things people look at after a run. */
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', 'artifacts');

/** Big enough that the stage, the room grid and the moderator console fit without scrolling. */
const VIEWPORT = { width: 1280, height: 900 };

export type Role = 'moderator' | 'speaker' | 'attendee';

/** One person in the workshop: their own browser context (storage, camera), one page. */
export class Person {
  /** Uncaught exceptions of the page (`pageerror`): any one fails the journey. */
  readonly pageErrors: string[] = [];
  /** `console.error` lines of the page, kept for the report. */
  readonly consoleErrors: string[] = [];
  /** Every console line of the page with its time, for the artifacts. */
  readonly consoleLog: string[] = [];
  /** The participant id, which is also the LiveKit identity. */
  identity = '';
  /** The personal join link. */
  joinUrl = '';
  /** The join credential (also in the page's localStorage 'lw.credential'). */
  credential = '';
  /** The app's language this person's browser asks for (its Playwright locale; English without one). */
  language = 'en';
  /** What the app says in this person's language (its own catalogues). */
  get say(): (key: string, values?: Record<string, unknown>) => string {
    return (this.words ??= wordsIn(this.language));
  }
  private words: ((key: string, values?: Record<string, unknown>) => string) | null = null;

  constructor(
    readonly key: string,
    readonly name: string,
    readonly role: Role,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (error) => this.pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      this.consoleLog.push(`${new Date().toISOString()} ${message.type()} ${message.text()}`);
      if (message.type() !== 'error') return;
      const where = message.location().url;
      this.consoleErrors.push(`${message.text()}${where ? ` (${where})` : ''}`);
    });
  }

  /** Write the page's console to `dir/<key>.console.log`. */
  saveConsole(dir: string): void {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${this.key}.console.log`), `${this.consoleLog.join('\n')}\n`);
  }

  /** The data-testid locator on this person's page. */
  testId(id: string) {
    return this.page.getByTestId(id);
  }

  /** Text of a test id, or null when it is not on the page. */
  async textOf(id: string): Promise<string | null> {
    const locator = this.testId(id);
    return (await locator.count()) > 0 ? ((await locator.first().textContent()) ?? '').trim() : null;
  }

  /** Whether a test id is on the page right now. */
  async has(id: string): Promise<boolean> {
    return (await this.testId(id).count()) > 0;
  }

  /** The moves this page recorded (`window.__lwMoves`). */
  moves(): Promise<MoveMetric[]> {
    return this.page.evaluate(() => (window as unknown as { __lwMoves?: MoveMetric[] }).__lwMoves ?? []);
  }
}

/** What the client's move manager records in `window.__lwMoves` for each finished move. */
export interface MoveMetric {
  phaseKey: string;
  roomId: string;
  cueToConnectedMs: number;
  cueToPublishingMs: number | null;
  /** It switched into a room joined before the cue (false: it joined after the cue). */
  preJoined?: boolean;
}

/** A fresh context (camera and microphone granted) and page for one person. */
export async function openPerson(browser: Browser, key: string, name: string, role: Role, options: Pick<BrowserContextOptions, 'locale' | 'viewport' | 'isMobile' | 'hasTouch' | 'deviceScaleFactor'> = {}): Promise<Person> {
  // `locale` emulates a browser set to another language (navigator.languages, Accept-Language); a phone: viewport, isMobile, hasTouch.
  const context = await newMediaContext(browser, { viewport: VIEWPORT, ...options });
  const page = await context.newPage();
  const person = new Person(key, name, role, context, page);
  person.language = languageOf(options.locale);
  return person;
}

/**
 * Open a join link (or stay on the page when `joinUrl` is null: it is already on its way there),
 * pass the camera and microphone check, and join with camera and microphone on.
 */
export async function joinWorkshop(person: Person, joinUrl: string | null): Promise<void> {
  if (joinUrl !== null) await person.page.goto(joinUrl);
  const join = person.testId('join-button');
  await join.waitFor({ state: 'visible', timeout: 30_000 });
  // Enabled once the fake camera and microphone are captured.
  await waitFor(() => join.isEnabled(), { timeoutMs: 30_000, intervalMs: 250, what: `${person.key}: the join button to be enabled` });
  await join.click();
}

/** Per name: frames the page presented of that person's remote video during `windowMs` (-1: no such video). */
export function remoteVideoFrames(page: Page, names: readonly string[], windowMs = 1000): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ names, windowMs }) => {
      const counts: Record<string, number> = {};
      const videos = Array.from(document.querySelectorAll<HTMLVideoElement>('video[data-testid="remote-video"]'));
      await Promise.all(
        names.map(
          (name) =>
            new Promise<void>((resolve) => {
              // data-name: whose video, in any language of the page (its aria-label is in the page's language).
              const video = videos.find((v) => v.dataset.name === name);
              counts[name] = video ? 0 : -1;
              if (!video) return resolve();
              // A person looks at the video; a video scrolled out of sight is paused by adaptive streaming.
              const box = video.getBoundingClientRect();
              if (box.bottom <= 0 || box.top >= window.innerHeight) video.scrollIntoView({ block: 'center' });
              // requestVideoFrameCallback fires once per frame composited for display; presentedFrames
              // counts them, so the difference is what really played during the window.
              let first: number | null = null;
              const until = performance.now() + windowMs;
              const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
                first ??= meta.presentedFrames;
                counts[name] = meta.presentedFrames - first;
                if (performance.now() < until) video.requestVideoFrameCallback(onFrame);
              };
              video.requestVideoFrameCallback(onFrame);
              setTimeout(resolve, windowMs + 20);
            }),
        ),
      );
      return counts;
    },
    { names, windowMs },
  );
}

/** How long `waitForVideoPlaying` counts frames. */
export const PLAYING_WINDOW_MS = 2000;
/**
 * New frames needed within the window to call a video "playing": a frozen or black video shows
 * none; a busy two-core machine still shows several a second (the fake camera sends 10 to 20).
 */
export const PLAYING_MIN_FRAMES = 4;

/** Wait until `person`'s page plays every named person's video; resolves with the frame counts. */
export async function waitForVideoPlaying(person: Person, names: readonly string[], timeoutMs = 45_000): Promise<Record<string, number>> {
  return waitFor(
    async () => {
      const counts = await remoteVideoFrames(person.page, names, PLAYING_WINDOW_MS);
      return names.every((n) => (counts[n] ?? -1) >= PLAYING_MIN_FRAMES) ? counts : false;
    },
    { timeoutMs, intervalMs: 250, what: `${person.key} to see ${names.join(', ')} playing` },
  );
}

/** Names of the remote videos a page shows. */
export function remoteVideoNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLVideoElement>('video[data-testid="remote-video"]')).map((v) => v.dataset.name ?? ''),
  );
}

/**
 * Where the agenda is, for telling pre-joined connections apart (shared/src/preJoin.ts): a number,
 * or how to ask for it (e.g. `agendaPositionAt(url)`). Without one every connection counts.
 */
export type AgendaPositionSource = number | (() => Promise<number>);

const positionSources = new WeakMap<RoomServiceClient, AgendaPositionSource>();

/** From now on, placement checks through `rooms` tell pre-joined connections apart by asking `source`. */
export function tellPreJoinsApart(rooms: RoomServiceClient, source: AgendaPositionSource): void {
  positionSources.set(rooms, source);
}

/** The agenda position the server at `baseUrl` is at (GET /api/health). */
export function agendaPositionAt(baseUrl: string): () => Promise<number> {
  return async () => ((await (await fetch(`${baseUrl}/api/health`)).json()) as { position: number }).position;
}

/**
 * Where LiveKit says every identity is: identity → LiveKit rooms (of those asked about). A connection
 * made ahead of its cue (its `lw.activeFrom` after `position`) waits there and is left out.
 */
export async function whoIsWhere(rooms: RoomServiceClient, roomNames: readonly string[], given?: AgendaPositionSource): Promise<Map<string, string[]>> {
  const position = given ?? positionSources.get(rooms);
  const at = position === undefined ? Number.MAX_SAFE_INTEGER : typeof position === 'number' ? position : await position();
  const where = new Map<string, string[]>();
  await Promise.all(
    roomNames.map(async (room) => {
      let participants: { identity: string; attributes?: Record<string, string> }[] = [];
      try {
        participants = await rooms.listParticipants(room);
      } catch {
        participants = []; // a room nobody has joined yet does not exist
      }
      for (const p of participants) {
        if (!isActiveConnection(activeFromOf(p.attributes), at)) continue;
        where.set(p.identity, [...(where.get(p.identity) ?? []), room]);
      }
    }),
  );
  return where;
}

/**
 * Differences between where LiveKit has people and where they should be: each identity of
 * `expected` in exactly its room (or in none for null), and nobody else in any of `roomNames`.
 */
export async function placementProblems(rooms: RoomServiceClient, roomNames: readonly string[], expected: ReadonlyMap<string, string | null>, position?: AgendaPositionSource): Promise<string[]> {
  const where = await whoIsWhere(rooms, roomNames, position);
  const problems: string[] = [];
  for (const [identity, room] of expected) {
    const actual = where.get(identity) ?? [];
    const wanted = room === null ? [] : [room];
    if (actual.length !== wanted.length || actual.some((r) => !wanted.includes(r))) {
      problems.push(`${identity}: in [${actual.join(', ')}], expected [${wanted.join(', ')}]`);
    }
  }
  for (const [identity, actual] of where) {
    if (!expected.has(identity)) problems.push(`${identity}: unexpected in [${actual.join(', ')}]`);
  }
  return problems;
}

/** Wait until LiveKit has everyone exactly where expected; resolves with how long that took. */
export async function waitForPlacement(
  rooms: RoomServiceClient, roomNames: readonly string[], expected: ReadonlyMap<string, string | null>, timeoutMs = 30_000, position?: AgendaPositionSource,
): Promise<number> {
  const started = Date.now();
  await waitFor(async () => {
    const problems = await placementProblems(rooms, roomNames, expected, position);
    if (problems.length > 0) throw new Error(problems.join('; '));
    return true;
  }, { timeoutMs, intervalMs: 250, what: 'LiveKit to list everyone in exactly their room' });
  return Date.now() - started;
}

/** The median and the maximum of some durations. */
export function p50max(values: readonly number[]): { n: number; p50: number; max: number } | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const p50 = sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
  return { n: sorted.length, p50, max: sorted[sorted.length - 1]! };
}

/** "n=8 p50 120 ms, max 210 ms". */
export function describeTimes(values: readonly number[]): string {
  const s = p50max(values);
  return s ? `n=${s.n} p50 ${s.p50} ms, max ${s.max} ms` : 'n=0';
}

/** One step of a journey, as the summary shows it. */
export interface StepRecord {
  readonly title: string;
  status: 'passed' | 'failed' | 'not run';
  durationMs: number;
  /** Move times measured in the step, in words. */
  moves: string;
  error?: string;
}

/** Runs numbered steps in order; after a failure the rest are recorded as not run. Prints a summary table. */
export class StepRunner {
  readonly records: StepRecord[] = [];
  private failed: unknown = null;
  private dir = '';

  constructor(
    private readonly artifactsDir: string,
    /** Runs after each step that passed its own checks (screenshots, console checks); may throw. */
    private readonly afterEach: (dir: string) => Promise<void>,
  ) {
    mkdirSync(artifactsDir, { recursive: true });
  }

  /** Run one step; `fn` may return the move times of the step, in words. */
  async step(title: string, fn: () => Promise<string | void>): Promise<void> {
    const record: StepRecord = { title, status: 'not run', durationMs: 0, moves: '' };
    this.records.push(record);
    if (this.failed) return;
    const started = Date.now();
    const n = String(this.records.length).padStart(2, '0');
    const dir = join(this.artifactsDir, `${n}-${slug(title)}`);
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
    try {
      record.moves = (await fn()) ?? '';
      await this.afterEach(dir);
      record.status = 'passed';
    } catch (error) {
      record.status = 'failed';
      record.error = error instanceof Error ? error.message : String(error);
      this.failed = error;
      await this.afterEach(dir).catch(() => undefined); // screenshots of the failure, for people to look at
    } finally {
      record.durationMs = Date.now() - started;
    }
  }

  /** The artifacts folder of the step running now. */
  get currentDir(): string {
    return this.dir;
  }

  /** The first failure, if any. */
  get error(): unknown {
    return this.failed;
  }

  /** The summary as a fixed-width table. */
  table(): string {
    const rows = this.records.map((r, i) => [String(i + 1), r.title, r.status, `${(r.durationMs / 1000).toFixed(1)} s`, r.moves || '—']);
    const header = ['#', 'step', 'passed', 'duration', 'move times (cue → connected)'];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
    const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`;
    return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
  }
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);

/**
 * A copy of an event file whose date puts the start within the next day (in the event's time
 * zone), so the lobby shows a real countdown; written to `dir`.
 */
export function eventFileStartingSoon(eventFile: string, dir: string, now = new Date()): string {
  const text = readFileSync(eventFile, 'utf8');
  const timeZone = /^timeZone:\s*(\S+)/m.exec(text)?.[1] ?? 'UTC';
  const start = /^start:\s*"(\d\d):(\d\d)"/m.exec(text);
  if (!start) throw new Error(`${eventFile}: no start time`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const minutesNow = Number(parts.hour) * 60 + Number(parts.minute);
  const startMinutes = Number(start[1]) * 60 + Number(start[2]);
  // Today while the start is at least 30 min away, else tomorrow: always 30 min to 24 h ahead.
  const day = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day) + (minutesNow <= startMinutes - 30 ? 0 : 1)));
  const date = day.toISOString().slice(0, 10);
  const replaced = text.replace(/^date:\s*"[^"]*"/m, `date: "${date}"`);
  if (replaced === text) throw new Error(`${eventFile}: no date line`);
  const out = join(dir, 'event.yaml');
  writeFileSync(out, replaced);
  return out;
}

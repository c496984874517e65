// Gzipped size of the attendee page's JavaScript: what Chromium really loads on the join page
// (the figure), and from client/dist the entry script with its modulepreloads and every chunk.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, newMediaContext } from '@live-workshop/testkit';

export interface BundleSize {
  /** Gzipped bytes (level 9) of the JavaScript loaded up front. */
  readonly js_gzip_kb: number;
  readonly css_gzip_kb: number;
  readonly files: { file: string; gzip_kb: number }[];
  /** Every JS chunk in dist/assets, for context (lazy ones included). */
  readonly all_js_gzip_kb: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/** Measures client/dist; null when there is no build. */
export function attendeeBundleSize(distDir: string): BundleSize | null {
  const indexHtml = join(distDir, 'index.html');
  if (!existsSync(indexHtml)) return null;
  const html = readFileSync(indexHtml, 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g)) refs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) refs.add(m[1]!);
  const css = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const local = (ref: string) => join(distDir, ref.replace(/^\//, ''));
  const files = [...refs].filter((r) => existsSync(local(r))).map((r) => ({ file: r, bytes: gz(local(r)) }));
  const assets = join(distDir, 'assets');
  const allJs = existsSync(assets) ? readdirSync(assets).filter((f) => f.endsWith('.js')).reduce((n, f) => n + gz(join(assets, f)), 0) : 0;
  return {
    js_gzip_kb: kb(files.reduce((n, f) => n + f.bytes, 0)),
    css_gzip_kb: kb(css.filter((r) => existsSync(local(r))).reduce((n, r) => n + gz(local(r)), 0)),
    files: files.map((f) => ({ file: f.file, gzip_kb: kb(f.bytes) })),
    all_js_gzip_kb: kb(allJs),
  };
}

/** JavaScript the attendee page really loads, measured in Chromium: each script response gzipped (level 9). */
export interface LoadedBundle {
  readonly js_gzip_kb: number;
  readonly files: { file: string; gzip_kb: number }[];
}

/** Opens the attendee's join page in Chromium and sums the scripts it loads until the network is idle. */
export async function loadedAttendeeBundle(joinUrl: string): Promise<LoadedBundle> {
  const browser = await launchChromium();
  try {
    const context = await newMediaContext(browser);
    const page = await context.newPage();
    const scripts = new Map<string, number>();
    const pending: Promise<void>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      pending.push(response.body().then((body) => {
        scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
      }, () => undefined));
    });
    await page.goto(joinUrl, { waitUntil: 'networkidle', timeout: 30_000 });
    await page.waitForTimeout(1_000);
    await Promise.all(pending);
    const files = [...scripts].map(([file, bytes]) => ({ file, gzip_kb: kb(bytes) }));
    return { js_gzip_kb: kb([...scripts.values()].reduce((a, b) => a + b, 0)), files };
  } finally {
    await browser.close();
  }
}

// The built client as a browser gets it from the real app: compressed (the build's brotli and gzip
// copies), hashed assets cached for a year, index.html revalidated. Builds client/dist first when it
// is missing or stale (the same content-hash check as npm start and npm test).
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIST, REPO_ROOT } from '@live-workshop/testkit';
import { startTestApp } from './harness.js';
import { eventPageBase } from '../src/platform/eventPageHints.js';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** A GET with exactly these request headers and the raw bytes of the answer (fetch would decompress them). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

let app: Awaited<ReturnType<typeof startTestApp>>;
let entryScript: string;
let stylesheet: string;
const file = (urlPath: string) => readFileSync(join(CLIENT_DIST, urlPath));
const YEAR = 'public, max-age=31536000, immutable';

beforeAll(async () => {
  const { ensureClientBuild } = (await import(pathToFileURL(join(REPO_ROOT, 'scripts/lib/clientBuild.mjs')).href)) as { ensureClientBuild(root: string): boolean };
  ensureClientBuild(REPO_ROOT);
  const html = readFileSync(join(CLIENT_DIST, 'index.html'), 'utf8');
  entryScript = /<script[^>]*\bsrc="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  stylesheet = /<link[^>]*rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"/.exec(html)![1]!;
  app = await startTestApp({ clientDist: CLIENT_DIST });
}, 300_000);

afterAll(async () => {
  await app?.app.close();
});

describe('the built client over HTTP', () => {
  it('sends the entry script as brotli when the browser takes it, cached for a year', async () => {
    const answer = await get(`${app.url}${entryScript}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe(YEAR);
    expect(answer.headers['vary']).toMatch(/accept-encoding/i);
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(brotliDecompressSync(answer.body).equals(file(entryScript))).toBe(true);
    expect(answer.body.length).toBeLessThan(file(entryScript).length / 2);
    // React's production build (a build started with NODE_ENV=test once bundled its development build, 3× the size).
    expect(file(entryScript).toString('utf8')).toContain('Minified React error');
    console.log(`${entryScript}: ${file(entryScript).length} bytes as built, ${answer.body.length} as sent (br), ` +
      `${(await get(`${app.url}${entryScript}`, { 'accept-encoding': 'gzip' })).body.length} (gzip)`);
  });

  it('sends gzip to a browser without brotli, and to one that refuses brotli with q=0', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip;q=0.8']) {
      const answer = await get(`${app.url}${stylesheet}`, { 'accept-encoding': accept });
      expect(answer.headers['content-encoding'], accept).toBe('gzip');
      expect(answer.headers['content-type']).toMatch(/^text\/css/);
      expect(answer.headers['cache-control']).toBe(YEAR);
      expect(gunzipSync(answer.body).equals(file(stylesheet))).toBe(true);
    }
  });

  it('sends the file as it is when no encoding is accepted', async () => {
    const answer = await get(`${app.url}${entryScript}`);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.body.equals(file(entryScript))).toBe(true);
    expect(answer.headers['cache-control']).toBe(YEAR);
  });

  it('has the page itself revalidated on every load, at / and at every page route', async () => {
    for (const path of ['/', '/index.html', '/join/some-credential', '/join/eyJhbGciOi.eyJyb2xlIjo.c2lnbmF0dXJl', '/verify', '/privacy']) {
      const answer = await get(`${app.url}${path}`, { 'accept-encoding': 'br, gzip' });
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-cache');
      expect(answer.headers['content-type'], path).toMatch(/^text\/html/);
      const body = answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body) : answer.headers['content-encoding'] === 'gzip' ? gunzipSync(answer.body) : answer.body;
      expect(body.toString('utf8'), path).toContain(entryScript);
    }
  });

  it("preloads the event page's chunks and its two API answers on the event page, and only there", async () => {
    const manifest = JSON.parse(file('/.vite/manifest.json').toString('utf8')) as Record<string, { file: string }>;
    const eventChunk = `/${manifest['src/pages/event/EventPage.tsx']!.file}`;
    const pageAt = async (path: string) => {
      const answer = await get(`${app.url}${path}`, { 'accept-encoding': 'br' });
      expect(answer.status, path).toBe(200);
      expect(answer.headers['cache-control'], path).toBe('no-cache');
      // The event page is sent compressed (index.html as built is too small for the build's copies).
      if (eventPageBase(path) !== null) expect(answer.headers['content-encoding'], path).toBe('br');
      return (answer.headers['content-encoding'] === 'br' ? brotliDecompressSync(answer.body) : answer.body).toString('utf8');
    };
    const home = await pageAt('/');
    expect(home).toContain(`<link rel="modulepreload" crossorigin href="${eventChunk}">`);
    expect(home).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/api/event">');
    expect(home).toContain(entryScript);
    // The preloaded answers are the ones the page asks for: same URL, and they answer.
    for (const href of [...home.matchAll(/rel="preload" as="fetch" crossorigin="anonymous" href="([^"]+)"/g)].map((m) => m[1]!)) {
      expect((await get(`${app.url}${href}`)).status, href).toBe(200);
    }
    expect(await pageAt('/e/lisbon-forum-2026/')).toContain('href="/e/lisbon-forum-2026/api/event"');
    for (const path of ['/join/some-credential', '/privacy', '/index.html']) expect(await pageAt(path), path).not.toContain(eventChunk);
  });

  it('serves robots.txt that keeps join links and the API out of search engines, and the icon the page names', async () => {
    const robots = await get(`${app.url}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    const rules = robots.body.toString('utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rules).toEqual(expect.arrayContaining(['User-agent: *', 'Disallow: /join/', 'Disallow: /api/', 'Disallow: /e/*/join/']));
    const html = file('/index.html').toString('utf8');
    const icon = /<link rel="icon" href="([^"]+)"/.exec(html)?.[1];
    expect(icon).toBe('/favicon.svg');
    const answer = await get(`${app.url}${icon}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('answers 404, not the page, for a file the build does not have (/favicon.ico, a sitemap)', async () => {
    for (const path of ['/favicon.ico', '/sitemap.xml', '/apple-touch-icon.png']) {
      const answer = await get(`${app.url}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.body.toString('utf8'), path).not.toContain('<div id="root">');
    }
  });

  it('answers 404 for an asset of another build instead of the page, and never serves the build stamp', async () => {
    expect((await get(`${app.url}/assets/index-AAAAAAAA.js`)).status).toBe(404);
    const stamp = await get(`${app.url}/.lw-build.sha256`);
    expect(stamp.body.toString('utf8')).not.toMatch(/^[0-9a-f]{64}\s*$/);
  });
});

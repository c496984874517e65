import { Router, type Request, type Response } from 'express';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { eventPageBase, eventPageModules, withEventPageHints } from './eventPageHints.js';

/**
 * Hashed build output (`/assets/index-BzX1c9aQ.js`): its name changes with its content, so a browser
 * may keep it for a year without asking again. Vite's hashes are 8 characters of [A-Za-z0-9_-].
 */
export const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[A-Za-z0-9]+$/;
/** Paths that name a file, never a page (page paths may hold dots: a join link's credential does). */
const NOT_A_PAGE = /\.(?:ico|png|jpe?g|gif|svg|webp|txt|xml|json|webmanifest|js|mjs|css|map|woff2?)$/i;
/** A year, the longest lifetime caches honour (RFC 9111 recommends no more). */
const YEAR_S = 365 * 24 * 60 * 60;
/** Files that are neither index.html nor hashed (e.g. a favicon): an hour, then asked again. */
const UNHASHED_MAX_AGE_S = 60 * 60;

/** Encodings a build may have written beside a file, best first (see client/vite.config.ts). */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['name'];

/** One servable file of the build: which pre-compressed variants lie beside it. */
interface BuiltFile {
  readonly path: string;
  readonly encodings: ReadonlySet<Encoding>;
}

/** The Cache-Control header for a path of the build. */
export function cacheControlFor(urlPath: string): string {
  if (urlPath === '/index.html') return 'no-cache';
  if (HASHED_ASSET.test(urlPath)) return `public, max-age=${YEAR_S}, immutable`;
  return `public, max-age=${UNHASHED_MAX_AGE_S}`;
}

/**
 * The encoding to send, from the request's Accept-Encoding (q=0 refuses) and the variants on disk;
 * null: the file as it is.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding | null {
  if (!acceptEncoding || available.size === 0) return null;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(token, q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*') ?? 0;
  for (const { name } of ENCODINGS) {
    if (available.has(name) && (accepted.get(name) ?? wildcard) > 0) return name;
  }
  return null;
}

/** Every file of the build by URL path, skipping dot files (the build stamp) and the variants themselves. */
function scanBuild(distDir: string): Map<string, BuiltFile> {
  const files = new Map<string, BuiltFile>();
  const all = readdirSync(distDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
  const present = new Set(all);
  for (const path of all) {
    const rel = relative(distDir, path);
    if (rel.split(sep).some((segment) => segment.startsWith('.'))) continue;
    if (ENCODINGS.some((e) => path.endsWith(e.suffix) && present.has(path.slice(0, -e.suffix.length)))) continue;
    const encodings = new Set(ENCODINGS.filter((e) => present.has(path + e.suffix)).map((e) => e.name));
    files.set(`/${rel.split(sep).join('/')}`, { path, encodings });
  }
  return files;
}

/** Send one file of the build: compressed when the browser takes a variant, with its cache lifetime. */
function sendBuilt(req: Request, res: Response, urlPath: string, file: BuiltFile): void {
  const encoding = chooseEncoding(req.headers['accept-encoding'], file.encodings);
  if (file.encodings.size > 0) res.vary('Accept-Encoding');
  // The type of the file itself, not of its .br/.gz variant (send keeps a Content-Type already set).
  res.type(extname(file.path));
  res.setHeader('Cache-Control', cacheControlFor(urlPath));
  const suffix = ENCODINGS.find((e) => e.name === encoding)?.suffix ?? '';
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.sendFile(file.path + suffix, { cacheControl: false, dotfiles: 'allow' });
}

/** The event page's index.html (with its preloads, eventPageHints.ts), compressed here: it names its event, and is 2 kB. */
function sendEventPage(req: Request, res: Response, html: string): void {
  const encoding = chooseEncoding(req.headers['accept-encoding'], new Set(['br', 'gzip'] as const));
  res.vary('Accept-Encoding').type('html').setHeader('Cache-Control', cacheControlFor('/index.html'));
  if (encoding) res.setHeader('Content-Encoding', encoding);
  const body = Buffer.from(html);
  res.send(encoding === 'br' ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) : encoding === 'gzip' ? gzipSync(body) : body);
}

/**
 * Serve the built client; every page route falls back to index.html (client-side routing). Hashed
 * assets are cached for a year (immutable), index.html is revalidated on every load, and each file
 * goes out as the brotli or gzip variant the build wrote beside it when the browser accepts one. The
 * event page's index.html also preloads what that page needs (eventPageHints.ts).
 */
export function staticClient(distDir: string | null): Router {
  const router = Router();
  if (!distDir || !existsSync(join(distDir, 'index.html'))) {
    router.get('/', (_req, res) => {
      res.type('text/plain').send('Live Workshop server is running; the client is not built (npm run build).');
    });
    return router;
  }
  const files = scanBuild(distDir);
  const index = files.get('/index.html')!;
  const indexHtml = readFileSync(index.path, 'utf8');
  const eventModules = eventPageModules(distDir);
  router.get(/^\/(?!api\/|socket\.io\/|livekit\/).*/, (req, res, next) => {
    const file = files.get(req.path);
    if (file) return sendBuilt(req, res, req.path, file);
    // A missing asset is an old page asking for a file of another build, and a missing file a
    // crawler or browser asks for by name (/robots.txt, /favicon.ico): a 404, not the page.
    if (req.path.startsWith('/assets/') || NOT_A_PAGE.test(req.path)) return next();
    const base = eventModules.length > 0 ? eventPageBase(req.path) : null;
    if (base !== null) return sendEventPage(req, res, withEventPageHints(indexHtml, base, eventModules));
    sendBuilt(req, res, '/index.html', index);
  });
  return router;
}

/**
 * The event page's first load, shortened. The page is the app's entry, then the event page's lazily
 * loaded chunk, then its two API answers: three round trips one after the other, before a phone
 * shows anything. For the event page's routes (`/`, `/e/<event id>/`) the server adds to index.html a
 * modulepreload of the chunks that page needs (from Vite's build manifest) and a preload of both API
 * answers, so all of it is fetched at once with the page. Other pages (a join link, the console) get
 * index.html as built: they need other chunks and data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The event page's module as Vite's manifest names it (client/src/app/App.tsx loads it lazily). */
const EVENT_PAGE_MODULE = 'src/pages/event/EventPage.tsx';
/** The event page's paths: the default event's `/` and a hosted event's `/e/<event id>` (its ids: see eventBase.ts). */
const EVENT_PAGE_ROUTE = /^(?:\/|(\/e\/[a-z0-9][a-z0-9-]{0,47})\/?)$/;

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly isEntry?: boolean;
}

/** Every chunk reachable from `start` through static imports. */
function closure(manifest: Readonly<Record<string, ManifestChunk>>, start: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  start.forEach(visit);
  return seen;
}

/**
 * The URLs of the chunks the event page needs beyond the entry's (which index.html already loads), in
 * load order; none without a manifest (a build from before it was written).
 */
export function eventPageModules(distDir: string): string[] {
  const path = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(path)) return [];
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
  if (!manifest[EVENT_PAGE_MODULE]) return [];
  const entry = closure(manifest, Object.keys(manifest).filter((k) => manifest[k]!.isEntry));
  return [...closure(manifest, [EVENT_PAGE_MODULE])].filter((k) => !entry.has(k)).map((k) => `/${manifest[k]!.file}`);
}

/** The event base of an event page's path ('' for the default event), or null for any other path. */
export function eventPageBase(urlPath: string): string | null {
  const match = EVENT_PAGE_ROUTE.exec(urlPath);
  return match ? match[1] ?? '' : null;
}

/** index.html with the event page's preloads for the event at `base`. */
export function withEventPageHints(indexHtml: string, base: string, modules: readonly string[]): string {
  const links = [
    ...modules.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`),
    // The same requests the page makes (client/src/net/api.ts: fetchEvent, and fetchRegistrationForm's
    // English form, which the page asks for in every language), so the browser uses these answers.
    `<link rel="preload" as="fetch" crossorigin="anonymous" href="${base}/api/event">`,
    `<link rel="preload" as="fetch" crossorigin="anonymous" href="${base}/api/registration/form?lang=en">`,
  ];
  return indexHtml.replace('</head>', `    ${links.join('\n    ')}\n  </head>`);
}

/**
 * Which event this page belongs to. A deployment serves many events: event `x` at `/e/x/…` (its
 * pages, its API under `/e/x/api/…`, its Socket.IO at `/e/x/socket.io`), and its default event at
 * `/`. Every request, socket and link of the page goes through `eventPath`, so it stays in its event.
 */

const EVENT_PREFIX = /^\/e\/([a-z0-9][a-z0-9-]{0,47})(?=\/|$)/;

/** The page's base path: `/e/<event id>`, or '' for the default event. */
export function eventBase(pathname: string = window.location.pathname): string {
  return EVENT_PREFIX.exec(pathname)?.[0] ?? '';
}

/** The path inside the event (what a single-event server would see): `/e/x/join/abc` → `/join/abc`. */
export function pathInEvent(pathname: string): string {
  const base = eventBase(pathname);
  return base ? pathname.slice(base.length) || '/' : pathname;
}

/** A path of this page's event: `/api/event` → `/e/x/api/event` on event x's pages. */
export function eventPath(path: string, pathname: string = window.location.pathname): string {
  return `${eventBase(pathname)}${path}`;
}

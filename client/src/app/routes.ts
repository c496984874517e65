/** Which page a path shows: the app's only routing, a pure function of the path. */
import { eventBase, pathInEvent } from '../net/eventBase.js';
import { credentialFromPath, storedCredential } from '../session/credential.js';

/** Which page a path shows. */
export type Route =
  | { page: 'event' }
  | { page: 'join'; credential: string }
  | { page: 'join-missing' }
  | { page: 'privacy' }
  | { page: 'verify'; certificateId: string | null }
  | { page: 'organiser'; credential: string | null }
  | { page: 'not-found' };

/**
 * Every path may start with an event's base (`/e/<event id>`, net/eventBase.ts); the organiser home is
 * the deployment's own: `/organiser/<credential>` (the printed link) and `/organiser` (the one remembered).
 * `/` → event page; `/join/<credential>` → the workshop; `/join` → the credential this browser remembers;
 * `/privacy` → the privacy notice; `/verify` and `/verify/<certificate id>` → certificate verification.
 */
export function routeOf(fullPath: string): Route {
  const pathname = pathInEvent(fullPath);
  if (!eventBase(fullPath)) {
    if (pathname === '/organiser' || pathname === '/organiser/') return { page: 'organiser', credential: null };
    const organiser = /^\/organiser\/([^/?#]+)\/?$/.exec(pathname);
    if (organiser) return { page: 'organiser', credential: decodeURIComponent(organiser[1]!) };
  }
  if (pathname === '/' || pathname === '') return { page: 'event' };
  if (pathname === '/privacy' || pathname === '/privacy/') return { page: 'privacy' };
  if (pathname === '/verify' || pathname === '/verify/') return { page: 'verify', certificateId: null };
  const verify = /^\/verify\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (verify) return { page: 'verify', certificateId: verify[1]! };
  const credential = credentialFromPath(fullPath);
  if (credential) return { page: 'join', credential };
  if (pathname === '/join' || pathname === '/join/') {
    const stored = storedCredential(fullPath);
    return stored ? { page: 'join', credential: stored } : { page: 'join-missing' };
  }
  return { page: 'not-found' };
}

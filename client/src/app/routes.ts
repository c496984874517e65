/** Which page a path shows: the app's only routing, a pure function of the path. */
import { credentialFromPath, storedCredential } from '../session/credential.js';

/** Which page a path shows. */
export type Route =
  | { page: 'event' }
  | { page: 'join'; credential: string }
  | { page: 'join-missing' }
  | { page: 'privacy' }
  | { page: 'verify'; certificateId: string | null }
  | { page: 'not-found' };

/**
 * `/` → event page; `/join/<credential>` → the workshop; `/join` → the credential this browser remembers;
 * `/privacy` → the privacy notice; `/verify` and `/verify/<certificate id>` → certificate verification.
 */
export function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'event' };
  if (pathname === '/privacy' || pathname === '/privacy/') return { page: 'privacy' };
  if (pathname === '/verify' || pathname === '/verify/') return { page: 'verify', certificateId: null };
  const verify = /^\/verify\/([A-Za-z0-9_-]{1,64})\/?$/.exec(pathname);
  if (verify) return { page: 'verify', certificateId: verify[1]! };
  const credential = credentialFromPath(pathname);
  if (credential) return { page: 'join', credential };
  if (pathname === '/join' || pathname === '/join/') {
    const stored = storedCredential();
    return stored ? { page: 'join', credential: stored } : { page: 'join-missing' };
  }
  return { page: 'not-found' };
}

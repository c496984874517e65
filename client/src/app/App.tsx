import { lazy, Suspense } from 'react';
import { credentialFromPath, storedCredential } from '../session/credential.js';
import { LiveRegion } from '../ui/LiveRegion.js';

// One chunk per page: the public event page never downloads livekit-client, and the join page
// never downloads the registration form.
const EventPage = lazy(() => import('../pages/event/EventPage.js').then((m) => ({ default: m.EventPage })));
const JoinPage = lazy(() => import('../pages/join/JoinPage.js').then((m) => ({ default: m.JoinPage })));
const PrivacyPage = lazy(() => import('../pages/privacy/PrivacyPage.js').then((m) => ({ default: m.PrivacyPage })));
const VerifyPage = lazy(() => import('../pages/verify/VerifyPage.js').then((m) => ({ default: m.VerifyPage })));

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

/** The whole app: one live region, then the page. */
export function App({ pathname = window.location.pathname }: { pathname?: string }) {
  const route = routeOf(pathname);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to the content
      </a>
      <LiveRegion />
      <Suspense fallback={<p role="status" className="page">Loading…</p>}>
        {route.page === 'event' && <EventPage />}
        {route.page === 'join' && <JoinPage credential={route.credential} />}
        {route.page === 'privacy' && <PrivacyPage />}
        {route.page === 'verify' && <VerifyPage certificateId={route.certificateId} />}
      </Suspense>
      {route.page === 'join-missing' && (
        <main className="page" id="main">
          <h1>No join link in this browser</h1>
          <p>
            Open the personal join link you received when registering, or <a href="/">register on the event page</a>.
          </p>
        </main>
      )}
      {route.page === 'not-found' && (
        <main className="page" id="main">
          <h1>Page not found</h1>
          <p>
            <a href="/">Go to the event page</a>
          </p>
        </main>
      )}
    </>
  );
}

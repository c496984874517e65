/**
 * The browser app. Where things live (client/src):
 * - app/ this shell, the routes (routes.ts) and the entry (main.tsx);
 * - pages/{event, join, privacy, verify, organiser}/ one lazily loaded chunk per page (organiser: the deployment's home);
 * - live/ what a joined person sees: phases/ (one view per phase), room/ (chat, hands, tiles),
 *   media/ (livekit/ adapters, local tracks), moves/ (the move manager), end/ (certificate, my data);
 * - session/ the Socket.IO wiring, the join credential and the zustand store (store/) with its hooks;
 * - moderator/ the console (its own chunk); net/ the HTTP API; ui/ small shared pieces; time/ clocks.
 */
import { lazy, Suspense } from 'react';
import { routeOf } from './routes.js';
import { LiveRegion } from '../ui/LiveRegion.js';
import { LanguageSwitch } from '../i18n/LanguageSwitch.js';
import { Rich } from '../i18n/Rich.js';
import { useT } from '../i18n/useT.js';
import { eventPath } from '../net/eventBase.js';

// One chunk per page: the public event page never downloads livekit-client, and the join page
// never downloads the registration form.
const EventPage = lazy(() => import('../pages/event/EventPage.js').then((m) => ({ default: m.EventPage })));
const JoinPage = lazy(() => import('../pages/join/JoinPage.js').then((m) => ({ default: m.JoinPage })));
const PrivacyPage = lazy(() => import('../pages/privacy/PrivacyPage.js').then((m) => ({ default: m.PrivacyPage })));
const OrganiserHome = lazy(() => import('../pages/organiser/OrganiserHome.js').then((m) => ({ default: m.OrganiserHome })));
const VerifyPage = lazy(() => import('../pages/verify/VerifyPage.js').then((m) => ({ default: m.VerifyPage })));

/** The whole app: the language switch, one live region, then the page. */
export function App({ pathname = window.location.pathname }: { pathname?: string }) {
  const t = useT();
  const route = routeOf(pathname);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <LanguageSwitch />
      <LiveRegion />
      <Suspense fallback={<p role="status" className="page">{t('app.loading')}</p>}>
        {route.page === 'event' && <EventPage />}
        {route.page === 'join' && <JoinPage credential={route.credential} />}
        {route.page === 'privacy' && <PrivacyPage />}
        {route.page === 'verify' && <VerifyPage certificateId={route.certificateId} />}
        {route.page === 'organiser' && <OrganiserHome credential={route.credential} />}
      </Suspense>
      {route.page === 'join-missing' && (
        <main className="page" id="main">
          <h1>{t('app.joinMissing.heading')}</h1>
          <p>
            <Rich text={(m) => t('app.joinMissing.body', m)} parts={{ link: <a href={eventPath('/')}>{t('app.joinMissing.link')}</a> }} />
          </p>
        </main>
      )}
      {route.page === 'not-found' && (
        <main className="page" id="main">
          <h1>{t('app.notFound.heading')}</h1>
          <p>
            <a href={eventPath('/')}>{t('app.notFound.link')}</a>
          </p>
        </main>
      )}
    </>
  );
}

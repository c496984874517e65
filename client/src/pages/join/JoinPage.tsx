import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { createLivekitRoom } from '../../live/media/livekit/livekitRoomAdapter.js';
import type { Phase } from '@live-workshop/shared';
import type { MediaRoomFactory } from '../../live/media/livekit/types.js';
import { MoveManager } from '../../live/moves/moveManager.js';
import { storeCredential } from '../../session/credential.js';
import { connectSession, disconnectSession, leaveVisit, reportMove, resync } from '../../session/socket.js';
import { resetStore } from '../../session/store/store.js';
import { MediaControlsContext } from '../../live/media/useMediaControls.js';
import { useEvent, useLw, useMe, usePhase } from '../../session/useLw.js';
import { describeRoom, phaseTitle } from '../../ui/words.js';
import { BroadcastBanner } from '../../live/room/BroadcastBanner.js';
import { MoveOverlay } from '../../live/moves/MoveOverlay.js';
import { Notice } from '../../ui/Notice.js';
import { PhaseView } from '../../live/phases/PhaseView.js';
import { PreJoin } from './PreJoin.js';
import { RemoteAudio } from '../../live/media/RemoteAudio.js';
import { t } from '../../i18n/i18n.js';
import { eventPath } from '../../net/eventBase.js';
import { focusHeading } from '../../ui/focusHeading.js';

// Code-split: attendees never download the console.
const ModeratorConsole = lazy(() => import('../../moderator/ModeratorConsole.js'));

/** One line on the pre-join page about where the event is. */
function prejoinHeadline(phase: Phase | null, title: string): string | undefined {
  switch (phase?.kind) {
    case undefined:
      return undefined;
    case 'scheduled':
      return t('join.headline.scheduled');
    case 'lobby':
      return t('join.headline.lobby');
    case 'ended':
      return t('join.headline.ended');
    default:
      return t('join.headline.now', { title });
  }
}

/** The header every joined page has: the event, the phase, who we are. */
export function SessionHeader({ onLeave }: { onLeave?: () => void }) {
  const event = useEvent();
  const phase = usePhase();
  const me = useMe();
  const status = useLw((s) => s.session.status);
  return (
    <header className="session-header">
      <div>
        <p className="event-name">{event?.title ?? t('join.liveWorkshop')}</p>
        <h1 data-testid="phase-title">{phaseTitle(event, phase)}</h1>
      </div>
      <div className="who">
        {me && (
          <p>
            <span className="who-name">{me.name}</span> <span className="badge">{t(`join.role.${me.role}`)}</span>
          </p>
        )}
        {status === 'reconnecting' && (
          <p className="badge badge-warn" data-testid="reconnecting">
            {t('join.reconnecting')}
          </p>
        )}
        {onLeave && (
          <button type="button" className="secondary" onClick={onLeave}>
            {t('join.leave')}
          </button>
        )}
      </div>
    </header>
  );
}

function VisitBanner() {
  const event = useEvent();
  const visit = useLw((s) => s.assignment.visit);
  if (!visit) return null;
  return (
    <aside className="notice notice-info" aria-label={t('join.visiting')} data-testid="visit-banner">
      <p>{t('join.youAreVisiting', { room: describeRoom(event, visit.roomId) })}</p>
      <button type="button" onClick={leaveVisit} data-testid="visit-return">
        {t('join.comeBack')}
      </button>
    </aside>
  );
}

/** `/join/<credential>`: connect, check devices, then follow the agenda from room to room. */
export function JoinPage({ credential, createRoom = createLivekitRoom }: { credential: string; createRoom?: MediaRoomFactory }) {
  const [joined, setJoined] = useState(false);
  const manager = useMemo(
    () => new MoveManager({ createRoom, report: reportMove, requestFreshAssignment: () => void resync() }),
    [createRoom],
  );
  const session = useLw((s) => s.session);
  const phase = usePhase();
  const event = useEvent();

  useEffect(() => {
    storeCredential(credential);
    connectSession(credential);
    return () => {
      disconnectSession();
      void manager.stop();
      resetStore();
    };
  }, [credential, manager]);

  useEffect(() => {
    if (joined) manager.start();
  }, [joined, manager]);

  useEffect(() => {
    // The pre-join check had focus (its Join button) and is gone: continue from the view's heading.
    if (joined) focusHeading('#main h2');
  }, [joined]);

  const closed = session.status === 'refused' || session.status === 'ended';
  useEffect(() => {
    // Refused or ended: leave the media rooms too.
    if (closed) void manager.stop();
  }, [closed, manager]);

  const controls = useMemo(() => ({ setScreenShare: (on: boolean) => manager.setScreenShare(on), startAudio: () => manager.startAudio() }), [manager]);

  const leave = () => {
    void manager.stop();
    disconnectSession();
    window.location.assign(eventPath('/'));
  };

  if (session.status === 'refused' || session.status === 'ended') {
    return (
      <main className="page" id="main">
        <section className="notice notice-error" role="alert" data-testid="session-problem">
          <h1>{session.status === 'refused' ? t('join.refused') : t('join.noLongerConnected')}</h1>
          <p>{session.message}</p>
          <p>
            <a href={eventPath('/')}>{t('join.eventPage')}</a>
          </p>
        </section>
      </main>
    );
  }

  if (session.status === 'idle' || session.status === 'connecting') {
    return (
      <main className="page" id="main">
        <p role="status">{t('join.connecting')}</p>
      </main>
    );
  }

  const role = session.status === 'connected' ? session.me.role : session.me?.role;
  return (
    <MediaControlsContext.Provider value={controls}>
      <div className="app">
        <SessionHeader onLeave={joined ? leave : undefined} />
        <Notice />
        <BroadcastBanner />
        {!joined ? (
          <main className="page" id="main">
            <PreJoin
              onJoin={() => setJoined(true)}
              headline={prejoinHeadline(phase, phaseTitle(event, phase))}
            />
          </main>
        ) : (
          <div className={role === 'moderator' ? 'layout-moderator' : undefined}>
            {role === 'moderator' ? (
              // The console is the moderator's main content; their own room view sits in it, small.
              <Suspense fallback={<p role="status">{t('join.loadingConsole')}</p>}>
                <ModeratorConsole
                  room={
                    <>
                      <VisitBanner />
                      <PhaseView />
                    </>
                  }
                />
              </Suspense>
            ) : (
              <main className="page" id="main">
                <VisitBanner />
                <PhaseView />
              </main>
            )}
            <RemoteAudio />
            <MoveOverlay />
          </div>
        )}
      </div>
    </MediaControlsContext.Provider>
  );
}

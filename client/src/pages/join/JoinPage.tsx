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

// Code-split: attendees never download the console.
const ModeratorConsole = lazy(() => import('../../moderator/ModeratorConsole.js'));

/** One line on the pre-join page about where the event is. */
function prejoinHeadline(phase: Phase | null, title: string): string | undefined {
  switch (phase?.kind) {
    case undefined:
      return undefined;
    case 'scheduled':
      return 'The event has not started yet; you will wait in the lobby.';
    case 'lobby':
      return 'The doors are open: you will wait in the lobby until the start.';
    case 'ended':
      return 'The event has ended.';
    default:
      return `Happening now: ${title}.`;
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
        <p className="event-name">{event?.title ?? 'Live workshop'}</p>
        <h1 data-testid="phase-title">{phaseTitle(event, phase)}</h1>
      </div>
      <div className="who">
        {me && (
          <p>
            {me.name} <span className="badge">{me.role}</span>
          </p>
        )}
        {status === 'reconnecting' && (
          <p className="badge badge-warn" data-testid="reconnecting">
            Connection lost: reconnecting…
          </p>
        )}
        {onLeave && (
          <button type="button" className="secondary" onClick={onLeave}>
            Leave
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
    <aside className="notice notice-info" aria-label="Visiting a room" data-testid="visit-banner">
      <p>You are visiting {describeRoom(event, visit.roomId)}.</p>
      <button type="button" onClick={leaveVisit} data-testid="visit-return">
        Come back to your room
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

  const closed = session.status === 'refused' || session.status === 'ended';
  useEffect(() => {
    // Refused or ended: leave the media rooms too.
    if (closed) void manager.stop();
  }, [closed, manager]);

  const controls = useMemo(() => ({ setScreenShare: (on: boolean) => manager.setScreenShare(on), startAudio: () => manager.startAudio() }), [manager]);

  const leave = () => {
    void manager.stop();
    disconnectSession();
    window.location.assign('/');
  };

  if (session.status === 'refused' || session.status === 'ended') {
    return (
      <main className="page" id="main">
        <section className="notice notice-error" role="alert" data-testid="session-problem">
          <h1>{session.status === 'refused' ? 'You could not join' : 'You are no longer connected'}</h1>
          <p>{session.message}</p>
          <p>
            <a href="/">Go to the event page</a>
          </p>
        </section>
      </main>
    );
  }

  if (session.status === 'idle' || session.status === 'connecting') {
    return (
      <main className="page" id="main">
        <p role="status">Connecting to the workshop…</p>
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
            {role === 'moderator' && (
              <Suspense fallback={<p role="status">Loading the moderator console…</p>}>
                <ModeratorConsole />
              </Suspense>
            )}
            <main className="page" id="main">
              <VisitBanner />
              <PhaseView />
            </main>
            <RemoteAudio />
            <MoveOverlay />
          </div>
        )}
      </div>
    </MediaControlsContext.Provider>
  );
}

import { useMemo, useState, type ReactNode } from 'react';
import { useEvent, useLw, usePhase } from '../session/useLw.js';
import { currentCredential } from '../session/credential.js';
import { QueryProvider } from '../net/queryClient.js';
import { useT } from '../i18n/useT.js';
import { ActionLogPanel } from './ActionLogPanel.js';
import { AgendaPanel } from './AgendaPanel.js';
import { ArrivalsPanel } from './ArrivalsPanel.js';
import { AutopilotPanel } from './AutopilotPanel.js';
import { BeforeEventPanel } from './BeforeEventPanel.js';
import { ConfirmPanel, type PendingConfirm } from './ConfirmPanel.js';
import { EventSetupSection } from './EventSetupSection.js';
import { ExportsPanel } from './ExportsPanel.js';
import { FacilitatorLinksPanel } from './FacilitatorLinksPanel.js';
import { BroadcastForm, HelpPanel } from './MessagesPanel.js';
import { NeedsBar } from './NeedsBar.js';
import { OccupancyPanel } from './OccupancyPanel.js';
import { PreEventCheckPanel } from './PreEventCheckPanel.js';
import { AssignmentBoard, HandsPanel } from './PeoplePanel.js';
import { RoomsPanel } from './RoomsPanel.js';
import { RoomNotesPanel } from './RoomNotesPanel.js';
import { LifecyclePanel } from './LifecyclePanel.js';
import { QuestionModeration } from '../live/qa/QuestionModeration.js';
import { PollConsole } from '../live/polls/PollConsole.js';

/**
 * The moderator console as a control room for a laptop screen: the queues that need a person now
 * across the top; the agenda and its next cue in a column that stays in view; the rooms as a live
 * grid in the middle with the assignments, polls and the organisers' tools under them; the help
 * requests, hands and questions on the right above the moderator's own room view (`room`, small).
 * It is the page's main content (the skip link lands here). Loaded on demand; the HTTP panels sign
 * in with this page's credential.
 */
export default function ModeratorConsole({ credential: given, room }: { credential?: string | null; room?: ReactNode }) {
  const t = useT();
  const event = useEvent();
  const phase = usePhase();
  const roster = useLw((s) => s.roster.view);
  const agendaVersion = useLw((s) => s.agenda.snapshot?.version ?? null);
  const myRoom = useLw((s) => (s.assignment.visit ?? s.assignment.current)?.roomId ?? null);
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  const credential = useMemo(() => given ?? currentCredential(), [given]);
  if (!event || !phase) {
    return (
      <main className="page" id="main">
        <p role="status">{t('console.waiting')}</p>
        {room}
      </main>
    );
  }
  const beforeBreakouts = phase.kind === 'scheduled' || phase.kind === 'lobby';
  return (
    <QueryProvider>
      <main className="control-room" id="main" tabIndex={-1} aria-labelledby="console-heading" data-testid="moderator-console">
        <h2 id="console-heading" className="sr-only">
          {t('console.heading')}
        </h2>
        <NeedsBar roster={roster} />
        <div className="cr-agenda" data-testid="console-agenda-column">
          {pending && <ConfirmPanel pending={pending} onClose={() => setPending(null)} />}
          <AgendaPanel event={event} phase={phase} roster={roster} ask={setPending} />
          <ArrivalsPanel event={event} roster={roster} />
          {credential && <AutopilotPanel credential={credential} event={event} agendaVersion={agendaVersion} />}
        </div>
        <div className="cr-center">
          <RoomsPanel event={event} roster={roster} myRoom={myRoom} />
          <RoomNotesPanel event={event} />
          {credential && <FacilitatorLinksPanel credential={credential} />}
          <AssignmentBoard event={event} roster={roster} ask={setPending} />
          <PollConsole event={event} />
          {credential && beforeBreakouts && <BeforeEventPanel credential={credential} event={event} rosterRevision={roster?.revision ?? null} />}
          {credential && phase.kind === 'scheduled' && <EventSetupSection credential={credential} />}
          {credential && <OccupancyPanel credential={credential} event={event} phase={phase} />}
          <ActionLogPanel event={event} />
          {credential && <ExportsPanel credential={credential} />}
          {credential && <PreEventCheckPanel credential={credential} />}
          {credential && <LifecyclePanel credential={credential} event={event} phase={phase} />}
        </div>
        <div className="cr-queues">
          <HelpPanel event={event} />
          <HandsPanel roster={roster} />
          <QuestionModeration />
          <BroadcastForm />
          {room && (
            <section className="panel cr-own-room" aria-labelledby="own-room-heading" data-testid="console-own-room">
              <h2 id="own-room-heading">{t('console.ownRoom')}</h2>
              {room}
            </section>
          )}
        </div>
      </main>
    </QueryProvider>
  );
}

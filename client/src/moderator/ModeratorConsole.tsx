import { useMemo, useState } from 'react';
import { useEvent, useLw, usePhase } from '../session/useLw.js';
import { currentCredential } from '../session/credential.js';
import { QueryProvider } from '../net/queryClient.js';
import { ActionLogPanel } from './ActionLogPanel.js';
import { AgendaPanel } from './AgendaPanel.js';
import { ArrivalsPanel } from './ArrivalsPanel.js';
import { AutopilotPanel } from './AutopilotPanel.js';
import { BeforeEventPanel } from './BeforeEventPanel.js';
import { ConfirmPanel, type PendingConfirm } from './ConfirmPanel.js';
import { EventSetupSection } from './EventSetupSection.js';
import { ExportsPanel } from './ExportsPanel.js';
import { BroadcastForm, HelpPanel } from './MessagesPanel.js';
import { OccupancyPanel } from './OccupancyPanel.js';
import { PreEventCheckPanel } from './PreEventCheckPanel.js';
import { AssignmentBoard, HandsPanel } from './PeoplePanel.js';
import { RoomsPanel } from './RoomsPanel.js';
import { RoomNotesPanel } from './RoomNotesPanel.js';
import { LifecyclePanel } from './LifecyclePanel.js';
import { QuestionModeration } from '../live/qa/QuestionModeration.js';
import { PollConsole } from '../live/polls/PollConsole.js';

/**
 * The moderator console: run the agenda, see who is where, reassign, stage, broadcast, visit; before the
 * event the preference counts and the event set-up; the autopilot, occupancy over time and CSV exports.
 * Loaded on demand. The HTTP panels sign in with this page's credential.
 */
export default function ModeratorConsole({ credential: given }: { credential?: string | null }) {
  const event = useEvent();
  const phase = usePhase();
  const roster = useLw((s) => s.roster.view);
  const agendaVersion = useLw((s) => s.agenda.snapshot?.version ?? null);
  const myRoom = useLw((s) => (s.assignment.visit ?? s.assignment.current)?.roomId ?? null);
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  const credential = useMemo(() => given ?? currentCredential(), [given]);
  if (!event || !phase) return <p role="status">Waiting for the agenda…</p>;
  const beforeBreakouts = phase.kind === 'scheduled' || phase.kind === 'lobby';
  return (
    <QueryProvider>
      <aside className="console" aria-label="Moderator console" data-testid="moderator-console">
        {pending && <ConfirmPanel pending={pending} onClose={() => setPending(null)} />}
        <AgendaPanel event={event} phase={phase} roster={roster} ask={setPending} />
        <ArrivalsPanel event={event} roster={roster} />
        {credential && beforeBreakouts && <BeforeEventPanel credential={credential} event={event} rosterRevision={roster?.revision ?? null} />}
        {credential && <AutopilotPanel credential={credential} event={event} agendaVersion={agendaVersion} />}
        {credential && phase.kind === 'scheduled' && <EventSetupSection credential={credential} />}
        <HandsPanel roster={roster} />
        <QuestionModeration />
        <PollConsole event={event} />
        <RoomsPanel event={event} roster={roster} myRoom={myRoom} />
        <RoomNotesPanel event={event} />
        <BroadcastForm />
        <HelpPanel event={event} />
        <AssignmentBoard event={event} roster={roster} ask={setPending} />
        <ActionLogPanel event={event} />
        {credential && <OccupancyPanel credential={credential} event={event} phase={phase} />}
        {credential && <ExportsPanel credential={credential} />}
        {credential && <PreEventCheckPanel credential={credential} />}
        {credential && <LifecyclePanel credential={credential} event={event} phase={phase} />}
      </aside>
    </QueryProvider>
  );
}

import { useState } from 'react';
import { useEvent, useLw, usePhase } from '../../hooks/useLw.js';
import { AgendaPanel } from './AgendaPanel.js';
import { ConfirmPanel, type PendingConfirm } from './ConfirmPanel.js';
import { BroadcastForm, HelpPanel } from './MessagesPanel.js';
import { AssignmentBoard, HandsPanel } from './PeoplePanel.js';
import { RoomsPanel } from './RoomsPanel.js';

/** The moderator console: run the agenda, see who is where, reassign, stage, broadcast, visit. Loaded on demand. */
export default function ModeratorConsole() {
  const event = useEvent();
  const phase = usePhase();
  const roster = useLw((s) => s.roster.view);
  const myRoom = useLw((s) => (s.assignment.visit ?? s.assignment.current)?.roomId ?? null);
  const [pending, setPending] = useState<PendingConfirm | null>(null);
  if (!event || !phase) return <p role="status">Waiting for the agenda…</p>;
  return (
    <aside className="console" aria-label="Moderator console" data-testid="moderator-console">
      {pending && <ConfirmPanel pending={pending} onClose={() => setPending(null)} />}
      <AgendaPanel event={event} phase={phase} roster={roster} ask={setPending} />
      <HandsPanel roster={roster} />
      <RoomsPanel event={event} roster={roster} myRoom={myRoom} />
      <BroadcastForm />
      <HelpPanel event={event} />
      <AssignmentBoard event={event} roster={roster} ask={setPending} />
    </aside>
  );
}

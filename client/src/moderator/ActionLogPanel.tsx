import type { ActionLogLine, EventConfig } from '@live-workshop/shared';
import { formatTime } from '@live-workshop/shared/pure';
import { useLw } from '../session/useLw.js';
import { describeRoom } from '../ui/words.js';

const AGENTS: Record<string, string> = { autopilot: 'Autopilot', privacy: 'Data deletion', preview: 'Preview' };

/** Who did it, in words. */
function whoDid(line: ActionLogLine): string {
  if (line.by.kind === 'deadline') return 'Timer';
  if (line.by.kind === 'agent') return AGENTS[line.by.agent] ?? line.by.agent;
  return line.byName ?? 'A former moderator';
}

/** What was done, in a moderator's words. */
export function whatWasDone(line: ActionLogLine, event: EventConfig): string {
  const item = line.itemIndex === null ? null : event.agenda[line.itemIndex]?.title ?? null;
  const person = line.participantName ?? 'someone no longer here';
  const a = line.action;
  switch (a.type) {
    case 'openDoors': return 'opened the doors';
    case 'start': return item ? `started the event: ${item}` : 'started the event';
    case 'next': return item ? `moved on to ${item}` : 'ended the event';
    case 'goTo': return item ? `jumped to ${item}` : 'jumped in the agenda';
    case 'extend': return `added ${a.minutes ?? '?'} min${item ? ` to ${item}` : ''}`;
    case 'endBreakouts': return item ? `ended the breakouts early; now ${item}` : 'ended the breakouts early';
    case 'pause': return 'paused the timer';
    case 'resume': return 'resumed the timer';
    case 'end': return 'ended the event';
    case 'deadlineReached': return item ? `time was up; now ${item}` : 'time was up; the event ended';
    case 'reassign': return `moved ${person} to ${describeRoom(event, `breakout:${a.breakoutId ?? ''}`)}`;
    case 'autoBalance': return 'balanced the breakout rooms';
    case 'promoteToStage': return `brought ${person} on stage`;
    case 'returnToAudience': return `sent ${person} back to the audience`;
    case 'lowerHand': return `lowered ${person}'s hand`;
    case 'remove': return `removed ${person} from the event`;
    case 'broadcast': return `sent to all rooms: “${a.text ?? ''}”`;
    default: return a.type;
  }
}

/** The moderators' shared log, newest first: each co-moderator sees who cued or changed what, and when. */
export function ActionLogPanel({ event }: { event: EventConfig }) {
  const lines = useLw((s) => s.roster.actionLog);
  return (
    <section className="panel" aria-labelledby="action-log-heading">
      <h2 id="action-log-heading">What moderators did</h2>
      {lines.length === 0 ? (
        <p className="hint">Nothing yet: every cue and change by a moderator, the autopilot or the timer is listed here.</p>
      ) : (
        <ul className="action-log" data-testid="action-log">
          {[...lines].reverse().map((l) => (
            <li key={`${l.at}:${l.version}:${l.action.type}:${l.action.participantId ?? ''}`}>
              <time dateTime={new Date(l.at).toISOString()}>{formatTime(l.at, event.timeZone)}</time> <strong>{whoDid(l)}</strong> {whatWasDone(l, event)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

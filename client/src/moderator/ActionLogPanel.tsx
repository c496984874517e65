import type { ActionLogLine, EventConfig } from '@live-workshop/shared';
import { formatTime } from '@live-workshop/shared/pure';
import { currentLocale } from '../i18n/i18n.js';
import { useT } from '../i18n/useT.js';
import { useLw } from '../session/useLw.js';
import { describeRoom } from '../ui/words.js';

type Translate = ReturnType<typeof useT>;

/** Who did it, in words. */
function whoDid(line: ActionLogLine, t: Translate): string {
  if (line.by.kind === 'deadline') return t('actionLog.timer');
  if (line.by.kind === 'agent') return t(`actionLog.${line.by.agent}`);
  return line.byName ?? t('actionLog.formerModerator');
}

/** What was done, in a moderator's words. */
export function whatWasDone(line: ActionLogLine, event: EventConfig, t: Translate): string {
  const item = line.itemIndex === null ? null : event.agenda[line.itemIndex]?.title ?? null;
  const person = line.participantName ?? t('actionLog.someoneGone');
  const a = line.action;
  const withItem = (key: string, without: string, values: Record<string, unknown> = {}) => (item ? t(`actionLog.${key}`, { item, ...values }) : t(`actionLog.${without}`, values));
  switch (a.type) {
    case 'openDoors': return t('actionLog.openDoors');
    case 'start': return withItem('start', 'startNoItem');
    case 'next': return withItem('next', 'ended');
    case 'goTo': return withItem('goTo', 'goToNoItem');
    case 'extend': return withItem('extend', 'extendNoItem', { minutes: a.minutes ?? 0 });
    case 'endBreakouts': return withItem('endBreakouts', 'endBreakoutsNoItem');
    case 'pause': return t('actionLog.pause');
    case 'resume': return t('actionLog.resume');
    case 'end': return t('actionLog.ended');
    case 'deadlineReached': return withItem('timeUp', 'timeUpEnded');
    case 'reassign': return t('actionLog.reassign', { person, room: describeRoom(event, `breakout:${a.breakoutId ?? ''}`) });
    case 'autoBalance': return t('actionLog.autoBalance');
    case 'promoteToStage':
    case 'returnToAudience':
    case 'lowerHand':
    case 'remove': return t(`actionLog.${a.type}`, { person });
    case 'broadcast': return t('actionLog.broadcast', { text: a.text ?? '' });
    default: return a.type;
  }
}

/** The moderators' shared log, newest first: each co-moderator sees who cued or changed what, and when. */
export function ActionLogPanel({ event }: { event: EventConfig }) {
  const t = useT();
  const lines = useLw((s) => s.roster.actionLog);
  return (
    <section className="panel" aria-labelledby="action-log-heading">
      <h2 id="action-log-heading">{t('actionLog.heading')}</h2>
      {lines.length === 0 ? (
        <p className="hint">{t('actionLog.empty')}</p>
      ) : (
        <ul className="action-log" data-testid="action-log">
          {[...lines].reverse().map((l) => (
            <li key={`${l.at}:${l.version}:${l.action.type}:${l.action.participantId ?? ''}`}>
              <time dateTime={new Date(l.at).toISOString()}>{formatTime(l.at, event.timeZone, currentLocale())}</time> <strong>{whoDid(l, t)}</strong> {whatWasDone(l, event, t)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

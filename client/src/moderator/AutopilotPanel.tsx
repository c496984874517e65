import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventConfig } from '@live-workshop/shared';
import { formatDate, formatTime, zoneAbbreviation } from '@live-workshop/shared/pure';
import { problemOf } from '../net/api.js';
import type { AutopilotStatus, AutopilotStep } from '@live-workshop/shared';
import { fetchAutopilot, setAutopilot } from './moderatorApi.js';
import { announce } from '../session/store/actions.js';

const ACTION_WORDS: Record<AutopilotStep['action'], string> = {
  openDoors: 'open the doors (lobby)',
  start: 'start the first agenda item',
  next: 'go on to the next agenda item',
};

/** "open the doors (lobby) at 09:15 CET", with the day when it is not today (in the event's zone). */
export function describeStep(step: AutopilotStep, event: EventConfig, nowMs: number): string {
  const day = formatDate(step.dueAt, event.timeZone);
  const when = `${formatTime(step.dueAt, event.timeZone)} ${zoneAbbreviation(step.dueAt, event.timeZone)}`;
  return `${ACTION_WORDS[step.action]} at ${when}${day === formatDate(nowMs, event.timeZone) ? '' : ` on ${day}`}`;
}

/** The autopilot: whether it runs, what it does next and when; moderators hold it or let it run. Re-read after every agenda change. */
export function AutopilotPanel({ credential, event, agendaVersion }: { credential: string; event: EventConfig; agendaVersion: number | null }) {
  const queryClient = useQueryClient();
  // Read again after every agenda change and event edit; only the latest answer is shown.
  const key = ['autopilot', credential, agendaVersion, event] as const;
  const query = useQuery({ queryKey: key, queryFn: () => fetchAutopilot(credential), placeholderData: (previous) => previous });
  const change = useMutation({
    mutationFn: (state: 'hold' | 'run') => setAutopilot(credential, state),
    onSuccess: (s, state) => {
      queryClient.setQueryData(key, s);
      announce(state === 'hold' ? 'The autopilot is on hold.' : 'The autopilot runs the agenda.');
    },
  });
  const status = query.data ?? null;
  const busy = change.isPending;
  const problem = problemOf(change, 'The autopilot could not be changed.') ?? problemOf(query, 'The autopilot status could not be loaded.');
  const toggle = (state: 'hold' | 'run') => change.mutate(state);

  return (
    <section className="panel" aria-labelledby="autopilot-heading" data-testid="autopilot">
      <h2 id="autopilot-heading">Autopilot</h2>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {status && !status.enabled && <p className="hint">Off for this event: moderators cue every step. (Turn it on in the event set-up.)</p>}
      {status?.enabled && (
        <>
          <p>
            <span className={status.state === 'run' ? 'badge badge-live' : 'badge badge-warn'} data-testid="autopilot-state">
              {status.state === 'run' ? 'Running' : 'On hold'}
            </span>{' '}
            {status.state === 'run'
              ? status.next
                ? `Next: ${describeStep(status.next, event, Date.now())}.`
                : 'Nothing planned until a moderator acts (breakouts end by their own clock; a paused clock waits for you).'
              : 'The agenda moves only when a moderator cues it.'}
          </p>
          <button
            type="button"
            className={status.state === 'run' ? 'secondary' : undefined}
            aria-pressed={status.state === 'hold'}
            disabled={busy}
            onClick={() => toggle(status.state === 'run' ? 'hold' : 'run')}
            data-testid="autopilot-toggle"
          >
            {status.state === 'run' ? 'Hold the autopilot' : 'Let the autopilot run'}
          </button>
          <p className="hint">Any cue you give yourself always wins; the autopilot plans again from there.</p>
        </>
      )}
    </section>
  );
}

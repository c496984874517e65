import { useCallback, useEffect, useState } from 'react';
import type { EventConfig } from '@live-workshop/shared';
import { ApiError } from '../../net/api.js';
import { fetchAutopilot, setAutopilot, type AutopilotStatus, type AutopilotStep } from '../../net/moderatorApi.js';
import { announce } from '../../store/actions.js';
import { formatDate, formatTime, zoneAbbreviation } from '../../time/zoned.js';

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
  const [status, setStatus] = useState<AutopilotStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(() => {
    fetchAutopilot(credential).then(
      (s) => {
        setStatus(s);
        setProblem(null);
      },
      (e: unknown) => setProblem(e instanceof ApiError ? e.message : 'The autopilot status could not be loaded.'),
    );
  }, [credential]);
  useEffect(refresh, [refresh, agendaVersion, event]);

  const toggle = async (state: 'hold' | 'run') => {
    setBusy(true);
    try {
      const s = await setAutopilot(credential, state);
      setStatus(s);
      setProblem(null);
      announce(state === 'hold' ? 'The autopilot is on hold.' : 'The autopilot runs the agenda.');
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : 'The autopilot could not be changed.');
    } finally {
      setBusy(false);
    }
  };

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
            onClick={() => void toggle(status.state === 'run' ? 'hold' : 'run')}
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

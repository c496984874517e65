import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EventConfig } from '@live-workshop/shared';
import { formatDate, formatTime, zoneAbbreviation } from '@live-workshop/shared/pure';
import { problemOf } from '../net/api.js';
import type { AutopilotStatus, AutopilotStep } from '@live-workshop/shared';
import { fetchAutopilot, setAutopilot } from './moderatorApi.js';
import { announce } from '../session/store/actions.js';
import { currentLocale, t as translate } from '../i18n/i18n.js';
import { useT } from '../i18n/useT.js';

/** "open the doors (lobby) at 09:15 CET", with the day when it is not today (in the event's zone), in the reader's language. */
export function describeStep(step: AutopilotStep, event: EventConfig, nowMs: number): string {
  const locale = currentLocale();
  const day = formatDate(step.dueAt, event.timeZone, locale);
  const time = `${formatTime(step.dueAt, event.timeZone, locale)} ${zoneAbbreviation(step.dueAt, event.timeZone)}`;
  const action = translate(`console.autopilot.action.${step.action}`);
  return day === formatDate(nowMs, event.timeZone, locale) ? translate('console.autopilot.stepToday', { action, time }) : translate('console.autopilot.stepOnDay', { action, time, day });
}

/** The autopilot: whether it runs, what it does next and when; moderators hold it or let it run. Re-read after every agenda change. */
export function AutopilotPanel({ credential, event, agendaVersion }: { credential: string; event: EventConfig; agendaVersion: number | null }) {
  const t = useT();
  const queryClient = useQueryClient();
  // Read again after every agenda change and event edit; only the latest answer is shown.
  const key = ['autopilot', credential, agendaVersion, event] as const;
  const query = useQuery({ queryKey: key, queryFn: () => fetchAutopilot(credential), placeholderData: (previous) => previous });
  const change = useMutation({
    mutationFn: (state: 'hold' | 'run') => setAutopilot(credential, state),
    onSuccess: (s, state) => {
      queryClient.setQueryData(key, s);
      announce(state === 'hold' ? t('console.autopilot.heldDone') : t('console.autopilot.runDone'));
    },
  });
  const status = query.data ?? null;
  const busy = change.isPending;
  const problem = problemOf(change, t('console.autopilot.changeFailed')) ?? problemOf(query, t('console.autopilot.loadFailed'));
  const toggle = (state: 'hold' | 'run') => change.mutate(state);

  return (
    <section className="panel" aria-labelledby="autopilot-heading" data-testid="autopilot">
      <h2 id="autopilot-heading">{t('console.autopilot.heading')}</h2>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {status && !status.enabled && <p className="hint">{t('console.autopilot.off')}</p>}
      {status?.enabled && (
        <>
          <p>
            <span className={status.state === 'run' ? 'badge badge-live' : 'badge badge-warn'} data-testid="autopilot-state">
              {status.state === 'run' ? t('console.autopilot.running') : t('console.autopilot.onHold')}
            </span>{' '}
            {status.state === 'run'
              ? status.next
                ? t('console.autopilot.next', { step: describeStep(status.next, event, Date.now()) })
                : t('console.autopilot.nothingPlanned')
              : t('console.autopilot.heldText')}
          </p>
          <button
            type="button"
            className={status.state === 'run' ? 'secondary' : undefined}
            aria-pressed={status.state === 'hold'}
            disabled={busy}
            onClick={() => toggle(status.state === 'run' ? 'hold' : 'run')}
            data-testid="autopilot-toggle"
          >
            {status.state === 'run' ? t('console.autopilot.hold') : t('console.autopilot.run')}
          </button>
          <p className="hint">{t('console.autopilot.youWin')}</p>
        </>
      )}
    </section>
  );
}

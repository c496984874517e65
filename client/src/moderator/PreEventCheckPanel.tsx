import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { CheckStatus } from '@live-workshop/shared';
import { renderMessage } from '@live-workshop/shared/pure';
import { problemOf } from '../net/api.js';
import { announce } from '../session/store/actions.js';
import { runPreEventCheck } from './moderatorApi.js';
import { useT } from '../i18n/useT.js';

const STATUS_KEYS: Record<CheckStatus, string> = { pass: 'console.check.pass', warn: 'console.check.warn', fail: 'console.check.fail' };

/**
 * The pre-event check, as `npm run check` runs it on the command line: LiveKit reachable, TURN/TCP
 * fallback, a test mail, disk space, clock and certificate, each with pass / warning / fail in words.
 * The server answers catalogue messages, so the results read in the language the page shows.
 */
export function PreEventCheckPanel({ credential }: { credential: string }) {
  const t = useT();
  const [mailTo, setMailTo] = useState('');
  const check = useMutation({
    mutationFn: () => runPreEventCheck(credential, mailTo),
    onSuccess: (report) => {
      const failed = report.results.filter((r) => r.status === 'fail').length;
      announce(failed > 0 ? t('console.check.failedDone', { count: failed }) : t('console.check.done'));
    },
  });
  const problem = problemOf(check, t('console.check.runFailed'));
  const results = check.data?.results ?? null;
  return (
    <section className="panel" aria-labelledby="pre-event-check-heading" data-testid="pre-event-check">
      <h2 id="pre-event-check-heading">{t('console.check.heading')}</h2>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          check.mutate();
        }}
      >
        <label>
          {t('console.check.mailTo')}{' '}
          <input type="email" value={mailTo} onChange={(e) => setMailTo(e.target.value)} autoComplete="email" data-testid="pre-event-check-mail" />
        </label>
        <button type="submit" disabled={check.isPending} data-testid="pre-event-check-run">
          {check.isPending ? t('console.check.checking') : t('console.check.run')}
        </button>
      </form>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {results && (
        <ul className="checks" data-testid="pre-event-check-results">
          {results.map((r) => (
            <li key={r.id} data-testid={`check-${r.id}`} data-status={r.status}>
              <strong className={`check-${r.status}`}>{t(STATUS_KEYS[r.status])}</strong> {t(`check.title.${r.id}`)}: {renderMessage((key, values) => t(key, values ?? {}), r.detail)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

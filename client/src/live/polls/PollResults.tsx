// Results as plain HTML/CSS bars, not a chart library: every figure is text a screen reader reads
// in order (label, count, share), the bars are decoration, nothing is added to the bundle, and it
// reflows on a phone. A chart library would bring a canvas or SVG that needs its own text alternative.
import { pollLabels, type PollResults as Results, type PollDefinition } from '@live-workshop/shared/pure';
import { t } from '../../i18n/i18n.js';

/** One poll's results: a bar per option or rating, or the words given most. */
export function PollResults({ definition, results, testId }: { definition: PollDefinition; results: Results; testId: string }) {
  const rows = definition.kind === 'word'
    ? results.words.map((w) => ({ label: w.word, count: w.count }))
    : pollLabels(definition).map((label, i) => ({ label, count: results.counts[i] ?? 0 }));
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <div className="poll-results" data-testid={testId}>
      <p className="hint" data-testid={`${testId}-voters`}>{results.voters} {results.voters === 1 ? 'answer' : 'answers'}</p>
      {rows.length === 0 ? <p className="hint">{t('polls.none')}</p> : (
        <ol className="poll-bars">
          {rows.map((r) => {
            const share = results.voters ? Math.round((r.count / results.voters) * 100) : 0;
            return (
              <li key={r.label} data-testid="poll-result-row">
                <span className="poll-bar-label">{r.label}</span>
                <span className="poll-bar-track" aria-hidden="true"><span className="poll-bar" style={{ width: `${(r.count / max) * 100}%` }} /></span>
                <span className="poll-bar-figure" data-testid="poll-result-count">{r.count}</span>
                <span className="sr-only"> ({share} %)</span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

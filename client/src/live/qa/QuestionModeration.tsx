import { useState } from 'react';
import { sortQuestions } from '@live-workshop/shared/pure';
import type { Question, QuestionModerationAction } from '@live-workshop/shared';
import { refusalWords } from '../../session/refusals.js';
import { configureQuestions, moderateQuestion } from '../segment/liveSegmentSocket.js';
import { useLiveSegment } from '../segment/liveSegmentStore.js';
import { useT } from '../../i18n/useT.js';

/** Moderators: every question with who asked it; approve, hide, edit, merge duplicates, mark answered, pin the one being answered. */
export function QuestionModeration() {
  const t = useT();
  const board = useLiveSegment((s) => s.questions.moderatorBoard);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: number; text: string } | null>(null);
  if (!board) return null;
  const run = async (id: number, action: QuestionModerationAction) => {
    const result = await moderateQuestion(id, action);
    setProblem(result.ok ? null : refusalWords(result));
    return result.ok;
  };
  const live = board.questions.filter((q) => q.status !== 'merged');
  const sorted = sortQuestions(live.map((q) => ({ ...q, answered: q.answeredAt !== null })), 'votes');
  return (
    <section className="panel" aria-labelledby="qa-moderation-heading" data-testid="qa-moderation">
      <h2 id="qa-moderation-heading">{t('console.qa.heading', { count: live.length })}</h2>
      <label className="row">
        <input
          type="checkbox" checked={board.moderation === 'approval'} data-testid="qa-approval"
          onChange={(e) => void configureQuestions(e.target.checked ? 'approval' : 'immediate').then((r) => setProblem(r.ok ? null : refusalWords(r)))}
        />
        {t('console.qa.approval')}
      </label>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      {sorted.length === 0 && <p className="hint">{t('qa.none')}</p>}
      <ol className="question-list">
        {sorted.map((q) => (
          <li key={q.id} className={q.id === board.pinnedId ? 'question question-pinned' : 'question'} data-testid="qa-mod-question" data-question-id={q.id}>
            {editing?.id === q.id ? (
              <form className="row" onSubmit={(e) => { e.preventDefault(); void run(q.id, { type: 'edit', text: editing.text }).then((ok) => ok && setEditing(null)); }}>
                <label className="sr-only" htmlFor={`qa-edit-${q.id}`}>{t('console.qa.text')}</label>
                <input id={`qa-edit-${q.id}`} value={editing.text} onChange={(e) => setEditing({ id: q.id, text: e.target.value })} />
                <button type="submit">{t('console.qa.save')}</button>
                <button type="button" className="secondary" onClick={() => setEditing(null)}>{t('console.cancel')}</button>
              </form>
            ) : (
              <p className="question-text">{q.text}</p>
            )}
            <p className="hint">
              {t('console.qa.votes', { count: q.votes })} · {q.authorName}{q.anonymous ? ` ${t('console.qa.anonymous')}` : ''} · {t(`console.qa.status.${q.status}`)}
              {q.answeredAt !== null ? ` · ${t('console.qa.answered')}` : ''}{q.id === board.pinnedId ? ` · ${t('console.qa.pinned')}` : ''}
            </p>
            <div className="row">
              {q.status !== 'approved' && <button type="button" onClick={() => void run(q.id, { type: 'approve' })} data-testid="qa-approve">{t('console.qa.approve')}<span className="sr-only">: {q.text}</span></button>}
              {q.status === 'approved' && (q.id === board.pinnedId
                ? <button type="button" className="secondary" onClick={() => void run(q.id, { type: 'unpin' })} data-testid="qa-unpin">{t('console.qa.unpin')}</button>
                : <button type="button" onClick={() => void run(q.id, { type: 'pin' })} data-testid="qa-pin">{t('console.qa.pin')}<span className="sr-only">: {q.text}</span></button>)}
              <button type="button" className="secondary" onClick={() => void run(q.id, { type: 'answered', answered: q.answeredAt === null })} data-testid="qa-answered">
                {q.answeredAt === null ? t('console.qa.markAnswered') : t('console.qa.markNotAnswered')}
              </button>
              <button type="button" className="secondary" onClick={() => setEditing({ id: q.id, text: q.text })}>{t('console.qa.edit')}</button>
              {q.status !== 'hidden' && <button type="button" className="secondary" onClick={() => void run(q.id, { type: 'hide' })} data-testid="qa-hide">{t('console.qa.hide')}</button>}
              <MergeInto question={q} others={live.filter((o) => o.id !== q.id)} merge={(into) => void run(q.id, { type: 'merge', into })} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Fold a duplicate into another question: pick the one it repeats. */
function MergeInto({ question, others, merge }: { question: Question; others: readonly Question[]; merge: (into: number) => void }) {
  const t = useT();
  if (others.length === 0) return null;
  return (
    <label>
      <span className="sr-only">{t('console.qa.mergeLabel', { text: question.text })}</span>
      <select value="" onChange={(e) => e.target.value && merge(Number(e.target.value))} data-testid="qa-merge">
        <option value="">{t('console.qa.duplicateOf')}</option>
        {others.map((o) => <option key={o.id} value={o.id}>{o.text.slice(0, 60)}</option>)}
      </select>
    </label>
  );
}

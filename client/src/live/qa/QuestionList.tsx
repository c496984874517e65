import { useState, type ReactNode } from 'react';
import { sortQuestions, type PublicQuestion, type QuestionOrder } from '@live-workshop/shared/pure';
import { t } from '../../i18n/i18n.js';

/** "Top" or "Newest": the order a list of questions is read in, as two radio buttons. */
export function OrderPicker({ order, onChange }: { order: QuestionOrder; onChange: (order: QuestionOrder) => void }) {
  return (
    <fieldset className="question-order">
      <legend className="sr-only">{t('qa.order')}</legend>
      {(['votes', 'time'] as const).map((o) => (
        <label key={o}>
          <input type="radio" name="question-order" value={o} checked={order === o} onChange={() => onChange(o)} data-testid={`question-order-${o}`} />
          {' '}{o === 'votes' ? t('qa.top') : t('qa.newest')}
        </label>
      ))}
    </fieldset>
  );
}

/** The order picker's state, starting with the most upvoted first. */
export const useQuestionOrder = () => useState<QuestionOrder>('votes');

/** Questions as a list, in the order asked for; `action` adds what each row can do. */
export function QuestionList({ questions, order, pinnedId, action, testId }: {
  questions: readonly PublicQuestion[]; order: QuestionOrder; pinnedId: number | null; action?: (q: PublicQuestion) => ReactNode; testId: string;
}) {
  if (questions.length === 0) return <p className="hint">{t('qa.none')}</p>;
  return (
    <ol className="question-list" data-testid={testId}>
      {sortQuestions(questions, order).map((q) => (
        <li key={q.id} className={q.id === pinnedId ? 'question question-pinned' : 'question'} data-testid="question" data-question-id={q.id}>
          <p className="question-text">{q.text}</p>
          <p className="hint">
            <span data-testid="question-votes">{q.votes}</span> {t('qa.voteWord', { count: q.votes })} · {q.author ?? t('qa.anonymous')}
            {q.answered ? ` · ${t('qa.answered')}` : ''}{q.id === pinnedId ? ` · ${t('qa.beingAnsweredLower')}` : ''}
          </p>
          {action?.(q)}
        </li>
      ))}
    </ol>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { QUESTION_MAX_CHARS } from '@live-workshop/shared/pure';
import { refusalWords } from '../../session/refusals.js';
import { askQuestion, upvoteQuestion } from '../segment/liveSegmentSocket.js';
import { useLiveSegment } from '../segment/liveSegmentStore.js';
import { OrderPicker, QuestionList, useQuestionOrder } from './QuestionList.js';
import { t } from '../../i18n/i18n.js';

/** The audience's questions: ask one (optionally anonymous to the room), upvote others', read them by votes or by time. */
export function QuestionsPanel() {
  const board = useLiveSegment((s) => s.questions.board);
  const voted = useLiveSegment((s) => s.questions.voted);
  const mine = useLiveSegment((s) => s.questions.mine);
  const [order, setOrder] = useQuestionOrder();
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [sending, setSending] = useState(false);
  const inputId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setSending(true);
    const result = await askQuestion(text.trim(), anonymous);
    setSending(false);
    if (!result.ok) return setMessage({ kind: 'error', text: refusalWords(result) });
    setText('');
    setMessage(result.data.status === 'pending' ? { kind: 'info', text: t('qa.pending') } : null);
  };
  const upvote = async (id: number) => {
    const result = await upvoteQuestion(id);
    setMessage(result.ok ? null : { kind: 'error', text: refusalWords(result) });
  };

  return (
    <section className="panel questions" aria-labelledby="questions-heading" data-testid="questions-panel">
      <h3 id="questions-heading">{t('qa.heading')}</h3>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={inputId}>{t('qa.yourQuestion')}</label>
        <textarea id={inputId} value={text} maxLength={QUESTION_MAX_CHARS} rows={2} onChange={(e) => setText(e.target.value)} data-testid="question-input" />
        <div className="row">
          <label>
            <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="question-anonymous" /> {t('qa.askAnonymously')}
            <span className="sr-only">{t('qa.stillSeeSr')}</span>
          </label>
          <span className="hint" aria-hidden="true">{t('qa.stillSee')}</span>
          <button type="submit" disabled={sending || !text.trim()} data-testid="question-ask">{t('qa.ask')}</button>
        </div>
        {message && <p className={message.kind === 'error' ? 'field-error' : 'hint'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="question-message">{message.text}</p>}
      </form>
      <OrderPicker order={order} onChange={setOrder} />
      <QuestionList
        questions={board?.questions ?? []} order={order} pinnedId={board?.pinned?.id ?? null} testId="question-list"
        action={(q) => {
          const done = voted.includes(q.id);
          if (mine.includes(q.id)) return <p className="hint">{t('qa.yours')}</p>;
          return (
            <button type="button" className="secondary" aria-pressed={done} disabled={done} onClick={() => void upvote(q.id)} data-testid="question-upvote">
              {done ? t('qa.upvoted') : t('qa.upvote')}<span className="sr-only">: {q.text}</span>
            </button>
          );
        }}
      />
    </section>
  );
}

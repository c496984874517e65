// Self-contained: reads only the live segment's store, so a speaker's presenter view can place it anywhere.
import { useLiveSegment } from '../segment/liveSegmentStore.js';
import { OrderPicker, QuestionList, useQuestionOrder } from './QuestionList.js';
import { t } from '../../i18n/i18n.js';

/** The approved questions for a speaker on stage: the queue by votes, the pinned one marked; no roster, nothing to press but the order. */
export function SpeakerQuestions() {
  const board = useLiveSegment((s) => s.questions.board);
  const [order, setOrder] = useQuestionOrder();
  const open = (board?.questions ?? []).filter((q) => !q.answered);
  return (
    <section className="panel speaker-questions" aria-labelledby="speaker-questions-heading" data-testid="speaker-questions">
      <h3 id="speaker-questions-heading">{t('qa.fromAudience', { count: open.length })}</h3>
      {board?.pinned && <p data-testid="speaker-pinned"><strong>{t('qa.answerNow')}</strong> {board.pinned.text}</p>}
      <OrderPicker order={order} onChange={setOrder} />
      <QuestionList questions={board?.questions ?? []} order={order} pinnedId={board?.pinned?.id ?? null} testId="speaker-question-list" />
    </section>
  );
}

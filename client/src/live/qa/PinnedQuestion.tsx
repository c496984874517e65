import { useLiveSegment } from '../segment/liveSegmentStore.js';
import { t } from '../../i18n/i18n.js';

/** The question being answered now, above the stage for everyone (announced by the live region when it changes). */
export function PinnedQuestion() {
  const pinned = useLiveSegment((s) => s.questions.board?.pinned ?? null);
  if (!pinned) return null;
  return (
    <section className="pinned-question" aria-labelledby="pinned-question-heading" data-testid="pinned-question">
      <h3 id="pinned-question-heading">{t('qa.beingAnswered')}</h3>
      <p className="pinned-question-text" data-testid="pinned-question-text">{pinned.text}</p>
      <p className="hint">{pinned.author ?? t('qa.askedAnonymously')} · {pinned.votes} {t('qa.voteWord', { count: pinned.votes })}</p>
    </section>
  );
}

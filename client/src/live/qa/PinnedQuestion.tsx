import { useLiveSegment } from '../segment/liveSegmentStore.js';

/** The question being answered now, above the stage for everyone (announced by the live region when it changes). */
export function PinnedQuestion() {
  const pinned = useLiveSegment((s) => s.questions.board?.pinned ?? null);
  if (!pinned) return null;
  return (
    <section className="pinned-question" aria-labelledby="pinned-question-heading" data-testid="pinned-question">
      <h3 id="pinned-question-heading">Being answered now</h3>
      <p className="pinned-question-text" data-testid="pinned-question-text">{pinned.text}</p>
      <p className="hint">{pinned.author ?? 'Asked anonymously'} · {pinned.votes} {pinned.votes === 1 ? 'vote' : 'votes'}</p>
    </section>
  );
}

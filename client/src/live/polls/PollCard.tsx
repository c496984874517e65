import { useEffect, useId, useState, type FormEvent } from 'react';
import { POLL_WORD_MAX_CHARS, RATINGS, isInAudience, type PollAnswer, type PollView } from '@live-workshop/shared/pure';
import { useAssignedRoom } from '../../session/useLw.js';
import { refusalWords } from '../../session/refusals.js';
import { answerPoll } from '../segment/liveSegmentSocket.js';
import { useLiveSegment } from '../segment/liveSegmentStore.js';
import { PollResults } from './PollResults.js';
import { t } from '../../i18n/i18n.js';

/** The polls put to us in this room: the newest open one to answer, and the newest whose results are shown. */
export function LivePolls() {
  const polls = useLiveSegment((s) => s.polls.polls);
  const roomId = useAssignedRoom();
  const all = Object.values(polls).filter((p) => isInAudience(p.audience, roomId));
  const open = all.filter((p) => p.status === 'open').at(-1);
  const shown = all.filter((p) => p.resultsShown && p.id !== open?.id).at(-1);
  if (!open && !shown) return null;
  return (
    <div className="live-polls">
      {open && <PollCard poll={open} />}
      {shown && <PollCard poll={shown} />}
    </div>
  );
}

/** One poll: its question, an answer form while open (changeable), and its results once shown. */
export function PollCard({ poll }: { poll: PollView }) {
  const mine = useLiveSegment((s) => s.polls.answers[poll.id] ?? null);
  const headingId = useId();
  return (
    <section className="panel poll" aria-labelledby={headingId} data-testid="poll" data-poll-id={poll.id}>
      <h3 id={headingId}>Poll{poll.status === 'closed' ? ' (closed)' : ''}</h3>
      <p className="poll-question" data-testid="poll-question">{poll.definition.question}</p>
      {poll.status === 'open' && <AnswerForm poll={poll} mine={mine} />}
      {poll.status === 'closed' && !poll.results && <p className="hint">{t('polls.closed')}</p>}
      {poll.results && <PollResults definition={poll.definition} results={poll.results} testId="poll-results" />}
    </section>
  );
}

function AnswerForm({ poll, mine }: { poll: PollView; mine: PollAnswer | null }) {
  const [draft, setDraft] = useState<PollAnswer | null>(mine);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const name = useId();
  useEffect(() => setDraft((d) => d ?? mine), [mine]);
  const { kind, options } = poll.definition;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    const result = await answerPoll(poll.id, draft);
    setMessage(result.ok ? { error: false, text: t('polls.answerIn') } : { error: true, text: refusalWords(result) });
  };
  const chosen = (i: number) => (draft?.kind === 'single' ? draft.choice === i : draft?.kind === 'multiple' ? draft.choices.includes(i) : false);
  return (
    <form onSubmit={(e) => void submit(e)}>
      <fieldset className="poll-choices">
        <legend className="sr-only">{poll.definition.question}</legend>
        {(kind === 'single' || kind === 'multiple') && options.map((o, i) => (
          <label key={o} className="poll-choice">
            <input
              type={kind === 'single' ? 'radio' : 'checkbox'} name={name} checked={chosen(i)} data-testid="poll-option"
              onChange={(e) => setDraft(kind === 'single'
                ? { kind: 'single', choice: i }
                : { kind: 'multiple', choices: e.target.checked ? [...(draft?.kind === 'multiple' ? draft.choices : []), i].sort() : (draft?.kind === 'multiple' ? draft.choices : []).filter((c) => c !== i) })}
            />{' '}{o}
          </label>
        ))}
        {kind === 'rating' && RATINGS.map((r) => (
          <label key={r} className="poll-choice">
            <input type="radio" name={name} checked={draft?.kind === 'rating' && draft.rating === r} onChange={() => setDraft({ kind: 'rating', rating: r })} data-testid="poll-option" />
            {' '}{r}<span aria-hidden="true"> {'★'.repeat(r)}</span>
          </label>
        ))}
        {kind === 'word' && (
          <label>
            {t('polls.yourWord')}{' '}
            <input value={draft?.kind === 'word' ? draft.word : ''} maxLength={POLL_WORD_MAX_CHARS} onChange={(e) => setDraft({ kind: 'word', word: e.target.value })} data-testid="poll-word" />
          </label>
        )}
      </fieldset>
      <button type="submit" disabled={!draft || (draft.kind === 'multiple' && draft.choices.length === 0) || (draft.kind === 'word' && !draft.word.trim())} data-testid="poll-submit">
        {mine ? t('polls.change') : t('polls.answer')}
      </button>
      {message && <p className={message.error ? 'field-error' : 'hint'} role={message.error ? 'alert' : 'status'} data-testid="poll-message">{message.text}</p>}
    </form>
  );
}

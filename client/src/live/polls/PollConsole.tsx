import { useId, useState, type FormEvent } from 'react';
import { POLL_KINDS, POLL_MAX_OPTIONS, breakoutRoomId, roundsOf, type PollKind } from '@live-workshop/shared/pure';
import type { EventConfig, PollLaunchPayload, PollView, RoomId } from '@live-workshop/shared';
import { refusalWords } from '../../session/refusals.js';
import { controlPoll, launchPoll } from '../segment/liveSegmentSocket.js';
import { useLiveSegment } from '../segment/liveSegmentStore.js';
import { PollResults } from './PollResults.js';
import { currentLocale } from '../../i18n/i18n.js';
import { useT } from '../../i18n/useT.js';
import { roomTitle } from '../../ui/words.js';
import { useEvent } from '../../session/useLw.js';

/**
 * Launch a prepared or an ad hoc poll, watch its results live, show them, close it. Moderators put
 * it to everyone or one room; a breakout's facilitator (`room`) to their own room only, and sees
 * only that room's polls.
 */
export function PollConsole({ event, room }: { event: EventConfig; room?: RoomId }) {
  const t = useT();
  const tallies = useLiveSegment((s) => s.polls.tallies);
  const [chosen, setAudience] = useState<string>('everyone');
  const audience = room ?? chosen;
  const [duration, setDuration] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { audience: useId(), duration: useId(), heading: useId() };
  const prepared = event.liveSegment?.polls ?? [];

  const launch = async (poll: PollLaunchPayload['poll']) => {
    const seconds = Number(duration);
    const result = await launchPoll({
      poll, audience: audience === 'everyone' ? { kind: 'everyone' } : { kind: 'room', roomId: audience },
      durationSeconds: duration && seconds > 0 ? Math.round(seconds) : null,
    });
    setProblem(result.ok ? null : refusalWords(result));
    return result.ok;
  };
  const polls = Object.values(tallies).reverse().filter((p) => !room || (p.audience.kind === 'room' && p.audience.roomId === room));
  return (
    <section className="panel" aria-labelledby={ids.heading} data-testid="poll-console">
      {room ? <h3 id={ids.heading}>{t('console.polls.inRoom')}</h3> : <h2 id={ids.heading}>{t('console.polls.heading')}</h2>}
      <div className="row">
        {room ? <p className="hint">{t('console.polls.toThisRoom')}</p> : (
          <>
            <label htmlFor={ids.audience}>{t('console.polls.putTo')}</label>
            <select id={ids.audience} value={audience} onChange={(e) => setAudience(e.target.value)} data-testid="poll-audience">
              <option value="everyone">{t('console.polls.everyone')}</option>
              <option value="plenary">{t('console.polls.plenary')}</option>
              {roundsOf(event).flatMap((round) => round.rooms).map((b) => <option key={b.id} value={breakoutRoomId(b.id)}>{roomTitle(event, breakoutRoomId(b.id))}</option>)}
            </select>
          </>
        )}
        <label htmlFor={ids.duration}>{t('console.polls.closesAfter')}</label>
        <input id={ids.duration} type="number" min={5} max={3600} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} style={{ width: '6rem' }} data-testid="poll-duration" />
      </div>
      {prepared.length > 0 && (
        <ul className="plain-list">
          {prepared.map((p) => (
            <li key={p.id} className="row">
              <button type="button" onClick={() => void launch({ preparedId: p.id })} data-testid={`poll-launch-${p.id}`}>{t('console.polls.launch')}<span className="sr-only">: {p.question}</span></button>
              <span>{p.question} <span className="hint">({t(`console.polls.kind.${p.kind}`)})</span></span>
            </li>
          ))}
        </ul>
      )}
      <AdHocPoll launch={launch} />
      {problem && <p className="field-error" role="alert">{problem}</p>}
      {polls.map((p) => <PollControls key={p.id} poll={p} setProblem={setProblem} />)}
    </section>
  );
}

function AdHocPoll({ launch }: { launch: (poll: PollLaunchPayload['poll']) => Promise<boolean> }) {
  const t = useT();
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<PollKind>('single');
  const [options, setOptions] = useState('');
  const ids = { question: useId(), kind: useId(), options: useId() };
  const choice = kind === 'single' || kind === 'multiple';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const list = choice ? options.split('\n').map((o) => o.trim()).filter(Boolean).slice(0, POLL_MAX_OPTIONS) : [];
    if (await launch({ question: question.trim(), kind, options: list })) {
      setQuestion('');
      setOptions('');
    }
  };
  return (
    <details>
      <summary>{t('console.polls.adHoc')}</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={ids.question}>{t('console.polls.question')}</label>
        <input id={ids.question} value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} data-testid="poll-adhoc-question" />
        <label htmlFor={ids.kind}>{t('setup.kindLabel')}</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as PollKind)} data-testid="poll-adhoc-kind">
          {POLL_KINDS.map((k) => <option key={k} value={k}>{t(`console.polls.kind.${k}`)}</option>)}
        </select>
        {choice && (
          <>
            <label htmlFor={ids.options}>{t('console.polls.options')}</label>
            <textarea id={ids.options} rows={3} value={options} onChange={(e) => setOptions(e.target.value)} data-testid="poll-adhoc-options" />
          </>
        )}
        <button type="submit" disabled={!question.trim()} data-testid="poll-adhoc-launch">{t('console.polls.launch')}</button>
      </form>
    </details>
  );
}

function PollControls({ poll, setProblem }: { poll: PollView; setProblem: (p: string | null) => void }) {
  const t = useT();
  const event = useEvent();
  const act = async (action: Parameters<typeof controlPoll>[1]) => {
    const result = await controlPoll(poll.id, action);
    setProblem(result.ok ? null : refusalWords(result));
  };
  return (
    <article className="poll-control" data-testid="poll-control" data-poll-id={poll.id}>
      <h3>{poll.definition.question}</h3>
      <p className="hint">
        {poll.status === 'open' ? t('console.polls.open') : t('console.polls.closed')} · {poll.audience.kind === 'everyone' ? t('console.polls.everyoneLower') : roomTitle(event, poll.audience.roomId)}
        {poll.status === 'open' && poll.closesAt !== null ? ` · ${t('console.polls.closesAt', { time: new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(poll.closesAt) })}` : ''}
        {poll.resultsShown ? ` · ${t('console.polls.resultsShown')}` : ''}
      </p>
      {poll.results && <PollResults definition={poll.definition} results={poll.results} testId="poll-live-results" />}
      <div className="row">
        {poll.status === 'open' && <button type="button" onClick={() => void act({ type: 'close' })} data-testid="poll-close">{t('console.polls.close')}</button>}
        <button type="button" className="secondary" onClick={() => void act({ type: 'showResults', shown: !poll.resultsShown })} data-testid="poll-show-results">
          {poll.resultsShown ? t('console.polls.hideResults') : t('console.polls.showResults')}
        </button>
      </div>
    </article>
  );
}

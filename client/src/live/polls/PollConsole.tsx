import { useId, useState, type FormEvent } from 'react';
import { POLL_KINDS, POLL_MAX_OPTIONS, breakoutRoomId, roundsOf, type PollKind } from '@live-workshop/shared/pure';
import type { EventConfig, PollLaunchPayload, PollView, RoomId } from '@live-workshop/shared';
import { refusalWords } from '../../session/refusals.js';
import { controlPoll, launchPoll } from '../segment/liveSegmentSocket.js';
import { useLiveSegment } from '../segment/liveSegmentStore.js';
import { PollResults } from './PollResults.js';

const KIND_WORDS: Record<PollKind, string> = { single: 'Single choice', multiple: 'Multiple choice', rating: 'Rating 1–5', word: 'Word answer' };

/**
 * Launch a prepared or an ad hoc poll, watch its results live, show them, close it. Moderators put
 * it to everyone or one room; a breakout's facilitator (`room`) to their own room only, and sees
 * only that room's polls.
 */
export function PollConsole({ event, room }: { event: EventConfig; room?: RoomId }) {
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
      {room ? <h3 id={ids.heading}>Polls in this room</h3> : <h2 id={ids.heading}>Polls</h2>}
      <div className="row">
        {room ? <p className="hint">Put to the people in this room.</p> : (
          <>
            <label htmlFor={ids.audience}>Put to</label>
            <select id={ids.audience} value={audience} onChange={(e) => setAudience(e.target.value)} data-testid="poll-audience">
              <option value="everyone">Everyone</option>
              <option value="plenary">The plenary room</option>
              {roundsOf(event).flatMap((round) => round.rooms).map((b, i) => <option key={b.id} value={breakoutRoomId(b.id)}>Breakout {i + 1}: {b.title}</option>)}
            </select>
          </>
        )}
        <label htmlFor={ids.duration}>Closes after (seconds, empty: by hand)</label>
        <input id={ids.duration} type="number" min={5} max={3600} inputMode="numeric" value={duration} onChange={(e) => setDuration(e.target.value)} style={{ width: '6rem' }} data-testid="poll-duration" />
      </div>
      {prepared.length > 0 && (
        <ul className="plain-list">
          {prepared.map((p) => (
            <li key={p.id} className="row">
              <button type="button" onClick={() => void launch({ preparedId: p.id })} data-testid={`poll-launch-${p.id}`}>Launch<span className="sr-only">: {p.question}</span></button>
              <span>{p.question} <span className="hint">({KIND_WORDS[p.kind]})</span></span>
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
      <summary>A poll written now</summary>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor={ids.question}>Question</label>
        <input id={ids.question} value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} data-testid="poll-adhoc-question" />
        <label htmlFor={ids.kind}>Kind</label>
        <select id={ids.kind} value={kind} onChange={(e) => setKind(e.target.value as PollKind)} data-testid="poll-adhoc-kind">
          {POLL_KINDS.map((k) => <option key={k} value={k}>{KIND_WORDS[k]}</option>)}
        </select>
        {choice && (
          <>
            <label htmlFor={ids.options}>Options, one per line</label>
            <textarea id={ids.options} rows={3} value={options} onChange={(e) => setOptions(e.target.value)} data-testid="poll-adhoc-options" />
          </>
        )}
        <button type="submit" disabled={!question.trim()} data-testid="poll-adhoc-launch">Launch</button>
      </form>
    </details>
  );
}

function PollControls({ poll, setProblem }: { poll: PollView; setProblem: (p: string | null) => void }) {
  const act = async (action: Parameters<typeof controlPoll>[1]) => {
    const result = await controlPoll(poll.id, action);
    setProblem(result.ok ? null : refusalWords(result));
  };
  return (
    <article className="poll-control" data-testid="poll-control" data-poll-id={poll.id}>
      <h3>{poll.definition.question}</h3>
      <p className="hint">
        {poll.status === 'open' ? 'Open' : 'Closed'} · {poll.audience.kind === 'everyone' ? 'everyone' : poll.audience.roomId}
        {poll.status === 'open' && poll.closesAt !== null ? ` · closes at ${new Date(poll.closesAt).toLocaleTimeString()}` : ''}
        {poll.resultsShown ? ' · results shown to the audience' : ''}
      </p>
      {poll.results && <PollResults definition={poll.definition} results={poll.results} testId="poll-live-results" />}
      <div className="row">
        {poll.status === 'open' && <button type="button" onClick={() => void act({ type: 'close' })} data-testid="poll-close">Close the poll</button>}
        <button type="button" className="secondary" onClick={() => void act({ type: 'showResults', shown: !poll.resultsShown })} data-testid="poll-show-results">
          {poll.resultsShown ? 'Hide the results' : 'Show the results to the audience'}
        </button>
      </div>
    </article>
  );
}

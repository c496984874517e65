import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CAPTION_MAX_CHARS, CAPTIONS_PER_SECOND, breakoutRoomId, type RoomId } from '@live-workshop/shared/pure';
import { refusalWords } from '../../session/refusals.js';
import { useEvent } from '../../session/useLw.js';
import { sendCaption } from '../segment/liveSegmentSocket.js';

/** Interim text goes out at most this often while typing (within the per-second limit, with room for the final lines). */
const INTERIM_EVERY_MS = Math.ceil(2000 / CAPTIONS_PER_SECOND);

/** The captioner's desk: pick the room, type; Enter sends the line (what is typed goes out as interim text meanwhile). */
export function CaptionerConsole() {
  const event = useEvent();
  const [roomId, setRoomId] = useState<RoomId>('plenary');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const lastInterimMs = useRef(Number.NEGATIVE_INFINITY);
  /** The interim text still to go out when the throttle allows (the words typed just before a pause). */
  const trailing = useRef<{ timer: ReturnType<typeof setTimeout>; value: string } | null>(null);
  const ids = { room: useId(), text: useId() };
  useEffect(() => () => {
    if (trailing.current) clearTimeout(trailing.current.timer);
  }, []);

  const send = async (final: boolean, value: string) => {
    const result = await sendCaption({ roomId, text: value, final });
    setProblem(result.ok ? null : refusalWords(result));
  };
  const onChange = (value: string) => {
    setText(value);
    const wait = INTERIM_EVERY_MS - (performance.now() - lastInterimMs.current);
    if (wait <= 0) {
      lastInterimMs.current = performance.now();
      void send(false, value);
    } else if (trailing.current) {
      trailing.current.value = value;
    } else {
      // Throttled, not dropped: what was typed last goes out when the interval allows.
      const pending = { value, timer: setTimeout(() => {
        trailing.current = null;
        lastInterimMs.current = performance.now();
        void send(false, pending.value);
      }, wait) };
      trailing.current = pending;
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key !== 'Enter' || e.shiftKey) return;
    e.preventDefault();
    // The final line replaces any interim text still waiting to go out.
    if (trailing.current) clearTimeout(trailing.current.timer);
    trailing.current = null;
    const line = text.trim();
    setText('');
    void send(true, line);
  };
  return (
    <section className="panel captioner" aria-labelledby="captioner-heading" data-testid="captioner-console">
      <h3 id="captioner-heading">Live captions</h3>
      <label htmlFor={ids.room}>Captions for</label>{' '}
      <select id={ids.room} value={roomId} onChange={(e) => setRoomId(e.target.value as RoomId)} data-testid="captioner-room">
        <option value="plenary">The plenary</option>
        {event?.breakouts.map((b, i) => <option key={b.id} value={breakoutRoomId(b.id)}>Breakout {i + 1}: {b.title}</option>)}
      </select>
      <label htmlFor={ids.text}>Type what is said; Enter ends a line</label>
      <textarea id={ids.text} rows={3} maxLength={CAPTION_MAX_CHARS} value={text} onChange={(e) => onChange(e.target.value)} onKeyDown={onKeyDown} data-testid="captioner-input" />
      {problem && <p className="field-error" role="alert">{problem}</p>}
    </section>
  );
}

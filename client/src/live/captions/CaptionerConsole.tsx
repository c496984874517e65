import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { CAPTION_MAX_CHARS, CAPTIONS_PER_SECOND, breakoutIdOf, roundsOf, type RoomId } from '@live-workshop/shared/pure';
import { refusalWords } from '../../session/refusals.js';
import { sendCommand } from '../../session/socket.js';
import { useAssignedRoom, useEvent } from '../../session/useLw.js';
import { roomTitle } from '../../ui/words.js';
import { sendCaption } from '../segment/liveSegmentSocket.js';
import { Rich } from '../../i18n/Rich.js';
import { useT } from '../../i18n/useT.js';

/** Interim text goes out at most this often while typing (within the per-second limit, with room for the final lines). */
const INTERIM_EVERY_MS = Math.ceil(2000 / CAPTIONS_PER_SECOND);

/** The rooms with people to caption; backstage (a captioner waits there) has none. */
const captionable = (roomId: RoomId | null): roomId is RoomId => roomId === 'plenary' || (roomId?.startsWith('breakout:') ?? false);

/**
 * The captioner's desk: choose the breakout to caption while the breakouts run (the stage
 * otherwise), hear that room, type; Enter sends the line (what is typed goes out as interim text
 * meanwhile). Lines go to the room heard now: the server assigns it and accepts no other.
 */
export function CaptionerConsole() {
  const t = useT();
  const event = useEvent();
  const heard = useAssignedRoom();
  const roomId = captionable(heard) ? heard : null;
  const [choice, setChoice] = useState<string>(() => (heard ? breakoutIdOf(heard) ?? '' : ''));
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const lastInterimMs = useRef(Number.NEGATIVE_INFINITY);
  /** The interim text still to go out when the throttle allows (the words typed just before a pause). */
  const trailing = useRef<{ timer: ReturnType<typeof setTimeout>; value: string } | null>(null);
  const ids = { room: useId(), text: useId(), hearing: useId() };
  useEffect(() => () => {
    if (trailing.current) clearTimeout(trailing.current.timer);
  }, []);

  const choose = async (breakoutId: string) => {
    setChoice(breakoutId);
    const result = await sendCommand({ type: 'captionRoom', breakoutId: breakoutId || null });
    setProblem(result.ok ? null : refusalWords(result));
  };
  const send = async (final: boolean, value: string) => {
    if (!roomId) return;
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
      <h3 id="captioner-heading">{t('captions.label')}</h3>
      <p id={ids.hearing} aria-live="polite" data-testid="captioner-hearing">
        {roomId ? <Rich text={(m) => t('captioner.hearing', m)} parts={{ room: <strong>{roomTitle(event, roomId)}</strong> }} /> : t('captioner.chooseBreakout')}
      </p>
      <label htmlFor={ids.room}>{t('captioner.roomLabel')}</label>{' '}
      <select id={ids.room} value={choice} onChange={(e) => void choose(e.target.value)} data-testid="captioner-room">
        <option value="">{t('captioner.theStage')}</option>
        {event && roundsOf(event).flatMap((round) => round.rooms).map((b, i) => <option key={b.id} value={b.id}>{t('rooms.breakout', { number: i + 1, title: b.title })}</option>)}
      </select>
      <label htmlFor={ids.text}>{t('captioner.typeLabel')}</label>
      <textarea
        id={ids.text} rows={3} maxLength={CAPTION_MAX_CHARS} value={text} disabled={!roomId} aria-describedby={ids.hearing}
        onChange={(e) => onChange(e.target.value)} onKeyDown={onKeyDown} data-testid="captioner-input"
      />
      {problem && <p className="field-error" role="alert">{problem}</p>}
    </section>
  );
}

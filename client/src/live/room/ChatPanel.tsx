import { useId, useState, type FormEvent } from 'react';
import { CHAT_MAX_CHARS } from '@live-workshop/shared/pure';
import { refusalWords } from '../../session/refusals.js';
import { sendChat } from '../../session/socket.js';
import { useLw } from '../../session/useLw.js';
import { RoleBadge } from '../../ui/RoleBadge.js';
import { currentLocale, t } from '../../i18n/i18n.js';
import { formatTime } from '@live-workshop/shared/pure';

/** A chat line's time: the reader's own clock, in their language's way (24-hour where it uses it). */
const chatTime = (at: number) => formatTime(at, undefined, currentLocale());

/** The chat of the room we are in. */
export function ChatPanel() {
  const roomId = useLw((s) => (s.assignment.visit ?? s.assignment.current)?.roomId ?? null);
  const allMessages = useLw((s) => s.chat.messages);
  const meId = useLw((s) => (s.session.status === 'connected' ? s.session.me.id : null));
  const messages = allMessages.filter((m) => m.roomId === roomId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const inputId = useId();
  const errorId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    setSending(true);
    const result = await sendChat(trimmed);
    setSending(false);
    if (result.ok) {
      setText('');
      setError(null);
    } else setError(refusalWords(result));
  };

  return (
    <section className="chat" aria-label={t('chat.label')}>
      <h3>{t('chat.heading')}</h3>
      {/* The log is a box around the list: an <ol> given role="log" is no list, and its items would fail axe's listitem rule;
          a tab stop, so a keyboard scrolls it. */}
      <div className="chat-log" role="log" aria-label={t('chat.messages')} tabIndex={0} data-testid="chat-log">
        <ol>
          {messages.length === 0 && <li className="hint">{t('chat.none')}</li>}
          {messages.map((m) => (
            <li key={`${m.roomId}#${m.id}`} className={m.from.id === meId ? 'chat-mine' : undefined}>
              <span className="chat-from">{m.from.id === meId ? t('chat.you') : m.from.name}</span> <RoleBadge role={m.from.role} />{' '}
              <time dateTime={new Date(m.at).toISOString()}>{chatTime(m.at)}</time>
              <p>{m.text}</p>
            </li>
          ))}
        </ol>
      </div>
      <form onSubmit={(e) => void submit(e)} className="chat-form">
        <label htmlFor={inputId}>{t('chat.inputLabel')}</label>
        <div className="row">
          <input
            id={inputId}
            value={text}
            maxLength={CHAT_MAX_CHARS}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
            autoComplete="off"
            data-testid="chat-input"
          />
          <button type="submit" disabled={sending || !text.trim()} data-testid="chat-send">
            {t('chat.send')}
          </button>
        </div>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}

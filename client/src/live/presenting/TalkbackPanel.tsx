import { useState, type FormEvent } from 'react';
import { inTalkback, TALKBACK_MAX_CHARS } from '@live-workshop/shared/pure';
import { refusalWords } from '../../session/refusals.js';
import { useEvent, useLw, useMe, usePhase } from '../../session/useLw.js';
import { sendTalkback } from './presentingRequests.js';
import { useT } from '../../i18n/useT.js';

/** Backstage talk-back between this part's speakers and the moderators; the audience never receives it. */
export function TalkbackPanel() {
  const t = useT();
  const event = useEvent();
  const phase = usePhase();
  const me = useMe();
  const lines = useLw((s) => s.presenting.talkback);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!event || !phase || !me || !inTalkback(event, phase, me)) return null;
  const send = async (e: FormEvent) => {
    e.preventDefault();
    const result = await sendTalkback(text);
    if (result.ok) {
      setText('');
      setProblem(null);
    } else setProblem(refusalWords(result));
  };
  return (
    <section className="talkback" aria-labelledby="talkback-heading" data-testid="talkback">
      <h3 id="talkback-heading">{t('speaker.talkback.heading')}</h3>
      <ol className="talkback-lines" aria-live="polite">
        {lines.map((m) => (
          <li key={`${m.at}-${m.id}`} data-testid="talkback-line">
            <strong>{m.from.name}{m.from.role === 'moderator' ? ` ${t('speaker.talkback.moderator')}` : ''}:</strong> {m.text}
          </li>
        ))}
      </ol>
      {lines.length === 0 && <p className="hint">{t('speaker.talkback.none')}</p>}
      <form onSubmit={(e) => void send(e)}>
        <label>
          <span className="sr-only">{t('speaker.talkback.line')}</span>
          <input value={text} maxLength={TALKBACK_MAX_CHARS} onChange={(e) => setText(e.currentTarget.value)} placeholder={t('speaker.talkback.placeholder')} data-testid="talkback-input" />
        </label>
        <button type="submit" disabled={text.trim() === ''} data-testid="talkback-send">{t('speaker.talkback.send')}</button>
      </form>
      {problem && <p className="notice notice-error" role="alert">{problem}</p>}
    </section>
  );
}

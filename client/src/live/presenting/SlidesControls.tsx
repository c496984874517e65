import { useState } from 'react';
import { mayUploadSlides, maySteerSlides } from '@live-workshop/shared/pure';
import { failureWords } from '../../net/api.js';
import { useEvent, useLw, useMe, usePhase } from '../../session/useLw.js';
import { showSlide, uploadSlides } from './presentingRequests.js';
import { useT } from '../../i18n/useT.js';

/** Previous and next page, for the item's speakers and the moderators (who can take over). */
export function SlidesControls() {
  const t = useT();
  const event = useEvent();
  const phase = usePhase();
  const me = useMe();
  const slides = useLw((s) => s.presenting.slides);
  if (!slides || !event || !phase || !me || !maySteerSlides(event, phase, me)) return null;
  const go = (page: number) => void showSlide(slides.deckId, page);
  return (
    <div className="controls slides-controls" role="group" aria-label={t('speaker.slides.turn')}>
      <button type="button" onClick={() => go(slides.page - 1)} disabled={slides.page <= 1} data-testid="slide-previous">
        {t('speaker.slides.previous')}
      </button>
      <span aria-live="polite">
        {t('speaker.slides.page', { page: slides.page, pages: slides.pages })}
      </span>
      <button type="button" onClick={() => go(slides.page + 1)} disabled={slides.page >= slides.pages} data-testid="slide-next">
        {t('speaker.slides.next')}
      </button>
      {me.role === 'moderator' && <span className="hint"> {t('speaker.slides.takeOver')}</span>}
    </div>
  );
}

/** Upload a PDF as the slides: speakers any time, moderators before the event; refusals in the server's words. */
export function SlidesUpload() {
  const t = useT();
  const phase = usePhase();
  const me = useMe();
  const [state, setState] = useState<{ busy: boolean; problem: string | null; done: string | null }>({ busy: false, problem: null, done: null });
  if (!phase || !me || !mayUploadSlides(phase, me.role)) return null;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setState({ busy: true, problem: null, done: null });
    try {
      const slides = await uploadSlides(file);
      setState({ busy: false, problem: null, done: t('speaker.slides.uploaded', { name: slides.name, count: slides.pages }) });
    } catch (error) {
      setState({ busy: false, problem: failureWords(error, t('speaker.slides.uploadFailed')), done: null });
    }
  };
  return (
    <div className="slides-upload">
      <label>
        {t('speaker.slides.upload')}{' '}
        <input type="file" accept="application/pdf,.pdf" disabled={state.busy} onChange={(e) => void upload(e.currentTarget.files?.[0])} data-testid="slides-upload" />
      </label>
      {state.busy && <p className="hint">{t('speaker.slides.uploading')}</p>}
      {state.problem && <p className="notice notice-error" role="alert">{state.problem}</p>}
      {state.done && <p className="hint" role="status">{state.done}</p>}
    </div>
  );
}

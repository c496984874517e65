import { useState } from 'react';
import { mayUploadSlides, maySteerSlides } from '@live-workshop/shared/pure';
import { failureWords } from '../../net/api.js';
import { useEvent, useLw, useMe, usePhase } from '../../session/useLw.js';
import { showSlide, uploadSlides } from './presentingRequests.js';

/** Previous and next page, for the item's speakers and the moderators (who can take over). */
export function SlidesControls() {
  const event = useEvent();
  const phase = usePhase();
  const me = useMe();
  const slides = useLw((s) => s.presenting.slides);
  if (!slides || !event || !phase || !me || !maySteerSlides(event, phase, me)) return null;
  const go = (page: number) => void showSlide(slides.deckId, page);
  return (
    <div className="controls slides-controls" role="group" aria-label="Turn the slides">
      <button type="button" onClick={() => go(slides.page - 1)} disabled={slides.page <= 1} data-testid="slide-previous">
        Previous slide
      </button>
      <span aria-live="polite">
        Slide {slides.page} of {slides.pages}
      </span>
      <button type="button" onClick={() => go(slides.page + 1)} disabled={slides.page >= slides.pages} data-testid="slide-next">
        Next slide
      </button>
      {me.role === 'moderator' && <span className="hint"> (you can take over from the speaker)</span>}
    </div>
  );
}

/** Upload a PDF as the slides: speakers any time, moderators before the event; refusals in the server's words. */
export function SlidesUpload() {
  const phase = usePhase();
  const me = useMe();
  const [state, setState] = useState<{ busy: boolean; problem: string | null; done: string | null }>({ busy: false, problem: null, done: null });
  if (!phase || !me || !mayUploadSlides(phase, me.role)) return null;
  const upload = async (file: File | undefined) => {
    if (!file) return;
    setState({ busy: true, problem: null, done: null });
    try {
      const slides = await uploadSlides(file);
      setState({ busy: false, problem: null, done: `“${slides.name}” uploaded (${slides.pages} pages).` });
    } catch (error) {
      setState({ busy: false, problem: failureWords(error, 'The slides could not be uploaded.'), done: null });
    }
  };
  return (
    <div className="slides-upload">
      <label>
        Slides (PDF, everyone sees the page you show):{' '}
        <input type="file" accept="application/pdf,.pdf" disabled={state.busy} onChange={(e) => void upload(e.currentTarget.files?.[0])} data-testid="slides-upload" />
      </label>
      {state.busy && <p className="hint">Uploading…</p>}
      {state.problem && <p className="notice notice-error" role="alert">{state.problem}</p>}
      {state.done && <p className="hint" role="status">{state.done}</p>}
    </div>
  );
}

import { lazy, Suspense } from 'react';
import { useLw } from '../../session/useLw.js';
import { deckSource } from './presentingRequests.js';

const SlidesCanvas = lazy(() => import('./SlidesCanvas.js'));

/** The slides that are up, drawn by this page (nothing while no deck is uploaded). */
export function SlidesView() {
  const slides = useLw((s) => s.presenting.slides);
  if (!slides) return null;
  const label = `Slide ${slides.page} of ${slides.pages}`;
  return (
    <figure className="slides" data-testid="slides" data-page={slides.page}>
      <Suspense fallback={<p className="hint">Loading the slides…</p>}>
        <SlidesCanvas deckId={slides.deckId} source={deckSource(slides.deckId)} page={slides.page} label={label} />
      </Suspense>
      <figcaption>
        <span data-testid="slides-caption">{label}</span> · {slides.name}
      </figcaption>
    </figure>
  );
}

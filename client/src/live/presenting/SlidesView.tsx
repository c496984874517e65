import { lazy, Suspense } from 'react';
import { useLw } from '../../session/useLw.js';
import { deckSource } from './presentingRequests.js';
import { useT } from '../../i18n/useT.js';

const SlidesCanvas = lazy(() => import('./SlidesCanvas.js'));

/** The slides that are up, drawn by this page (nothing while no deck is uploaded). */
export function SlidesView() {
  const t = useT();
  const slides = useLw((s) => s.presenting.slides);
  if (!slides) return null;
  const label = t('speaker.slides.page', { page: slides.page, pages: slides.pages });
  return (
    <figure className="slides" data-testid="slides" data-page={slides.page}>
      <Suspense fallback={<p className="hint">{t('speaker.slides.loading')}</p>}>
        <SlidesCanvas deckId={slides.deckId} source={deckSource(slides.deckId)} page={slides.page} label={label} problemText={t('speaker.slides.notShown')} />
      </Suspense>
      <figcaption>
        <span data-testid="slides-caption">{label}</span> · {slides.name}
      </figcaption>
    </figure>
  );
}

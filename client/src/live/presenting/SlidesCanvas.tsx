// pdf.js draws the current page on this page itself (loaded only when slides are up, so the first
// page's bundle does not carry it): sharp at any size, a few bytes per page change.
import { useEffect, useRef, useState } from 'react';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Where a deck's PDF is read from, and the headers that let this person read it. */
export interface DeckSource {
  readonly url: string;
  readonly httpHeaders: Record<string, string>;
}

/** Each deck is fetched once per page load; a failed fetch is forgotten so the next render tries again. */
const decks = new Map<string, Promise<PDFDocumentProxy>>();
function loadDeck(deckId: string, source: DeckSource): Promise<PDFDocumentProxy> {
  let deck = decks.get(deckId);
  if (!deck) {
    deck = getDocument({ ...source, isEvalSupported: false }).promise;
    decks.set(deckId, deck);
    deck.catch(() => decks.delete(deckId));
  }
  return deck;
}

/** One page of a deck, fitted to the width of its box; `data-rendered-page` says which page is drawn. */
export default function SlidesCanvas({ deckId, source, page, label, problemText }: { deckId: string; source: DeckSource; page: number; label: string; problemText: string }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [rendered, setRendered] = useState<number | null>(null);
  const [problem, setProblem] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (width === 0) return;
    let cancelled = false;
    let task: RenderTask | null = null;
    void (async () => {
      try {
        const pdfPage = await (await loadDeck(deckId, source)).getPage(page);
        if (cancelled) return;
        const dpr = window.devicePixelRatio || 1;
        const viewport = pdfPage.getViewport({ scale: (width / pdfPage.getViewport({ scale: 1 }).width) * dpr });
        // Drawn off screen first, then copied: the old page stays up until the new one is ready.
        const scratch = document.createElement('canvas');
        scratch.width = Math.floor(viewport.width);
        scratch.height = Math.floor(viewport.height);
        task = pdfPage.render({ canvas: scratch, viewport });
        await task.promise;
        const shown = canvas.current;
        if (cancelled || !shown) return;
        shown.width = scratch.width;
        shown.height = scratch.height;
        shown.style.width = `${width}px`;
        shown.style.height = `${Math.round(scratch.height / dpr)}px`;
        shown.getContext('2d')?.drawImage(scratch, 0, 0);
        setRendered(page);
        setProblem(false);
      } catch (error) {
        if (!cancelled && (error as { name?: string } | null)?.name !== 'RenderingCancelledException') setProblem(true);
      }
    })();
    return () => {
      cancelled = true;
      task?.cancel();
    };
    // The source only changes with the deck, which is a dependency.
  }, [deckId, page, width]);

  return (
    <div ref={box} className="slides-canvas" data-testid="slides-canvas" data-rendered-page={rendered ?? ''}>
      <canvas ref={canvas} role="img" aria-label={label} />
      {problem && <p className="notice notice-error">{problemText}</p>}
    </div>
  );
}

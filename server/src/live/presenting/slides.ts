import { nanoid } from 'nanoid';
import { mayUploadSlides, maySteerSlides, type AgendaState, type SlidesState } from '@live-workshop/shared';
import type { Clock } from '../../platform/clock.js';
import { checkPdf, type PdfProblem } from './pdfCheck.js';
import type { SqliteSlidesStore } from './slidesStore.js';

/** A refused slides request: the HTTP status, a code from the closed set and words. */
export type SlidesRefusal = { readonly status: number; readonly code: PdfProblem['code'] | 'forbidden' | 'not_found' | 'not_allowed_now'; readonly message: string };

type Outcome = { ok: true; slides: SlidesState } | ({ ok: false } & SlidesRefusal);

/** Longest file name kept for people to read. */
const NAME_MAX_CHARS = 120;

/**
 * The event's slides: one deck up at a time (a new upload replaces it and starts at page 1), its
 * current page saved on each change; every change is told to the listeners (the broadcast).
 */
export class Slides {
  private readonly listeners: ((slides: SlidesState) => void)[] = [];

  constructor(private readonly deps: { store: SqliteSlidesStore; clock: Clock; state: () => AgendaState }) {}

  /** What everyone sees now, or null before any deck is uploaded. */
  current(): SlidesState | null {
    const position = this.deps.store.position();
    const deck = position ? this.deps.store.deck(position.deckId) : null;
    if (!position || !deck) return null;
    return { deckId: deck.id, name: deck.name, pages: deck.pages, page: position.page, by: position.by, at: position.at };
  }

  /** Told of every change, after it is saved. */
  onChange(listener: (slides: SlidesState) => void): void {
    this.listeners.push(listener);
  }

  /** Validate and store an upload from a person; it becomes the deck everyone sees, at page 1. */
  async upload(participantId: string, fileName: string, bytes: Uint8Array): Promise<Outcome> {
    const state = this.deps.state();
    const who = state.participants[participantId];
    if (!who || !mayUploadSlides(state.phase, who.role)) {
      return { ok: false, status: 403, code: 'forbidden', message: 'Slides are uploaded by the speakers, or by a moderator before the event starts.' };
    }
    const checked = await checkPdf(bytes);
    if (!checked.ok) return { ok: false, status: checked.code === 'too_large' ? 413 : 400, code: checked.code, message: checked.message };
    const at = this.deps.clock.now();
    const name = fileName.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, NAME_MAX_CHARS) || 'slides.pdf';
    const id = nanoid(16);
    this.deps.store.add({ id, name, pages: checked.pages, uploadedBy: participantId, uploadedAt: at }, bytes);
    return { ok: true, slides: this.move({ deckId: id, page: 1, by: who.name, at }) };
  }

  /** Turn to a page of the current deck: the item's speakers, and moderators taking over. */
  show(participantId: string, deckId: string, page: number): Outcome {
    const state = this.deps.state();
    const who = state.participants[participantId];
    if (!who || !maySteerSlides(state.event, state.phase, who)) {
      return { ok: false, status: 403, code: 'forbidden', message: 'Only the speakers of this part and the moderators turn the slides.' };
    }
    const current = this.current();
    if (!current || current.deckId !== deckId) return { ok: false, status: 409, code: 'not_allowed_now', message: 'Those slides are no longer shown; another deck has been uploaded.' };
    if (page > current.pages) return { ok: false, status: 400, code: 'invalid_payload', message: `These slides have ${current.pages} pages.` };
    if (page === current.page) return { ok: true, slides: current };
    return { ok: true, slides: this.move({ deckId, page, by: who.name, at: this.deps.clock.now() }) };
  }

  /** The PDF of a deck, for a participant of the event (the route has checked the session). */
  pdf(deckId: string): Buffer | null {
    return this.deps.store.pdf(deckId);
  }

  private move(position: { deckId: string; page: number; by: string; at: number }): SlidesState {
    this.deps.store.setPosition(position);
    const slides = this.current()!;
    for (const listener of this.listeners) listener(slides);
    return slides;
  }
}

/** Store actions of presenting (slides and talk-back); the socket layer calls them. */
import type { SlidesState, TalkbackMessage } from '@live-workshop/shared';
import { lwStore } from './store.js';

/** Talk-back lines kept on screen. */
const MAX_TALKBACK = 100;

/** The slides changed (a page turned, a new deck); an older change arriving late is ignored. */
export function applySlides(slides: SlidesState): void {
  lwStore.setState((s) => {
    const current = s.presenting.slides;
    if (current && current.deckId === slides.deckId && current.at > slides.at) return {};
    return { presenting: { ...s.presenting, slides } };
  });
}

/** A talk-back line arrived (once each: a reconnect repeats the recent ones). */
export function addTalkback(message: TalkbackMessage): void {
  lwStore.setState((s) => {
    if (s.presenting.talkback.some((m) => m.id === message.id && m.at === message.at)) return {};
    return { presenting: { ...s.presenting, talkback: [...s.presenting.talkback, message].slice(-MAX_TALKBACK) } };
  });
}

/**
 * People are told where a move took them: the page title becomes the room's name, an aria-live
 * message says "You are now in Breakout 2: Building Trust", and focus moves to the room's heading
 * (otherwise it falls to <body> when the old room's view goes away) — unless the person is typing
 * in a field still on the page, which keeps its focus.
 */
import type { RoomId } from '@live-workshop/shared/pure';
import { announce, eventOf } from '../../session/store/actions.js';
import { lwStore } from '../../session/store/store.js';
import { describeRoom, roomTitle } from '../../ui/words.js';
import { t } from '../../i18n/i18n.js';

/** The id every room view gives its heading. */
export const ROOM_HEADING_ID = 'room-heading';
/** How many animation frames we wait for the new room's view to render its heading. */
const HEADING_WAIT_FRAMES = 30;

/** Tell the person they arrived in a room (see the file comment). */
export function announceArrival(roomId: RoomId, isVisit: boolean): void {
  const event = eventOf(lwStore.getState());
  // The room as a sentence names it ("the plenary", "das Plenum"); each language's sentence fits that form.
  announce(t(isVisit ? 'a11y.nowVisiting' : 'a11y.nowIn', { room: describeRoom(event, roomId) }));
  if (typeof document === 'undefined') return;
  const title = roomTitle(event, roomId);
  document.title = event ? `${title} — ${event.title}` : title;
  // After the next frame: the old room's view (with a heading of the same id) is gone by then.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => focusHeadingSoon(HEADING_WAIT_FRAMES));
}

/** The moderator console; their own room view is one small panel of it. */
const CONSOLE_SELECTOR = '[data-testid="moderator-console"]';
const OWN_ROOM_SELECTOR = '[data-testid="console-own-room"]';

/**
 * Someone typing in a field that is still on the page keeps their focus (a captioner, a chat line, a
 * question), and so does a moderator working in the console (a cue, a visit, a reassignment): a move
 * must not take them away from the control they just used.
 */
function keepsFocus(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.isConnected || active === document.body) return false;
  if (active.isContentEditable || active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement) return true;
  return active.closest(CONSOLE_SELECTOR) !== null && active.closest(OWN_ROOM_SELECTOR) === null;
}

/** The view of the new room renders after the store update: look for its heading for a few frames. */
function focusHeadingSoon(framesLeft: number): void {
  if (keepsFocus()) return;
  const heading = document.getElementById(ROOM_HEADING_ID);
  if (heading) {
    // A heading is not focusable by default; -1 lets a script focus it without adding a tab stop.
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    // In the console the heading is in a small panel at the side: focus it without scrolling the console away.
    heading.focus({ preventScroll: heading.closest(CONSOLE_SELECTOR) !== null });
    return;
  }
  if (framesLeft <= 0 || typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => focusHeadingSoon(framesLeft - 1));
}

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

/** The id every room view gives its heading. */
export const ROOM_HEADING_ID = 'room-heading';
/** How many animation frames we wait for the new room's view to render its heading. */
const HEADING_WAIT_FRAMES = 30;

/** Tell the person they arrived in a room (see the file comment). */
export function announceArrival(roomId: RoomId, isVisit: boolean): void {
  const event = eventOf(lwStore.getState());
  announce(`${isVisit ? 'You are now visiting' : 'You are now in'} ${describeRoom(event, roomId)}`);
  if (typeof document === 'undefined') return;
  const title = roomTitle(event, roomId);
  document.title = event ? `${title} — ${event.title}` : title;
  // After the next frame: the old room's view (with a heading of the same id) is gone by then.
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => focusHeadingSoon(HEADING_WAIT_FRAMES));
}

/** Someone typing in a field that is still on the page keeps their focus (a captioner, a chat line, a question). */
function isTyping(): boolean {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.isConnected) return false;
  return active.isContentEditable || active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement;
}

/** The view of the new room renders after the store update: look for its heading for a few frames. */
function focusHeadingSoon(framesLeft: number): void {
  if (isTyping()) return;
  const heading = document.getElementById(ROOM_HEADING_ID);
  if (heading) {
    // A heading is not focusable by default; -1 lets a script focus it without adding a tab stop.
    if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: false });
    return;
  }
  if (framesLeft <= 0 || typeof requestAnimationFrame !== 'function') return;
  requestAnimationFrame(() => focusHeadingSoon(framesLeft - 1));
}

/**
 * Moving focus to a heading when the view it belongs to replaces the one that had focus (the pre-join
 * check gives way to the room, a form to its confirmation): otherwise focus falls to <body> and a
 * screen reader or keyboard user starts again from the top of the page.
 */

/** Focus the first heading matching `selector` (made focusable by script only: tabindex -1, no tab stop); whether one was there. */
export function focusHeading(selector: string): boolean {
  const heading = document.querySelector<HTMLElement>(selector);
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  return true;
}

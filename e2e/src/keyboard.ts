// A person who uses only the keyboard: Tab to move, Enter and Space to act, typing into fields.
// Nothing here clicks; each step checks that the focused element shows a focus ring.
import type { Page } from 'playwright-core';

/** Tab presses before giving up on reaching an element (the moderator console has many controls). */
const MAX_TABS = 250;

/** What has focus now, for error messages. */
const focusedWords = (page: Page) =>
  page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    return e ? `<${e.tagName.toLowerCase()}${e.dataset.testid ? ` data-testid="${e.dataset.testid}"` : ''}> "${(e.textContent ?? '').trim().slice(0, 60)}"` : 'nothing';
  });

/**
 * Press Tab until the focused element matches `selector` (and is enabled); then check it is drawn
 * with a visible focus ring. Returns the number of presses it took.
 */
export async function tabTo(page: Page, selector: string): Promise<number> {
  for (let presses = 1; presses <= MAX_TABS; presses++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((sel) => {
      const e = document.activeElement as HTMLElement | null;
      return !!e && e.matches(sel) && !(e as HTMLButtonElement).disabled;
    }, selector);
    if (!reached) continue;
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    if (ring.style === 'none' || ring.width < 2) throw new Error(`${selector} has focus but no visible focus ring (${JSON.stringify(ring)})`);
    return presses;
  }
  throw new Error(`${MAX_TABS} Tab presses did not reach ${selector}; focus is on ${await focusedWords(page)}`);
}

/** Tab to a field and type into it. */
export async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(text);
}

/** Tab to a closed <select> and press ArrowDown until it shows `value` (what Chromium does on Linux, without opening it). */
export async function chooseWithArrows(page: Page, selector: string, value: string, maxPresses = 300): Promise<void> {
  await tabTo(page, selector);
  for (let i = 0; i < maxPresses; i++) {
    if ((await page.evaluate(() => (document.activeElement as HTMLSelectElement).value)) === value) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`${selector}: ${maxPresses} ArrowDown presses did not reach ${value}`);
}

/** The id of the element that has focus (or its tag). */
export const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || null);

// axe on a view as it was, checked later: the page's DOM is copied at the moment (its markup,
// ARIA state, inline and injected styles, stylesheet links; no scripts), and axe runs on the copy
// once the media are gone, served from the page's own address so its CSS loads as it did.
//
// Why: with eleven camera pages (the seed journey had eight attendees then) two cores were saturated, and axe on a live view
// took 49–131 s per view there (measured 2026-12-03, even without color-contrast); while it ran,
// the page's main thread starved its LiveKit signalling, negotiations timed out and rooms
// reconnected, which is what then failed the journey. A copy checked at the end costs the live
// pages nothing, and axe sees the same markup and styles the person saw.
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './axe';

/** A view's copy, waiting to be checked. */
export interface ViewCopy {
  readonly view: string;
  readonly url: string;
  readonly html: string;
}

/** Copy the view `page` shows now (see the file comment). */
export async function copyView(page: Page, view: string): Promise<ViewCopy> {
  const html = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true) as HTMLElement;
    for (const s of Array.from(root.querySelectorAll('script'))) s.remove();
    // Form state lives in properties, not attributes: carry what a person would see into the copy.
    const live = Array.from(document.querySelectorAll<HTMLInputElement>('input'));
    Array.from(root.querySelectorAll<HTMLInputElement>('input')).forEach((input, i) => {
      const from = live[i];
      if (!from) return;
      if (from.type === 'checkbox' || from.type === 'radio') input.toggleAttribute('checked', from.checked);
      else input.setAttribute('value', from.value);
    });
    const liveSelects = Array.from(document.querySelectorAll('select'));
    Array.from(root.querySelectorAll('select')).forEach((select, i) => {
      const chosen = liveSelects[i]?.selectedIndex ?? -1;
      Array.from(select.options).forEach((o, j) => o.toggleAttribute('selected', j === chosen));
    });
    return `<!doctype html>\n${root.outerHTML}`;
  });
  return { view, url: page.url(), html };
}

/**
 * Check each copy with axe in one fresh page (no camera, no scripts), one after another; throws on
 * the first view with a violation, naming it.
 */
export async function expectNoAxeViolationsInCopies(browser: Browser, copies: readonly ViewCopy[]): Promise<void> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    for (const copy of copies) {
      const url = new URL(copy.url);
      url.hash = '';
      // Only the document itself is the copy; its stylesheets and images come from the server.
      await page.route(url.toString(), (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: copy.html }));
      await page.goto(url.toString(), { waitUntil: 'load' });
      await page.unroute(url.toString());
      await expectNoAxeViolations(page, `${copy.view} (copy)`);
    }
  } finally {
    await context.close();
  }
}

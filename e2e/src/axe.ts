// axe-core on a page as it is now (@axe-core/playwright): every rule axe runs by default (WCAG 2.x
// A and AA, and its best practices); any violation fails, listed with the elements it found.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The views checked so far in this process, with how many rules passed and how long axe took (for a test's summary). */
export const axeChecked: { view: string; passes: number; ms: number }[] = [];

/** One violation in words: the rule, its impact, and up to five of the elements it names. */
function describe(v: { id: string; impact?: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }): string {
  const nodes = v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300)}`);
  return `  ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.length} element(s)\n${nodes.join('\n')}`;
}

/** Run axe on `page` and throw if it finds any violation; `view` names the page in the message. */
export async function expectNoAxeViolations(page: Page, view: string): Promise<void> {
  const startedAt = Date.now();
  const results = await new AxeBuilder({ page }).analyze();
  axeChecked.push({ view, passes: results.passes.length, ms: Date.now() - startedAt });
  if (results.violations.length > 0) {
    throw new Error(`axe found ${results.violations.length} violation(s) on ${view} (${page.url()}):\n${results.violations.map(describe).join('\n')}`);
  }
}

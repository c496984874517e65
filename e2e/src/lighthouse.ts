// Lighthouse, as a person auditing the event page would run it: its default configuration (a
// mid-range phone on a slow 4G network, simulated), in Debian's Chromium with default settings.
// Chromium is started by puppeteer-core over a pipe (not a debugging port), so it can run inside a
// test's network namespace (`executablePath` may be NetNs.wrapper's).
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

/** What a run found: the four category scores (0–100) and the audits a test or the report reads. */
export interface LighthouseFindings {
  readonly scores: Readonly<Record<'performance' | 'accessibility' | 'best-practices' | 'seo', number>>;
  /** Audit id → its score (0–1; null when informative only). */
  readonly audits: Readonly<Record<string, number | null>>;
  readonly metrics: { readonly fcpMs: number; readonly lcpMs: number; readonly tbtMs: number; readonly cls: number; readonly speedIndexMs: number };
  /** Every URL the page requested, in order. */
  readonly requests: readonly string[];
  /** Lighthouse's estimate of this machine's speed (its "benchmark index": higher is faster). */
  readonly benchmarkIndex: number;
  /** The whole JSON report, to keep as an artifact. */
  readonly report: string;
}

/** Lighthouse sometimes loses the trace of a load (NO_NAVSTART): the run is made again, as a person would. */
const ATTEMPTS = 3;

/** Audit `url` once with Lighthouse's defaults (mobile); retried when Lighthouse itself fails. */
export async function auditWithLighthouse(url: string, executablePath: string): Promise<LighthouseFindings> {
  let lastError = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    // --no-sandbox: the tests run as root, where Chromium refuses its sandbox.
    const browser = await puppeteer.launch({ executablePath, pipe: true, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const result = await lighthouse(url, { output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] }, undefined, page);
      const lhr = result?.lhr;
      if (!lhr || lhr.runtimeError) {
        lastError = lhr?.runtimeError?.code ?? 'no result';
        continue;
      }
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const metric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      const requests = (lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items?.map((i) => i.url) ?? [];
      return {
        scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') },
        audits: Object.fromEntries(Object.entries(lhr.audits).map(([id, a]) => [id, a.score])),
        metrics: {
          fcpMs: metric('first-contentful-paint'), lcpMs: metric('largest-contentful-paint'), tbtMs: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift'), speedIndexMs: metric('speed-index'),
        },
        requests,
        benchmarkIndex: lhr.environment.benchmarkIndex,
        report: JSON.stringify(lhr),
      };
    } finally {
      await browser.close();
    }
  }
  throw new Error(`Lighthouse failed ${ATTEMPTS} times on ${url} (${lastError})`);
}

/** One line of figures, for the test's output and the README. */
export function findingsInWords(f: LighthouseFindings): string {
  const { fcpMs, lcpMs, tbtMs, cls, speedIndexMs } = f.metrics;
  return `performance ${f.scores.performance}, accessibility ${f.scores.accessibility}, best practices ${f.scores['best-practices']}, SEO ${f.scores.seo}; ` +
    `FCP ${Math.round(fcpMs)} ms, LCP ${Math.round(lcpMs)} ms, TBT ${Math.round(tbtMs)} ms, CLS ${cls.toFixed(3)}, speed index ${Math.round(speedIndexMs)} ms (benchmark index ${Math.round(f.benchmarkIndex)})`;
}

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventPageBase, eventPageModules, withEventPageHints } from './eventPageHints.js';

describe('eventPageBase', () => {
  it.each([
    ['/', ''], ['/e/lisbon-forum-2026', '/e/lisbon-forum-2026'], ['/e/lisbon-forum-2026/', '/e/lisbon-forum-2026'],
    ['/join/abc', null], ['/e/lisbon/join/abc', null], ['/privacy', null], ['/index.html', null], ['/e/Bad_Id/', null], ['/e/x"><script>/', null],
  ] as const)('%j → %j', (path, base) => {
    expect(eventPageBase(path)).toBe(base);
  });
});

describe('eventPageModules', () => {
  it("lists the event page's chunks that the entry does not already load, from Vite's manifest", () => {
    const dist = mkdtempSync(join(tmpdir(), 'lw-hints-'));
    mkdirSync(join(dist, '.vite'));
    writeFileSync(join(dist, '.vite', 'manifest.json'), JSON.stringify({
      'index.html': { file: 'assets/index-A.js', isEntry: true, imports: ['_i18n-B.js'], dynamicImports: ['src/pages/event/EventPage.tsx'] },
      '_i18n-B.js': { file: 'assets/i18n-B.js' },
      'src/pages/event/EventPage.tsx': { file: 'assets/EventPage-C.js', isDynamicEntry: true, imports: ['index.html', '_query-D.js', '_i18n-B.js'] },
      '_query-D.js': { file: 'assets/query-D.js', imports: ['index.html', '_core-E.js'] },
      '_core-E.js': { file: 'assets/core-E.js' },
      'src/pages/join/JoinPage.tsx': { file: 'assets/JoinPage-F.js', isDynamicEntry: true },
    }));
    expect(eventPageModules(dist)).toEqual(['/assets/EventPage-C.js', '/assets/query-D.js', '/assets/core-E.js']);
    expect(eventPageModules(mkdtempSync(join(tmpdir(), 'lw-hints-none-')))).toEqual([]);
  });
});

it("adds the modules and the event's two API answers to the page's head, under the event's base", () => {
  const html = withEventPageHints('<html><head>\n  <title>x</title>\n  </head><body></body></html>', '/e/forum', ['/assets/EventPage-C.js']);
  expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/EventPage-C.js">');
  expect(html).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/e/forum/api/event">');
  expect(html).toContain('<link rel="preload" as="fetch" crossorigin="anonymous" href="/e/forum/api/registration/form?lang=en">');
  expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
});

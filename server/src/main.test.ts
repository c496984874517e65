// The production boot does not load the dev tools: nothing main.ts imports statically, directly or
// through other files, lives in devtools/ (the dev LiveKit is a dynamic import, taken only without LIVEKIT_URL).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect, test } from 'vitest';

/** Every server file reached from `entry` through static relative imports (not `import()`). */
function staticImportsOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm)) {
      visit(join(dirname(file), spec!.replace(/\.js$/, '.ts')));
    }
  };
  visit(entry);
  return seen;
}

test('main.ts reaches no dev tool through static imports', () => {
  const reached = [...staticImportsOf(join(import.meta.dirname, 'main.ts'))].map((f) => relative(import.meta.dirname, f));
  expect(reached).toContain('app.ts');
  expect(reached.filter((f) => f.startsWith('devtools/'))).toEqual([]);
});

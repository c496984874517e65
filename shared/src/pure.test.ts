import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import * as pure from './pure.js';
import * as main from './index.js';

/** The modules a file loads at run time: imports and re-exports that are not type-only. */
function runtimeImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of source.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)\s*from\s+'([^']+)'/gms)) {
    const [, , typeOnly, clause, from] = m as unknown as [string, string, string | undefined, string, string];
    const specifiers = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    const allTypes = specifiers !== undefined && specifiers.split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '));
    if (!typeOnly && !allTypes) found.push(from);
  }
  for (const m of source.matchAll(/^import\s+'([^']+)'/gm)) found.push(m[1]!);
  return found;
}

/** Every module reachable at run time from a file; bare names (packages) as they are written. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

test('the browser entry loads no zod (nor any other package)', () => {
  const modules = [...reachable(join(import.meta.dirname, 'pure.ts'))];
  expect(modules.filter((m) => !m.startsWith('/'))).toEqual([]);
});

test('the main entry does load zod (so the check above can fail)', () => {
  expect(reachable(join(import.meta.dirname, 'index.ts')).has('zod')).toBe(true);
});

test('every value of the browser entry is the main entry\'s own', () => {
  for (const [name, value] of Object.entries(pure)) expect(main[name as keyof typeof main], name).toBe(value);
});

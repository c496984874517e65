import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';

const SRC = join(import.meta.dirname, '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** Imports of the main entry that load it at run time (its modules build zod schemas). */
function valueImportsOfMainEntry(source: string): string[] {
  return [...source.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+'@live-workshop\/shared'/gms)]
    .filter(([, typeOnly, clause]) => !typeOnly && !/^\{([^}]*)\}$/.exec(clause!.trim())?.[1]!.split(',').every((s) => !s.trim() || s.trim().startsWith('type ')))
    .map(([statement]) => statement);
}

test('the browser takes values of @live-workshop/shared only from its zod-free entry (/pure); types from either', () => {
  const offending = sources(SRC).flatMap((file) => valueImportsOfMainEntry(readFileSync(file, 'utf8')).map((s) => `${relative(SRC, file)}: ${s}`));
  expect(offending).toEqual([]);
});

test('the check sees a value import of the main entry', () => {
  expect(valueImportsOfMainEntry("import { CHAT_MAX_CHARS, type Phase } from '@live-workshop/shared';")).toHaveLength(1);
  expect(valueImportsOfMainEntry("import type { Phase } from '@live-workshop/shared';\nimport { type Role } from '@live-workshop/shared';")).toEqual([]);
});

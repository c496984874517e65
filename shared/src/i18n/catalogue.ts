/**
 * Checks of the catalogues (locales/*.json), used by catalogue.test.ts: every message is valid ICU
 * and names the same placeholders as English; a language marked complete has every English key.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Catalogue } from './translator.js';

/** Every message of a catalogue by its dotted key. */
export function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** The names of a message's arguments (placeholders, plural and select arguments, tags), sorted; throws on invalid ICU. */
export function placeholdersOf(message: string, locale: string): string[] {
  const ast = new IntlMessageFormat(message, locale).getAst() as unknown as Element[];
  const names = new Set<string>();
  const visit = (elements: Element[]) => {
    for (const el of elements) {
      // 0 literal, 7 pound (#): no name of their own.
      if (el.type !== 0 && el.type !== 7 && el.value) names.add(el.value);
      for (const option of Object.values(el.options ?? {})) visit(option.value);
      if (el.children) visit(el.children);
    }
  };
  visit(ast);
  return [...names].sort();
}

/** What is wrong with one language's catalogue against English: invalid, different or (when complete) missing messages, and keys English lacks. */
export function catalogueProblems(language: string, catalogue: Catalogue, english: Catalogue, complete: boolean): string[] {
  const problems: string[] = [];
  const en = flatten(english);
  const own = flatten(catalogue);
  for (const [key, message] of own) {
    const reference = en.get(key);
    if (reference === undefined) {
      problems.push(`${language}: ${key} is not in English (a stale key?)`);
      continue;
    }
    let mine: string[];
    try {
      mine = placeholdersOf(message, language);
    } catch (error) {
      problems.push(`${language}: ${key} is not valid ICU: ${(error as Error).message}`);
      continue;
    }
    const theirs = placeholdersOf(reference, 'en');
    if (mine.join(',') !== theirs.join(',')) problems.push(`${language}: ${key} has placeholders {${mine.join(', ')}}, English has {${theirs.join(', ')}}`);
    if (message.trim() === '') problems.push(`${language}: ${key} is empty`);
  }
  if (complete) for (const key of en.keys()) if (!own.has(key)) problems.push(`${language}: ${key} is missing (the language is marked complete)`);
  return problems;
}

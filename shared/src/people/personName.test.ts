import { describe, expect, test } from 'vitest';
import { normalisePersonName } from './personName.js';

describe('normalisePersonName', () => {
  test.each([
    ['ordinary names stay as typed', 'Ana Ferreira', 'Ana Ferreira'],
    ['accents stay (composed)', 'Jose\u0301 Müller', 'José Müller'],
    ['a right-to-left override that reverses what follows is removed', 'Ana \u202eredaretom\u202c', 'Ana redaretom'],
    ['isolates and marks are removed', '\u2067Ana\u2069 \u200fB', 'Ana B'],
    ['zero-width characters cannot split or hide text', 'Ana\u200b\u200d\ufeffstasia', 'Anastasia'],
    ['NUL and other control characters are removed', 'Ana\u0000\u0007 B\u0085', 'Ana B'],
    ['fullwidth letters become ordinary ones', 'Ａｎａ', 'Ana'],
    ['runs of spaces, tabs and line breaks become one space', '  Ana \t\n  Ferreira ', 'Ana Ferreira'],
    ['non-Latin scripts stay', 'Αναστασία Πούλιου', 'Αναστασία Πούλιου'],
  ])('%s', (_name, typed, shown) => {
    expect(normalisePersonName(typed)).toBe(shown);
  });
});

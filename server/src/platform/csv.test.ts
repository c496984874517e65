import { describe, expect, test } from 'vitest';
import { defuse, toCsv } from './csv.js';

describe('CSV exports cannot carry formulas', () => {
  test.each([
    ['=1+2', "'=1+2"],
    ['x;=1+2;', "x;'=1+2;"],
    ['a,+cmd', "a,'+cmd"],
    ['tab\t-1', "tab\t'-1"],
    ['pipe|@SUM(A1)', "pipe|'@SUM(A1)"],
    ['Jean-Luc Picard', 'Jean-Luc Picard'],
    ['ann@example.org', 'ann@example.org'],
  ])('%j is written as %j', (cell, written) => {
    expect(defuse(cell)).toBe(written);
  });

  test('every field is quoted; a cell split at ";" by a spreadsheet starts no formula', () => {
    const csv = toCsv(['name', 'ok', 'n', 'empty'], [['x;=1+2;', true, 3, null]]);
    expect(csv).toBe('"name","ok","n","empty"\r\n"x;\'=1+2;","yes","3",""\r\n');
    // What a spreadsheet with ";" as its separator would see as cells of the second line:
    for (const piece of csv.split('\r\n')[1]!.split(';')) expect(piece.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
  });
});

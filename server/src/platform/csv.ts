import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

/** One CSV field. */
export type Cell = string | number | boolean | null | undefined;

/**
 * CSV injection: a spreadsheet runs a cell as a formula when it starts with = + - @ (or a tab or
 * CR). A spreadsheet set to another separator (";" is common in the EU, also tab or "|") splits
 * our cells at those characters, so a formula can start after any of them too: each such start
 * gets an apostrophe in front, at the beginning and after every separator-like character.
 */
export const defuse = (cell: Cell): Cell => (typeof cell === 'string' ? cell.replace(/(^|[,;\t|])([=+\-@\t\r])/g, "$1'$2") : cell);

/**
 * A CSV document (csv-stringify): a header row, then one row per record; every field quoted (so
 * no separator inside a field is ever read as one by a conforming reader), CRLF line ends.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header, ...rows.map((r) => r.map(defuse))], {
    record_delimiter: 'windows', quoted: true, quoted_empty: true, cast: { boolean: (b) => (b ? 'yes' : 'no') },
  });
}

/** Send a CSV as a download (UTF-8 with a byte-order mark so spreadsheets read accents right). */
export function sendCsv(res: Response, filename: string, csv: string): void {
  res.set('cache-control', 'no-store');
  res.attachment(filename).type('text/csv; charset=utf-8').send(`\uFEFF${csv}`);
}

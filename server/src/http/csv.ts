import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

type Cell = string | number | boolean | null | undefined;

/** Cells a spreadsheet would run as a formula are prefixed with an apostrophe (CSV injection). */
const defuse = (cell: Cell): Cell => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** A CSV document (csv-stringify): a header row, then one row per record; RFC 4180 quoting, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return stringify([header, ...rows.map((r) => r.map(defuse))], { record_delimiter: 'windows', cast: { boolean: (b) => (b ? 'yes' : 'no') } });
}

/** Send a CSV as a download (UTF-8 with a byte-order mark so spreadsheets read accents right). */
export function sendCsv(res: Response, filename: string, csv: string): void {
  res.set('cache-control', 'no-store');
  res.attachment(filename).type('text/csv; charset=utf-8').send(`\uFEFF${csv}`);
}

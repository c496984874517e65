// A calendar file cannot be given extra lines through the event's title.
import { expect, test } from 'vitest';
import { loadEventFile } from '../../live/event/loadEventFile.js';
import { joinCalendar } from './joinCalendar.js';

const seed = loadEventFile(new URL('../../../events/microcredentials-2025.yaml', import.meta.url).pathname);

test.each(['\r\n', '\n', '\r', '\u0000\r\n\u001f'])('a title with %j and a second event written after it stays one line; the file has one event', (breakChars) => {
  const event = { ...seed, title: `Workshop${breakChars}BEGIN:VEVENT${breakChars}SUMMARY:Free prize${breakChars}END:VEVENT` };
  const ics = joinCalendar(event, { id: 'p1' }, 'http://localhost:3000/join/x', 'http://localhost:3000', Date.parse('2025-10-01T00:00:00Z'));
  const lines = ics.split('\r\n');
  expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  expect(lines.some((l) => /^SUMMARY:Free prize/.test(l))).toBe(false);
  expect(lines.find((l) => l.startsWith('X-WR-CALNAME:'))).toBe('X-WR-CALNAME:Workshop BEGIN:VEVENT SUMMARY:Free prize END:VEVENT');
});

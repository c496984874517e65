import { describe, expect, test } from 'vitest';
import { ITEM, seedEventInput, smallEventInput, type EventInput } from '../engine/testkit.js';
import { eventConfigSchema } from './eventConfig.js';

describe('valid events', () => {
  test.each(['2028-02-29', '2025-12-31'])('a real day (%s) is accepted', (date) => {
    expect(eventConfigSchema.safeParse({ ...smallEventInput(), date }).success).toBe(true);
  });

  test('the seed event parses and gets its defaults', () => {
    const event = eventConfigSchema.parse(seedEventInput());
    expect(event.id).toBe('microcredentials-2025');
    expect(event.breakouts.map((b) => [b.id, b.capacity])).toStrictEqual([
      ['skills', 150],
      ['trust', 150],
      ['global', 150],
      ['uncharted', 150],
    ]);
    expect(event.agenda.map((i) => i.kind)).toStrictEqual(['plenary', 'breakouts', 'live', 'closing']);
    expect(event.agenda[1]).toMatchObject({ kind: 'breakouts', staffPlacement: 'backstage' });
    expect(event.agenda[3]).toMatchObject({ kind: 'closing', stage: [] });
  });

  test('defaults fill what an event file may leave out', () => {
    const input = smallEventInput();
    delete input.breakoutWarningSeconds;
    const event = eventConfigSchema.parse(input);
    expect(event).toMatchObject({ breakoutWarningSeconds: 60, description: '', organisers: [] });
    expect(event.breakouts[0]).toMatchObject({ topic: '' });
    expect(event.agenda[ITEM.closing]).toMatchObject({ stage: [], description: '' });
  });
});

describe('broken events are refused with the path of the fault', () => {
  const cases: { name: string; edit: (input: EventInput) => void; path: (string | number)[]; message?: RegExp }[] = [
    {
      name: 'duplicate breakout id',
      edit: (e) => { e.breakouts[2]!.id = 'trust'; },
      path: ['breakouts', 2, 'id'],
      message: /duplicate id "trust"/,
    },
    {
      name: 'duplicate agenda id',
      edit: (e) => { e.agenda[3]!.id = 'opening'; },
      path: ['agenda', 3, 'id'],
      message: /duplicate id "opening"/,
    },
    {
      name: 'duplicate speaker id',
      edit: (e) => { e.speakers[1]!.id = 'ana'; e.agenda[3]!.stage = ['ana']; },
      path: ['speakers', 1, 'id'],
      message: /duplicate id "ana"/,
    },
    {
      name: 'duplicate moderator id',
      edit: (e) => { e.moderators.push({ id: 'mod', name: 'Someone else' }); },
      path: ['moderators', 1, 'id'],
      message: /duplicate id "mod"/,
    },
    {
      name: 'a speaker with a moderator id',
      edit: (e) => { e.speakers[0]!.id = 'mod'; e.agenda[0]!.stage = []; e.agenda[3]!.stage = ['ben']; },
      path: ['speakers', 0, 'id'],
      message: /duplicate id "mod"/,
    },
    {
      name: 'unknown speaker on stage',
      edit: (e) => { e.agenda[3]!.stage = ['ana', 'zoe']; },
      path: ['agenda', 3, 'stage', 1],
      message: /unknown speaker "zoe"/,
    },
    {
      name: 'a moderator on stage (only speakers go on stage)',
      edit: (e) => { e.agenda[0]!.stage = ['mod']; },
      path: ['agenda', 0, 'stage', 0],
      message: /unknown speaker "mod"/,
    },
    {
      name: 'bad item time',
      edit: (e) => { e.agenda[1]!.start = '9:30'; },
      path: ['agenda', 1, 'start'],
      message: /HH:MM/,
    },
    { name: 'bad event start', edit: (e) => { e.start = '24:00'; }, path: ['start'], message: /HH:MM/ },
    // A typo in start must not also be reported as "end before start": 12:00 is after 9:00.
    { name: 'event start without its leading zero', edit: (e) => { e.start = '9:00'; }, path: ['start'], message: /HH:MM/ },
    { name: 'event start that is not a string', edit: (e) => { e.start = 930; }, path: ['start'] },
    { name: 'bad event end', edit: (e) => { e.end = '12:60'; }, path: ['end'], message: /HH:MM/ },
    { name: 'end before start', edit: (e) => { e.start = '12:00'; e.end = '09:00'; }, path: ['end'], message: /end must be after start/ },
    { name: 'end at start', edit: (e) => { e.end = e.start; }, path: ['end'], message: /end must be after start/ },
    { name: 'bad date', edit: (e) => { e.date = '23/10/2025'; }, path: ['date'], message: /YYYY-MM-DD/ },
    { name: 'a day that does not exist', edit: (e) => { e.date = '2025-02-30'; }, path: ['date'], message: /no such day/ },
    { name: 'month 13', edit: (e) => { e.date = '2025-13-01'; }, path: ['date'], message: /no such day/ },
    { name: 'a line break in the title', edit: (e) => { e.title = 'Workshop\r\nBEGIN:VEVENT'; }, path: ['title'], message: /no line breaks/ },
    { name: 'a control character in a breakout title', edit: (e) => { e.breakouts[0]!.title = 'Room\u0000'; }, path: ['breakouts', 0, 'title'], message: /no line breaks/ },
    { name: 'a line break in a moderator name', edit: (e) => { e.moderators[0]!.name = 'Ann\nModerator'; }, path: ['moderators', 0, 'name'], message: /no line breaks/ },
    { name: 'an event end later than its agenda', edit: (e) => { e.end = '12:30'; }, path: ['end'], message: /ends at 12:30 but its agenda ends at 12:00/ },
    { name: 'an agenda that runs past the end', edit: (e) => { e.end = '11:50'; }, path: ['agenda', 4, 'durationMinutes'], message: /agenda ends at 12:00, after the event ends \(11:50\)/ },
    { name: 'an item before the event starts', edit: (e) => { e.agenda[0]!.start = '08:30'; e.agenda[0]!.durationMinutes = 60; }, path: ['agenda', 0, 'start'], message: /before the event starts \(09:00\)/ },
    { name: 'a time zone with a typo', edit: (e) => { e.timeZone = 'Europe/Lisbonx'; }, path: ['timeZone'], message: /IANA time zone/ },
    { name: 'an unknown time zone', edit: (e) => { e.timeZone = 'Mars/Olympus_Mons'; }, path: ['timeZone'], message: /IANA time zone/ },
    { name: 'a time zone that is not a zone at all', edit: (e) => { e.timeZone = 'CET; DROP'; }, path: ['timeZone'], message: /IANA time zone/ },
    {
      name: 'breakouts item without breakout rooms',
      edit: (e) => { e.breakouts = []; },
      path: ['agenda', 1, 'kind'],
      message: /at least one breakout room/,
    },
    { name: 'a capacity of zero', edit: (e) => { e.breakouts[0]!.capacity = 0; }, path: ['breakouts', 0, 'capacity'] },
    { name: 'an id that is not a slug', edit: (e) => { e.breakouts[0]!.id = 'Trust Room'; }, path: ['breakouts', 0, 'id'] },
    { name: 'no moderators', edit: (e) => { e.moderators = []; }, path: ['moderators'] },
    { name: 'an empty agenda', edit: (e) => { e.agenda = []; }, path: ['agenda'] },
    { name: 'a zero-minute item', edit: (e) => { e.agenda[2]!.durationMinutes = 0; }, path: ['agenda', 2, 'durationMinutes'] },
    { name: 'a stage on a break', edit: (e) => { e.agenda[2]!.stage = ['ana']; }, path: ['agenda', 2] },
    { name: 'an unknown key (typo)', edit: (e) => { e.breakoutWarningSecs = 30; }, path: [] },
  ];

  test.each(cases)('$name → $path', ({ edit, path, message }) => {
    const input = smallEventInput();
    expect(eventConfigSchema.safeParse(input).success).toBe(true);
    edit(input);
    const result = eventConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toStrictEqual([path]);
    if (message) expect(result.error?.issues[0]?.message).toMatch(message);
  });
});

describe('rehearsalOf: the original date of a rehearsed event', () => {
  test('kept when valid', () => {
    const event = eventConfigSchema.parse({ ...seedEventInput(), rehearsalOf: { date: '2025-10-23', start: '09:30', end: '13:00' } });
    expect(event.rehearsalOf).toStrictEqual({ date: '2025-10-23', start: '09:30', end: '13:00' });
  });
  test.each([
    ['a malformed date', { date: '23/10/2025', start: '09:30', end: '13:00' }, ['rehearsalOf', 'date']],
    ['an end before the start', { date: '2025-10-23', start: '13:00', end: '09:30' }, ['rehearsalOf', 'end']],
    ['an unknown field', { date: '2025-10-23', start: '09:30', end: '13:00', place: 'Thessaloniki' }, ['rehearsalOf']],
  ])('refused with %s', (_name, rehearsalOf, path) => {
    const parsed = eventConfigSchema.safeParse({ ...seedEventInput(), rehearsalOf });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toContainEqual(path);
  });
});

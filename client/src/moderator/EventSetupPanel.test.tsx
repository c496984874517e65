import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { EVENT } from '../testing/fixtures.js';
import { EventSetupPanel } from './EventSetupPanel.js';
import { withQueries } from '../testing/queries.js';
import { configOf, draftOf, NO_ROUND } from './eventDraft.js';
import { setLanguage } from '../i18n/i18n.js';

type Reply = { status: number; body: unknown };
let putReply: Reply;
let sent: Record<string, unknown>[];

beforeEach(() => {
  sent = [];
  putReply = { status: 200, body: { current: EVENT, version: 2 } };
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    if (url !== '/api/moderator/event') return new Response('{}', { status: 404 });
    if (init?.method === 'PUT') {
      sent.push(JSON.parse(String(init.body)) as Record<string, unknown>);
      return Response.json(putReply.body, { status: putReply.status });
    }
    return Response.json({ current: EVENT, editable: true });
  });
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await setLanguage('en');
});

// The form is large; on a busy shared machine rendering it in jsdom can take seconds.
const FORM_TEST_TIMEOUT_MS = 20_000;

test('the server’s field errors are shown by each field and in a summary; nothing else changes', { timeout: FORM_TEST_TIMEOUT_MS }, async () => {
  putReply = {
    status: 400,
    body: {
      code: 'invalid_payload',
      message: 'The event has problems; see each field.',
      fieldErrors: {
        end: 'end must be after start',
        'breakouts.1.capacity': 'Too small: expected number to be >=1',
        'agenda.0.title': 'Too small: expected string to have >=1 characters',
        'moderators.0.id': 'use lowercase letters, digits and dashes',
      },
    },
  };
  render(withQueries(<EventSetupPanel credential="cred-mod" />));
  fireEvent.change(await screen.findByLabelText('Ends', {}, { timeout: FORM_TEST_TIMEOUT_MS }), { target: { value: '09:00' } });
  const trust = screen.getByTestId('breakout-1');
  fireEvent.change(within(trust).getByLabelText('Capacity'), { target: { value: '0' } });
  const opening = screen.getByTestId('agenda-item-0');
  fireEvent.change(within(opening).getByLabelText('Title'), { target: { value: '' } });
  fireEvent.click(screen.getByTestId('event-setup-save'));

  const summary = await screen.findByTestId('event-setup-errors', {}, { timeout: FORM_TEST_TIMEOUT_MS });
  expect(summary.textContent).toContain('The event has problems; see each field.');
  expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    'End: end must be after start',
    'Breakout 2, capacity: Too small: expected number to be >=1',
    'Agenda item 1, title: Too small: expected string to have >=1 characters',
    'Moderator list (edit the event file): use lowercase letters, digits and dashes',
  ]);
  const capacity = within(trust).getByLabelText('Capacity');
  expect(capacity.getAttribute('aria-invalid')).toBe('true');
  expect(within(trust).getByText('Too small: expected number to be >=1')).toBeTruthy();
  expect(document.getElementById(capacity.getAttribute('aria-describedby')!)?.textContent).toBe('Too small: expected number to be >=1');
  expect(within(opening).getByText('Too small: expected string to have >=1 characters')).toBeTruthy();
  expect(screen.getByLabelText('Ends').getAttribute('aria-invalid')).toBe('true');
  expect(within(screen.getByTestId('breakout-0')).getByLabelText('Capacity').getAttribute('aria-invalid')).toBe('false');

  // What was sent is the whole event with the edits, the rest (id, moderators, speakers) kept.
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ id: EVENT.id, end: '09:00', moderators: EVENT.moderators, speakers: EVENT.speakers });
  expect((sent[0]!.breakouts as { capacity: unknown }[])[1]!.capacity).toBe(0);
});

test('a saved edit: the form shows the saved event and says so', { timeout: FORM_TEST_TIMEOUT_MS }, async () => {
  const saved = { ...EVENT, title: 'Microcredentials: the workshop' };
  putReply = { status: 200, body: { current: saved, version: 7 } };
  render(withQueries(<EventSetupPanel credential="cred-mod" />));
  await screen.findByTestId('event-setup', {}, { timeout: FORM_TEST_TIMEOUT_MS });
  // The first "Title" is the event's; the agenda items and rooms have their own below it.
  fireEvent.change(screen.getAllByLabelText('Title')[0]!, { target: { value: 'Microcredentials: the workshop' } });
  fireEvent.click(screen.getByTestId('event-setup-save'));
  expect(await screen.findByText('Saved: everyone sees the new set-up.', {}, { timeout: FORM_TEST_TIMEOUT_MS })).toBeTruthy();
  expect(sent[0]).toMatchObject({ title: 'Microcredentials: the workshop' });
});

test('the draft round-trips to the same event, and new rows get ids from their titles', () => {
  const draft = draftOf(EVENT);
  expect(configOf(draft, EVENT)).toEqual({ ...EVENT });
  const more = configOf(
    {
      ...draft,
      breakouts: [...draft.breakouts, { key: 'k', id: '', title: 'Skills: again', topic: '', capacity: '20', facilitator: '' }],
      agenda: [...draft.agenda, { key: 'k2', id: '', kind: 'break', title: 'Coffee break', start: '13:00', durationMinutes: '10', description: '', stage: [], staffPlacement: 'backstage', showNotes: false, ...NO_ROUND }],
    },
    EVENT,
  ) as { breakouts: { id: string }[]; agenda: { id: string; kind: string }[] };
  expect(more.breakouts.at(-1)).toEqual({ id: 'skills-2', title: 'Skills: again', topic: '', capacity: 20 });
  expect(more.agenda.at(-1)).toEqual({ id: 'coffee-break', kind: 'break', title: 'Coffee break', start: '13:00', durationMinutes: 10, description: '' });
});

test('a round with its own rooms keeps them, its reuse and its way of filling through the form', () => {
  const rooms = [{ id: 'small', title: 'Small table', topic: '', capacity: 4 }];
  const event = {
    ...EVENT,
    agenda: [
      ...EVENT.agenda,
      { id: 'round-2', kind: 'breakouts' as const, title: 'Round 2', start: '12:50', durationMinutes: 5, description: '', staffPlacement: 'backstage' as const, select: 'self' as const, rooms },
      { id: 'round-3', kind: 'breakouts' as const, title: 'Round 3', start: '12:55', durationMinutes: 5, description: '', staffPlacement: 'backstage' as const, reuse: 'round-2' },
    ],
  };
  expect(configOf(draftOf(event), event)).toEqual(event);
});

test('a round edited in the form: its own rooms (with ids unique across rounds), self-select, no preferences asked; a report-back item marked', { timeout: FORM_TEST_TIMEOUT_MS }, async () => {
  render(withQueries(<EventSetupPanel credential="cred-mod" />));
  const breakouts = within(await screen.findByTestId('agenda-item-1', {}, { timeout: FORM_TEST_TIMEOUT_MS }));
  fireEvent.change(breakouts.getByLabelText('Rooms'), { target: { value: 'own' } });
  const round = within(screen.getByTestId('round-1'));
  fireEvent.change(within(screen.getByTestId('round-1-room-0')).getByLabelText('Title'), { target: { value: 'Skills: a second table' } });
  fireEvent.change(within(screen.getByTestId('round-1-room-0')).getByLabelText('Capacity'), { target: { value: '12' } });
  fireEvent.click(round.getByText('Add a room to this round'));
  fireEvent.change(within(screen.getByTestId('round-1-room-1')).getByLabelText('Title'), { target: { value: 'Open table' } });
  fireEvent.change(round.getByLabelText('How people get their room'), { target: { value: 'self' } });
  fireEvent.click(round.getByLabelText('Registration asks for preferences for this round'));
  // The closing becomes a report-back too; the live segment already is one.
  const closing = within(screen.getByTestId('agenda-item-3'));
  fireEvent.click(closing.getByLabelText('Report-back: show everyone the breakout rooms’ notes during this item'));
  expect((within(screen.getByTestId('agenda-item-2')).getByLabelText('Report-back: show everyone the breakout rooms’ notes during this item') as HTMLInputElement).checked).toBe(true);
  fireEvent.click(screen.getByTestId('event-setup-save'));
  await screen.findByText('Saved: everyone sees the new set-up.', {}, { timeout: FORM_TEST_TIMEOUT_MS });
  const agenda = sent[0]!.agenda as Record<string, unknown>[];
  expect(agenda[1]).toEqual({
    id: 'breakouts', kind: 'breakouts', title: 'Thematic breakout rooms', start: '10:15', durationMinutes: 75, description: '', staffPlacement: 'backstage',
    rooms: [{ id: 'skills-2', title: 'Skills: a second table', topic: '', capacity: 12 }, { id: 'open-table', title: 'Open table', topic: '', capacity: 50 }],
    select: 'self', askPreferences: false,
  });
  expect(agenda[3]).toMatchObject({ id: 'closing', showNotes: true });
});

test('a later round reuses an earlier one through the form; the server\'s problem with a round\'s room is shown at that room', { timeout: FORM_TEST_TIMEOUT_MS }, async () => {
  putReply = { status: 400, body: { code: 'invalid_payload', message: 'The event has problems; see each field.', fieldErrors: { 'agenda.4.rooms.0.id': 'room id "skills" is already used in breakouts' } } };
  render(withQueries(<EventSetupPanel credential="cred-mod" />));
  await screen.findByTestId('agenda-item-1', {}, { timeout: FORM_TEST_TIMEOUT_MS });
  fireEvent.click(screen.getByText('Add an agenda item'));
  const added = within(screen.getByTestId('agenda-item-4'));
  fireEvent.change(added.getByLabelText('Kind'), { target: { value: 'breakouts' } });
  fireEvent.change(added.getAllByLabelText('Title')[0]!, { target: { value: 'Round 2' } });
  fireEvent.change(added.getByLabelText('Rooms'), { target: { value: 'reuse' } });
  fireEvent.change(added.getByLabelText('Earlier round'), { target: { value: 'breakouts' } });
  fireEvent.click(screen.getByTestId('event-setup-save'));
  const summary = await screen.findByTestId('event-setup-errors', {}, { timeout: FORM_TEST_TIMEOUT_MS });
  expect((sent[0]!.agenda as Record<string, unknown>[])[4]).toMatchObject({ id: 'round-2', kind: 'breakouts', reuse: 'breakouts' });
  expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Agenda item 5, room 1: room id "skills" is already used in breakouts']);
});

test('in German: the date and times the German way (not the browser\'s "10/23/2025" and "01:00 PM"), sent the file\'s way; the server\'s problems in German', { timeout: FORM_TEST_TIMEOUT_MS }, async () => {
  await setLanguage('de');
  putReply = {
    status: 400,
    body: {
      code: 'invalid_payload',
      message: 'The event has problems; see each field.',
      fieldErrors: { end: 'end must be after start', 'breakouts.1.capacity': 'Too small: expected number to be >=1', 'agenda.0.title': 'Too small: expected string to have >=1 characters' },
      fieldIssues: {
        end: { code: 'endAfterStart', params: {} },
        'breakouts.1.capacity': { code: 'too_small', params: { origin: 'number', limit: 1 } },
        'agenda.0.title': { code: 'too_small', params: { origin: 'string', limit: 1 } },
      },
    },
  };
  render(withQueries(<EventSetupPanel credential="cred-mod" />));
  const date = (await screen.findByLabelText('Datum', {}, { timeout: FORM_TEST_TIMEOUT_MS })) as HTMLInputElement;
  expect(date.value).toBe('23.10.2025');
  expect(date.type).toBe('text');
  expect(document.getElementById(date.getAttribute('aria-describedby')!)?.textContent).toBe('Geschrieben als TT.MM.JJJJ.');
  // The first "Beginn" is the event's; each agenda item has its own.
  expect((screen.getAllByLabelText('Beginn')[0] as HTMLInputElement).value).toBe('09:30');
  expect((within(screen.getByTestId('agenda-item-3')).getByLabelText('Beginn') as HTMLInputElement).value).toBe('12:45');
  fireEvent.change(date, { target: { value: '24.10.2025' } });
  fireEvent.change(screen.getByLabelText('Ende'), { target: { value: '9.00' } });
  fireEvent.click(screen.getByTestId('event-setup-save'));

  const summary = await screen.findByTestId('event-setup-errors', {}, { timeout: FORM_TEST_TIMEOUT_MS });
  expect(summary.textContent).toContain('Bitte prüfen Sie Ihre Eingaben.');
  expect(within(summary).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
    'Ende: Das Ende muss nach dem Beginn liegen.',
    'Breakout 2, Kapazität: Mindestens 1.',
    'Programmpunkt 1, Titel: Darf nicht leer sein.',
  ]);
  expect(within(screen.getByTestId('breakout-1')).getByText('Mindestens 1.')).toBeTruthy();
  expect(sent[0]).toMatchObject({ date: '2025-10-24', end: '09:00', start: '09:30' });
  expect(summary.textContent).not.toMatch(/must|Too small|expected/);
});

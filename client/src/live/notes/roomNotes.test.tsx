// Facilitators' room notes on the page: the facilitator writes and saves them (by hand and a moment
// after typing stops), an attendee gets no editor, oversized notes are not sent, the plenary reads
// the rooms' notes during the report-back and not otherwise, and moderators write any room's.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { EVENTS, ROOM_NOTES_MAX_CHARS } from '@live-workshop/shared/pure';
import type { ReportBack, RoomNotes } from '@live-workshop/shared';
import type { FakeSocket } from '../../testing/fakeSocket.js';
import { closeLiveSession, openLiveSession } from '../../testing/liveSession.js';
import { applyAssignment, applySnapshot, applyWelcome } from '../../session/store/actions.js';
import { assignment, EVENT, running, snapshot, welcome } from '../../testing/fixtures.js';
import { BreakoutView } from '../phases/BreakoutView.js';
import { StageView } from '../phases/StageView.js';
import { RoomNotesPanel } from '../../moderator/RoomNotesPanel.js';
import { NOTES_AUTOSAVE_MS } from './RoomNotesEditor.js';

vi.mock('socket.io-client', async () => (await import('../../testing/fakeIo.js')).fakeIoModule);

let socket: FakeSocket;
beforeEach(() => {
  socket = openLiveSession();
  // The fake server saves what it is sent, as the lead facilitator.
  socket.answer = (event, payload) => (event === EVENTS.notesWrite
    ? { ok: true, data: { ...(payload as { breakoutId: string; text: string }), updatedAt: Date.UTC(2025, 9, 23, 9, 5), updatedBy: 'Research project lead' } satisfies RoomNotes }
    : { ok: true, data: {} });
});
afterEach(() => {
  vi.useRealTimers();
  closeLiveSession();
});

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });
function inRoom(role: 'speaker' | 'attendee' | 'moderator', phaseItem: number, roomId: Parameters<typeof assignment>[1]) {
  applyWelcome(role === 'speaker' ? welcome('speaker', 'Research project lead', 'research-lead') : welcome(role), now());
  applySnapshot(snapshot(3, running(phaseItem === 1 ? 'breakouts' : 'live', phaseItem, Date.now() + 600_000), Date.now()), now());
  applyAssignment(assignment('x', roomId, true), now());
}
const notesWrites = () => socket.requests.filter((r) => r.event === EVENTS.notesWrite).map((r) => r.payload);

test('the facilitator of a breakout writes its notes and saves them; an attendee of the room gets no editor', async () => {
  inRoom('attendee', 1, 'breakout:trust');
  const { unmount } = render(<BreakoutView />);
  expect(screen.queryByTestId('room-notes-editor')).toBeNull();
  unmount();

  inRoom('speaker', 1, 'breakout:trust');
  render(<BreakoutView />);
  const editor = within(screen.getByTestId('room-notes-editor'));
  expect(editor.getByRole('heading', { name: 'Notes of this room' })).toBeTruthy();
  expect(editor.getByTestId('room-notes-status').textContent).toBe('No notes yet.');
  fireEvent.change(editor.getByLabelText('Notes'), { target: { value: 'Quality labels help.\nAudits cost.' } });
  expect(editor.getByTestId('room-notes-status').textContent).toBe('Not saved yet');
  expect(editor.getByTestId('room-notes-count').textContent).toBe(`33 of ${ROOM_NOTES_MAX_CHARS} characters`);
  await act(async () => fireEvent.click(editor.getByTestId('room-notes-save')));
  expect(notesWrites()).toEqual([{ breakoutId: 'trust', text: 'Quality labels help.\nAudits cost.' }]);
  expect(editor.getByTestId('room-notes-status').textContent).toMatch(/^Saved at \d\d:\d\d by Research project lead$/);
  expect((editor.getByTestId('room-notes-save') as HTMLButtonElement).disabled).toBe(true);
});

test('notes save themselves a moment after typing stops; oversized notes are marked and never sent', async () => {
  vi.useFakeTimers();
  inRoom('speaker', 1, 'breakout:skills');
  render(<BreakoutView />);
  const field = screen.getByLabelText('Notes');
  fireEvent.change(field, { target: { value: 'Stackable' } });
  fireEvent.change(field, { target: { value: 'Stackable credits' } });
  await act(async () => vi.advanceTimersByTime(NOTES_AUTOSAVE_MS - 1));
  expect(notesWrites()).toEqual([]);
  await act(async () => vi.advanceTimersByTime(1));
  expect(notesWrites()).toEqual([{ breakoutId: 'skills', text: 'Stackable credits' }]);

  fireEvent.change(field, { target: { value: 'x'.repeat(ROOM_NOTES_MAX_CHARS + 1) } });
  await act(async () => vi.advanceTimersByTime(NOTES_AUTOSAVE_MS * 2));
  fireEvent.blur(field);
  expect(screen.getByTestId('room-notes-count').className).toBe('field-error');
  expect((screen.getByTestId('room-notes-save') as HTMLButtonElement).disabled).toBe(true);
  expect(notesWrites()).toHaveLength(1);
});

const reportBack: ReportBack = {
  itemIndex: 2, roundTitle: 'Thematic breakout rooms',
  rooms: [
    { breakoutId: 'skills', title: EVENT.breakouts[0]!.title, notes: { breakoutId: 'skills', text: 'Employers want <b>short</b> modules.', updatedAt: 1, updatedBy: 'Research project lead' } },
    { breakoutId: 'trust', title: EVENT.breakouts[1]!.title, notes: null },
  ],
};

test('the plenary reads every room\'s notes during the report-back, as text; not in another item, and not once it ends', () => {
  inRoom('attendee', 0, 'plenary');
  render(<StageView />);
  act(() => socket.serverSends(EVENTS.notesReportedBack, reportBack));
  // Sent for item 2 while item 0 runs (a late message): not shown.
  expect(screen.queryByTestId('report-back')).toBeNull();
  act(() => applySnapshot(snapshot(4, running('live', 2, Date.now() + 600_000), Date.now()), now()));
  const shown = within(screen.getByTestId('report-back'));
  expect(shown.getByRole('heading', { name: 'Notes from the breakout rooms: Thematic breakout rooms' })).toBeTruthy();
  const rooms = shown.getAllByTestId('report-back-room');
  expect(rooms.map((r) => r.querySelector('h4')!.textContent)).toEqual([EVENT.breakouts[0]!.title, EVENT.breakouts[1]!.title]);
  expect(within(rooms[0]!).getByText('Employers want <b>short</b> modules.')).toBeTruthy();
  expect(within(rooms[0]!).getByText('Notes by Research project lead')).toBeTruthy();
  expect(within(rooms[1]!).getByText('No notes from this room.')).toBeTruthy();
  expect(rooms[0]!.querySelector('b')).toBeNull();
  act(() => socket.serverSends(EVENTS.notesReportedBack, null));
  expect(screen.queryByTestId('report-back')).toBeNull();
});

test('moderators choose any room and write its notes; rooms with notes say so', async () => {
  inRoom('moderator', 1, 'backstage');
  render(<RoomNotesPanel event={EVENT} />);
  act(() => socket.serverSends(EVENTS.notesChanged, { breakoutId: 'global', text: 'Portability', updatedAt: 1, updatedBy: 'ReferNet national expert' }));
  const select = screen.getByLabelText('Room') as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent)).toEqual([
    EVENT.breakouts[0]!.title, EVENT.breakouts[1]!.title, `${EVENT.breakouts[2]!.title} (has notes)`, EVENT.breakouts[3]!.title,
  ]);
  fireEvent.change(select, { target: { value: 'global' } });
  expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Portability');
  fireEvent.change(screen.getByLabelText('Notes'), { target: { value: 'Portability and trust' } });
  await act(async () => fireEvent.click(screen.getByTestId('room-notes-save')));
  expect(notesWrites()).toEqual([{ breakoutId: 'global', text: 'Portability and trust' }]);
});

test('a facilitator invited by the room\'s link writes the room\'s notes there, and runs no polls (those stay the speakers\')', async () => {
  applyWelcome(welcome('facilitator', 'Fatima Facilitator', 'facilitator--trust'), now());
  applySnapshot(snapshot(3, running('breakouts', 1, Date.now() + 600_000), Date.now()), now());
  applyAssignment(assignment('x', 'breakout:trust', true), now());
  render(<BreakoutView />);
  const editor = within(screen.getByTestId('room-notes-editor'));
  fireEvent.change(editor.getByLabelText('Notes'), { target: { value: 'Audits cost.' } });
  await act(async () => fireEvent.click(editor.getByTestId('room-notes-save')));
  expect(notesWrites()).toEqual([{ breakoutId: 'trust', text: 'Audits cost.' }]);
  expect(screen.queryByTestId('poll-console')).toBeNull();
});

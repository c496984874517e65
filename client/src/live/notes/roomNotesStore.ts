// Facilitators' room notes on the page: the rooms' notes this person may see as they are written
// (moderators every room's, a facilitator their own room's) and the report-back the plenary is shown.
// A small store of its own, with module-level actions, like the live segment's.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { ReportBack, RoomNotes } from '@live-workshop/shared';

/** The room notes' client state. */
export interface RoomNotesState {
  /** Saved notes by breakout room id. */
  readonly rooms: Readonly<Record<string, RoomNotes>>;
  /** The report-back running now (null: none). */
  readonly reportBack: ReportBack | null;
}

const initial = (): RoomNotesState => ({ rooms: {}, reportBack: null });

/** The room notes' store. */
export const roomNotesStore = createStore<RoomNotesState>()(() => initial());

/** Select a narrow piece of the room notes' state. */
export function useRoomNotes<T>(selector: (s: RoomNotesState) => T): T {
  return useStore(roomNotesStore, selector);
}

/** A room's notes were saved (by anyone, us included). */
export function applyRoomNotes(notes: RoomNotes): void {
  roomNotesStore.setState((s) => ({ rooms: { ...s.rooms, [notes.breakoutId]: notes } }));
}

/** The report-back started, changed or ended. */
export function applyReportBack(reportBack: ReportBack | null): void {
  roomNotesStore.setState({ reportBack });
}

/** A fresh state (a new session, tests). */
export function resetRoomNotes(): void {
  roomNotesStore.setState(initial(), true);
}

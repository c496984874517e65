/** A connected session over a fake socket (with fakeIo.ts mocked in), fresh stores, for component tests of the live segment. */
import { act, cleanup } from '@testing-library/react';
import { connectSession, disconnectSession } from '../session/socket.js';
import { resetStore } from '../session/store/store.js';
import { resetLiveSegment } from '../live/segment/liveSegmentStore.js';
import { resetRoomNotes } from '../live/notes/roomNotesStore.js';
import { fakeSockets } from './fakeIo.js';
import type { FakeSocket } from './fakeSocket.js';

/** Fresh stores and a connected fake socket: the test plays the server through it. */
export function openLiveSession(): FakeSocket {
  resetStore();
  resetLiveSegment();
  resetRoomNotes();
  connectSession('cred');
  const socket = fakeSockets.at(-1)!;
  act(() => socket.serverSends('connect'));
  return socket;
}

/** Unmount and disconnect. */
export function closeLiveSession(): void {
  cleanup();
  disconnectSession();
}

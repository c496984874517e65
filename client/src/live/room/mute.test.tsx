// Muting someone from the room grid: offered to moderators and to a breakout's facilitator for those
// whose microphone is on, never to attendees; the request names the person; the outcome is announced.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { EVENTS } from '@live-workshop/shared/pure';
import type { FakeSocket } from '../../testing/fakeSocket.js';
import { closeLiveSession, openLiveSession } from '../../testing/liveSession.js';
import { applyAssignment, applyWelcome, setRoomParticipants } from '../../session/store/actions.js';
import { assignment, welcome } from '../../testing/fixtures.js';
import { LiveRegion } from '../../ui/LiveRegion.js';
import type { RemoteParticipantView, RemoteTrackRef } from '../media/livekit/types.js';
import { RoomGrid } from './RoomPeople.js';

vi.mock('socket.io-client', async () => (await import('../../testing/fakeIo.js')).fakeIoModule);

let socket: FakeSocket;
beforeEach(() => {
  socket = openLiveSession();
  socket.answer = () => ({ ok: true, data: { muted: 1 } });
});
afterEach(() => closeLiveSession());

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });
const mic = (muted: boolean): RemoteTrackRef => ({ key: `mic-${muted}`, kind: 'audio', source: 'microphone', muted, attach: () => () => undefined });
const person = (identity: string, name: string, tracks: RemoteTrackRef[]): RemoteParticipantView => ({ identity, name, isSpeaking: false, canPublish: true, tracks });
function inRoom(role: 'speaker' | 'attendee', roomId: Parameters<typeof assignment>[1]) {
  applyWelcome(role === 'speaker' ? welcome('speaker', 'Research project lead', 'research-lead') : welcome(role), now());
  applyAssignment(assignment('item:1', roomId, true), now());
  setRoomParticipants([person('p-ada', 'Ada', [mic(false)]), person('p-bo', 'Bo', [mic(true)])]);
}

test('a facilitator mutes someone whose microphone is on; the outcome is announced', async () => {
  inRoom('speaker', 'breakout:trust');
  render(<><LiveRegion /><RoomGrid /></>);
  const buttons = screen.getAllByTestId('mute-participant');
  expect(buttons.map((b) => b.textContent)).toEqual(['Mute Ada']);
  await act(async () => fireEvent.click(buttons[0]!));
  expect(socket.requests.filter((r) => r.event === EVENTS.roomMute)).toEqual([{ event: EVENTS.roomMute, payload: { participantId: 'p-ada' } }]);
  expect(screen.getByTestId('live-polite').textContent).toMatch(/^Ada’s microphone is muted; they can turn it on again\./);
});

test('an attendee, and a speaker outside a breakout room, get no mute buttons', () => {
  inRoom('attendee', 'breakout:trust');
  const { unmount } = render(<RoomGrid />);
  expect(screen.queryByTestId('mute-participant')).toBeNull();
  unmount();
  inRoom('speaker', 'backstage');
  render(<RoomGrid />);
  expect(screen.queryByTestId('mute-participant')).toBeNull();
});

test('a facilitator invited by the room\'s link gets the mute buttons in their breakout room, none in the plenary', () => {
  applyWelcome(welcome('facilitator', 'Fatima Facilitator', 'facilitator--trust'), now());
  applyAssignment(assignment('item:1', 'breakout:trust', true), now());
  setRoomParticipants([person('p-ada', 'Ada', [mic(false)]), person('p-bo', 'Bo', [mic(true)])]);
  const { unmount } = render(<RoomGrid />);
  expect(screen.getAllByTestId('mute-participant').map((b) => b.textContent)).toEqual(['Mute Ada']);
  unmount();
  applyAssignment(assignment('item:2', 'plenary', false), now());
  render(<RoomGrid />);
  expect(screen.queryByTestId('mute-participant')).toBeNull();
});

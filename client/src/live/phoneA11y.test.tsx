// Phones and accessibility beyond axe, in the views a joined person sees: no hand to raise on stage,
// moderators hear raised hands, the chat log's markup, a volume per person and for the stage, the
// pre-join Join before the device choices, focus back after the help form.
import { afterEach, beforeEach, expect, onTestFinished, test } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Phase } from '@live-workshop/shared';
import { addChatMessage, applyAssignment, applyRoster, applySnapshot, applyWelcome, setCanPublish, setConnectedRoom, setLocalMedia, setRoomParticipants } from '../session/store/actions.js';
import { resetStore } from '../session/store/store.js';
import type { RemoteParticipantView, RemoteTrackRef } from './media/livekit/types.js';
import { PhaseView } from './phases/PhaseView.js';
import { LiveRegion } from '../ui/LiveRegion.js';
import { RemoteAudio } from './media/RemoteAudio.js';
import { PreJoin } from '../pages/join/PreJoin.js';
import { HelpButton } from './room/HelpButton.js';
import { fakeTrack } from '../testing/fakeMediaRoom.js';
import { assignment, rosterEntry, running, snapshot, welcome } from '../testing/fixtures.js';

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });

function given(role: 'attendee' | 'moderator', phase: Phase, room: Parameters<typeof assignment>[1], canPublish: boolean) {
  applyWelcome(welcome(role, role === 'moderator' ? 'Anastasia Pouliou' : 'Ada Attendee'), now());
  applySnapshot(snapshot(5, phase, Date.now()), now());
  applyAssignment(assignment('x', room, canPublish), now());
  setLocalMedia({ audio: fakeTrack('audio', 'mic'), video: fakeTrack('video', 'cam') }, 'media', { audioMuted: false, videoMuted: false });
  setConnectedRoom(room, canPublish);
}

const track = (key: string, kind: 'audio' | 'video', source: RemoteTrackRef['source']): RemoteTrackRef => ({ key, kind, source, muted: false, attach: () => () => undefined });
const person = (identity: string, name: string): RemoteParticipantView => ({
  identity, name, isSpeaking: false, canPublish: true, tracks: [track(`${identity}-v`, 'video', 'camera'), track(`${identity}-a`, 'audio', 'microphone')],
});
const plenary = () => running('plenary', 0, Date.now() + 30 * 60_000);
const breakouts = () => running('breakouts', 1, Date.now() + 30 * 60_000);

beforeEach(() => resetStore());
afterEach(() => cleanup());

test('an attendee on stage is not offered "Raise your hand"; back in the audience, they are again', () => {
  given('attendee', plenary(), 'plenary', false);
  render(<PhaseView />);
  expect(screen.getByTestId('raise-hand').textContent).toBe('Raise your hand');
  act(() => setCanPublish(true));
  expect(screen.queryByTestId('raise-hand')).toBeNull();
  expect(screen.getByText(/^You are on stage/)).toBeTruthy();
  act(() => setCanPublish(false));
  expect(screen.getByTestId('raise-hand')).toBeTruthy();
});

test('moderators hear each hand that goes up in the live region, not the hands already up when they came', () => {
  given('moderator', plenary(), 'plenary', true);
  render(<LiveRegion />);
  const polite = screen.getByTestId('live-polite');
  act(() => applyRoster({ revision: 1, entries: [rosterEntry({ id: 'p-ben', name: 'Ben', handRaised: true })] }));
  expect(polite.textContent).toBe('');
  act(() => applyRoster({ revision: 2, entries: [rosterEntry({ id: 'p-ben', name: 'Ben', handRaised: true }), rosterEntry({ id: 'p-cem', name: 'Cem', handRaised: true })] }));
  expect(polite.textContent?.replace('\u200b', '')).toBe('Cem raised their hand.');
  // Lowered and raised again: news again.
  act(() => applyRoster({ revision: 3, entries: [rosterEntry({ id: 'p-ben', name: 'Ben' }), rosterEntry({ id: 'p-cem', name: 'Cem', handRaised: true })] }));
  act(() => applyRoster({ revision: 4, entries: [rosterEntry({ id: 'p-ben', name: 'Ben', handRaised: true }), rosterEntry({ id: 'p-cem', name: 'Cem', handRaised: true })] }));
  expect(polite.textContent?.replace('\u200b', '')).toBe('Ben raised their hand.');
});

test('an attendee\'s page announces no one else\'s hand', () => {
  given('attendee', plenary(), 'plenary', false);
  render(<LiveRegion />);
  act(() => applyRoster({ revision: 1, entries: [] }));
  act(() => applyRoster({ revision: 2, entries: [rosterEntry({ id: 'p-ben', name: 'Ben', handRaised: true })] }));
  expect(screen.getByTestId('live-polite').textContent).toBe('');
});

test('the chat log is a focusable box around a real list (axe listitem), and the breakout chat comes right after the controls', () => {
  given('attendee', breakouts(), 'breakout:trust', true);
  act(() => addChatMessage({ roomId: 'breakout:trust', id: 1, at: Date.now(), text: 'Hello', from: { id: 'p-ben', name: 'Ben', role: 'attendee' } }));
  render(<PhaseView />);
  const log = screen.getByRole('log', { name: 'Messages' });
  expect(log.tagName).toBe('DIV');
  expect(log.tabIndex).toBe(0);
  const list = within(log).getByRole('list');
  expect(list.tagName).toBe('OL');
  expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  expect(list.parentElement).toBe(log);
  // In the page's order: the people, the controls, then the chat (before polls and consoles).
  const room = screen.getByRole('region', { name: /Breakout/ });
  const order = [...room.querySelectorAll('.grid-wrap, .room-tools, .chat')].map((e) => e.className.split(' ')[0]);
  expect(order).toEqual(['grid-wrap', 'room-tools', 'chat']);
});

test('a volume per remote person (kept from room to room) and one for the stage, applied to their sound', () => {
  given('attendee', plenary(), 'plenary', false);
  setRoomParticipants([person('research-lead', 'Research project lead'), person('maite', 'Maite Santos')]);
  render(
    <>
      <PhaseView />
      <RemoteAudio />
    </>,
  );
  // One audio element per microphone, in the order of the room's people.
  const audioOf = (identity: string) => [...document.querySelectorAll<HTMLAudioElement>('[data-testid="remote-audio"]')][identity === 'research-lead' ? 0 : 1]!;
  fireEvent.change(screen.getByLabelText('Volume of Research project lead'), { target: { value: '40' } });
  expect(audioOf('research-lead').volume).toBeCloseTo(0.4);
  expect(audioOf('maite').volume).toBeCloseTo(1);
  fireEvent.change(screen.getByLabelText('Stage volume'), { target: { value: '50' } });
  expect(audioOf('research-lead').volume).toBeCloseTo(0.2);
  expect(audioOf('maite').volume).toBeCloseTo(0.5);
  expect(screen.getByLabelText('Stage volume').getAttribute('aria-valuetext')).toBe('50%');

  // In a breakout the stage volume does not apply; a person's own volume follows them there.
  act(() => {
    applySnapshot(snapshot(6, breakouts(), Date.now()), now());
    applyAssignment(assignment('y', 'breakout:trust', true), now());
    setConnectedRoom('breakout:trust', true);
    setRoomParticipants([person('research-lead', 'Research project lead')]);
  });
  expect(audioOf('research-lead').volume).toBeCloseTo(0.4);
  expect((screen.getByLabelText('Volume of Research project lead') as HTMLInputElement).value).toBe('40');
});

test('pre-join: Join comes before the device choices (on a phone it stays in the first screen)', async () => {
  const tracks = { audio: fakeTrack('audio', 'mic'), video: fakeTrack('video', 'cam') };
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: {
      getUserMedia: async () => ({ getAudioTracks: () => [tracks.audio], getVideoTracks: () => [tracks.video] }),
      enumerateDevices: async () => [
        { kind: 'audioinput', deviceId: 'mic-1', label: 'Built-in microphone' },
        { kind: 'videoinput', deviceId: 'cam-1', label: 'Built-in camera' },
      ],
    },
  });
  onTestFinished(() => void Reflect.deleteProperty(navigator, 'mediaDevices'));
  render(<PreJoin onJoin={() => undefined} />);
  const microphone = await screen.findByLabelText('Microphone');
  const join = screen.getByTestId('join-button');
  const follows = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  expect(follows(join, microphone)).toBe(true);
  expect(follows(join, screen.getByLabelText('Camera'))).toBe(true);
  expect(follows(screen.getByLabelText('Join with my microphone muted'), join)).toBe(true);
});

test('the help form takes focus when opened and gives it back to its button when cancelled or sent', () => {
  given('attendee', breakouts(), 'breakout:trust', true);
  render(<HelpButton />);
  fireEvent.click(screen.getByTestId('ask-help'));
  expect(document.activeElement).toBe(screen.getByLabelText(/what/i));
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(document.activeElement).toBe(screen.getByTestId('ask-help'));
});

import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Phase } from '@live-workshop/shared';
import { zonedInstant } from '@live-workshop/shared/pure';
import {
  applyAssignment, applyRoster, applySnapshot, applyWarning, applyWelcome, setConnectedRoom, setLocalMedia, setMoveStatus, setRoomParticipants,
} from '../session/store/actions.js';
import { resetStore } from '../session/store/store.js';
import type { RemoteParticipantView, RemoteTrackRef } from './media/livekit/types.js';
import { PhaseView } from './phases/PhaseView.js';
import { SessionHeader } from '../pages/join/JoinPage.js';
import { MoveOverlay } from './moves/MoveOverlay.js';
import { LiveRegion } from '../ui/LiveRegion.js';
import { PreJoin } from '../pages/join/PreJoin.js';
import ModeratorConsole from '../moderator/ModeratorConsole.js';
import { fakeTrack } from '../testing/fakeMediaRoom.js';
import { assignment, EVENT, rosterEntry, running, snapshot, welcome } from '../testing/fixtures.js';

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });

/** Put the store where the server would: who we are, the phase (server time = now), our room. */
function given(role: 'attendee' | 'speaker' | 'moderator', phase: Phase, room: Parameters<typeof assignment>[1], canPublish: boolean, serverTime = Date.now()) {
  applyWelcome(role === 'speaker' ? welcome('speaker', 'Research project lead', 'research-lead') : welcome(role, role === 'moderator' ? 'Anastasia Pouliou' : 'Ada Attendee'), now());
  applySnapshot(snapshot(5, phase, serverTime), now());
  applyAssignment(assignment('x', room, canPublish), now());
  setLocalMedia({ audio: fakeTrack('audio', 'mic'), video: fakeTrack('video', 'cam') }, 'media', { audioMuted: false, videoMuted: false });
  setConnectedRoom(room, canPublish);
}

function videoTrack(key: string, source: RemoteTrackRef['source'] = 'camera'): RemoteTrackRef {
  return { key, kind: 'video', source, muted: false, attach: () => () => undefined };
}
function person(identity: string, name: string, tracks: RemoteTrackRef[]): RemoteParticipantView {
  return { identity, name, isSpeaking: false, canPublish: tracks.length > 0, tracks };
}

function screenView() {
  return render(
    <>
      <LiveRegion />
      <SessionHeader />
      <PhaseView />
      <MoveOverlay />
    </>,
  );
}

beforeEach(() => resetStore());
afterEach(() => cleanup());

test('lobby: countdown to the planned start, both time zones, organisers, what happens next', () => {
  const startMs = zonedInstant(EVENT.date, EVENT.start, EVENT.timeZone);
  // The server clock says the start is 1 h 5 min away.
  given('attendee', { kind: 'lobby', openedAt: 0 }, 'plenary', false, startMs - 65 * 60_000);
  screenView();
  expect(screen.getByTestId('phase-title').textContent).toBe('Lobby');
  expect(screen.getByTestId('lobby-countdown').textContent).toMatch(/^1:0[45]:\d\d$/);
  expect(screen.getByTestId('event-times').textContent).toMatch(/Thursday,? 23 October 2025, 09:30–13:00 CEST/);
  expect(screen.getByText('Anastasia Pouliou')).toBeTruthy();
  expect(screen.getByText(/The event opens with “Opening plenary”/)).toBeTruthy();
  expect(screen.queryByTestId('publish-camera')).toBeNull();
});

test('plenary, attendee: the stage shows the speakers; raise hand; no publish control', () => {
  given('attendee', running('plenary', 0, Date.now() + 30 * 60_000), 'plenary', false);
  setRoomParticipants([person('research-lead', 'Research project lead', [videoTrack('v1')]), person('p-bob', 'Bob', [])]);
  screenView();
  expect(screen.getByTestId('phase-title').textContent).toBe('Opening plenary');
  expect(screen.getByTestId('room-title').textContent).toBe('Plenary');
  const stage = screen.getByTestId('stage');
  expect(within(stage).getAllByTestId('remote-video')).toHaveLength(1);
  expect(within(stage).getByText('Research project lead')).toBeTruthy();
  // Bob only watches: he is not on the stage.
  expect(within(stage).queryByText('Bob')).toBeNull();
  expect(screen.getByTestId('countdown').textContent).toMatch(/^(30:00|29:5\d)$/);
  expect(screen.getByTestId('raise-hand').textContent).toBe('Raise your hand');
  expect(screen.queryByTestId('publish-camera')).toBeNull();
  expect(screen.getByLabelText('Message to everyone in this room')).toBe(screen.getByTestId('chat-input'));
});

test('plenary, attendee brought on stage: now they can publish', () => {
  given('attendee', running('plenary', 0, Date.now() + 30 * 60_000), 'plenary', true);
  screenView();
  expect(screen.getByTestId('publish-camera').textContent).toBe('Turn camera off');
  expect(screen.getByText(/You are on stage/)).toBeTruthy();
});

describe('breakouts', () => {
  test('room title and topic, countdown, camera and chat; no warning yet', () => {
    given('attendee', running('breakouts', 1, Date.now() + 10 * 60_000), 'breakout:trust', true);
    screenView();
    expect(screen.getByTestId('room-title').textContent).toBe('Breakout 2: Building Trust: The Power of Quality Assurance in Microcredentials');
    expect(screen.getByText('How to ensure the credibility and reliability of these qualifications.')).toBeTruthy();
    expect(screen.getByTestId('countdown').textContent).toMatch(/^(10:00|9:5\d)$/);
    expect(screen.queryByTestId('breakout-warning')).toBeNull();
    expect(screen.getByTestId('publish-camera')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ask a moderator for help' })).toBeTruthy();
    expect(screen.getByTestId('chat-send')).toBeTruthy();
  });

  test('a full room shows a page of videos at a time, says who speaks on another page, and pages on', () => {
    given('attendee', running('breakouts', 1, Date.now() + 10 * 60_000), 'breakout:trust', true);
    const others = Array.from({ length: 19 }, (_, i) => ({ ...person(`p${i}`, `Person ${i}`, [videoTrack(`v${i}`), { ...videoTrack(`a${i}`), kind: 'audio', source: 'microphone' }]), isSpeaking: i === 12 }));
    setRoomParticipants(others);
    screenView();
    const grid = screen.getByRole('list', { name: 'People in this room: 20' });
    // Our own tile (when publishing) comes first on every page; the others are paged.
    const names = () => within(grid).getAllByRole('figure').map((f) => f.querySelector('figcaption')!.textContent).filter((n) => !n?.endsWith('(you)'));
    expect(names()).toEqual(others.slice(0, 8).map((p) => p.name));
    // Only the shown tiles have a video element: the cameras paged out are not received.
    expect(within(grid).getAllByTestId('remote-video')).toHaveLength(8);
    expect(screen.getByTestId('grid-page').textContent).toBe('Page 1 of 3 · speaking on another page: Person 12');
    fireEvent.click(screen.getByRole('button', { name: 'Next 8' }));
    expect(names()).toEqual(others.slice(8, 16).map((p) => (p.isSpeaking ? `${p.name} (speaking)` : p.name)));
    expect(screen.getByTestId('grid-page').textContent).toBe('Page 2 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Next 8' }));
    expect(names()).toEqual(others.slice(16).map((p) => p.name));
    expect((screen.getByRole('button', { name: 'Next 8' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('the closing warning shows when the time left is within the warning window', () => {
    given('attendee', running('breakouts', 1, Date.now() + 45_000), 'breakout:trust', true);
    screenView();
    expect(screen.getByTestId('breakout-warning').textContent).toMatch(/This room closes in 4[45] seconds/);
  });

  test('the server warning shows it too, and is announced', () => {
    given('attendee', running('breakouts', 1, Date.now() + 10 * 60_000), 'breakout:trust', true);
    screenView();
    act(() => applyWarning({ warning: 'breakoutsClosing', secondsLeft: 60, version: 5 }));
    expect(screen.getByTestId('breakout-warning')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The breakout rooms close in 60 seconds');
  });
});

test('the move overlay says where we are going', () => {
  given('attendee', running('breakouts', 1, Date.now() + 60 * 60_000), 'breakout:trust', true);
  screenView();
  act(() => setMoveStatus({ status: 'moving', from: 'plenary', to: 'breakout:trust', attempt: 1 }));
  expect(screen.getByTestId('move-overlay').textContent).toBe('Moving you to Breakout 2: Building Trust…');
  expect(screen.getByRole('status').textContent).toContain('Moving you to Breakout 2: Building Trust…');
});

test('speaker before going live: backstage, with screen share and raised hands', () => {
  given('speaker', { kind: 'lobby', openedAt: 0 }, 'backstage', true);
  applyRoster({ revision: 2, entries: [rosterEntry({ id: 'p-ada', name: 'Ada', handRaised: true })] });
  screenView();
  expect(screen.getByTestId('room-title').textContent).toBe('Backstage (green room)');
  expect(screen.getByText(/You go on stage for “Opening plenary”/)).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Share your screen' })).toBeTruthy();
  expect(within(screen.getByTestId('raised-hands')).getByText('Ada')).toBeTruthy();
});

test('the end screen', () => {
  given('attendee', { kind: 'ended', endedAt: 1 }, null, false);
  screenView();
  expect(screen.getByTestId('end-screen').textContent).toContain('Thank you for taking part, Ada Attendee!');
  expect(screen.getByTestId('phase-title').textContent).toBe('The event has ended');
});

describe('moderator console', () => {
  const attendees = [
    rosterEntry({ id: 'a1', name: 'Ann', breakoutId: 'skills' }),
    rosterEntry({ id: 'a2', name: 'Ben', breakoutId: 'trust', handRaised: true }),
    rosterEntry({ id: 'a3', name: 'Cem', breakoutId: 'trust', presentIn: [] }),
    rosterEntry({ id: 'a4', name: 'Dee', connected: false, presentIn: [] }),
  ];

  test('Next asks first, and says what will happen', () => {
    given('moderator', running('plenary', 0, Date.now() + 5 * 60_000), 'plenary', true);
    applyRoster({ revision: 3, entries: attendees });
    render(<ModeratorConsole />);
    expect(screen.getByRole('listitem', { current: 'step' }).textContent).toContain('Opening plenary');
    fireEvent.click(screen.getByTestId('moderator-next'));
    expect(screen.getByTestId('moderator-confirm-text').textContent).toBe(
      'Open the 4 breakout rooms and move 3 attendees into them for “Thematic breakout rooms” (75 min). Speakers and moderators go backstage.',
    );
    fireEvent.click(screen.getByTestId('moderator-cancel'));
    expect(screen.queryByTestId('moderator-confirm')).toBeNull();
  });

  test('rooms overview shows who has not arrived; hands can be brought on stage', () => {
    given('moderator', running('plenary', 0, Date.now() + 5 * 60_000), 'plenary', true);
    applyRoster({ revision: 3, entries: attendees });
    render(<ModeratorConsole />);
    const plenary = screen.getByTestId('room-plenary');
    expect(plenary.textContent).toContain('2 present of 4 expected');
    expect(plenary.textContent).toContain('Not arrived: Cem');
    expect(screen.getByTestId('moderator-hands').textContent).toContain('Ben');
    // The name starts with the words shown on the button (WCAG 2.5.3), then says whose hand it is.
    const bring = screen.getByRole('button', { name: 'Bring on stage Ben' });
    expect(bring.getAttribute('aria-label')).toBeNull();
    expect(screen.getByRole('button', { name: 'Lower hand Ben' })).toBeTruthy();
  });

  test('during breakouts: end early asks first, and capacity is shown', () => {
    given('moderator', running('breakouts', 1, Date.now() + 5 * 60_000), 'backstage', true);
    applyRoster({ revision: 3, entries: attendees });
    render(<ModeratorConsole />);
    fireEvent.click(screen.getByTestId('moderator-end-breakouts'));
    expect(screen.getByTestId('moderator-confirm-text').textContent).toBe(
      'Close the 4 breakout rooms now and bring 3 attendees back to the plenary for “Report-back and ReferNet plenary”.',
    );
    expect(screen.getByText('Breakout 2: 2 / 150')).toBeTruthy();
  });
});

test('pre-join without a camera or microphone: says so, and watching only still works', async () => {
  let joined = false;
  render(<PreJoin onJoin={() => (joined = true)} />);
  expect((await screen.findByTestId('media-problem')).textContent).toContain('You can join to watch only');
  fireEvent.click(screen.getByTestId('join-watch-only'));
  expect(joined).toBe(true);
});

import { afterEach, beforeEach, expect, test } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { applyAssignment, applySnapshot, applyWelcome, setConnectedRoom, setLocalMedia, setRoomParticipants } from '../../session/store/actions.js';
import { addTalkback, applySlides } from '../../session/store/presentingActions.js';
import { lwStore, resetStore } from '../../session/store/store.js';
import { fakeTrack } from '../../testing/fakeMediaRoom.js';
import { assignment, running, snapshot, welcome } from '../../testing/fixtures.js';
import type { RemoteParticipantView, RemoteTrackRef } from '../media/livekit/types.js';
import { PhaseView } from '../phases/PhaseView.js';
import { DeviceCheck } from './DeviceCheck.js';
import { PresenterView } from './PresenterView.js';

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });
const MINUTE = 60_000;

function onStage(role: 'speaker' | 'attendee' | 'moderator', participants: RemoteParticipantView[] = []) {
  const who = role === 'speaker' ? welcome('speaker', 'Research project lead', 'research-lead') : role === 'moderator' ? welcome('moderator', 'Anastasia Pouliou', 'anastasia-pouliou') : welcome('attendee');
  applyWelcome(who, now());
  // The opening plenary (45 min), 30 minutes left.
  applySnapshot(snapshot(5, running('plenary', 0, Date.now() + 30 * MINUTE), Date.now()), now());
  applyAssignment(assignment('item:0', 'plenary', role !== 'attendee'), now());
  setLocalMedia({ audio: fakeTrack('audio', 'mic'), video: fakeTrack('video', 'cam') }, 'media', { audioMuted: false, videoMuted: false });
  setConnectedRoom('plenary', role !== 'attendee');
  setRoomParticipants(participants);
}

const track = (key: string, source: RemoteTrackRef['source'], kind: 'video' | 'audio' = 'video'): RemoteTrackRef => ({ key, kind, source, muted: false, attach: () => () => undefined });
const viewer = (id: string): RemoteParticipantView => ({ identity: id, name: id, isSpeaking: false, canPublish: false, tracks: [] });
const talkbackLine = { id: 1, from: { id: 'anastasia-pouliou', name: 'Anastasia Pouliou', role: 'moderator' as const }, text: 'two minutes left', at: 1 };

beforeEach(() => resetStore());
afterEach(() => cleanup());

test('a speaker on stage sees the presenter view: live, slot and item time, who is next, who watches, the talk-back', () => {
  onStage('speaker', [viewer('a'), viewer('b'), viewer('c')]);
  act(() => addTalkback(talkbackLine));
  render(<PhaseView />);
  const view = screen.getByTestId('presenter-view');
  expect(within(view).getByRole('status').textContent).toMatch(/You are live/);
  // The only speaker of the item: the slot is the item's 30 minutes left (shared/presenting tests slots of several).
  expect(within(view).getByTestId('slot-countdown').textContent).toMatch(/^(30:00|29:5\d)$/);
  expect(within(view).getByText(/Your slot \(1 of 1\)/)).toBeTruthy();
  expect(within(view).getByTestId('presenter-next').textContent).toBe('Next: “Thematic breakout rooms”');
  expect(within(view).getByTestId('watching').textContent).toBe('3 people are watching');
  expect(within(view).getByTestId('talkback-line').textContent).toBe('Anastasia Pouliou (moderator): two minutes left');
  // The stage gives the presenter view the Q&A module's queue for speakers.
  expect(within(view).getByLabelText('Questions from the audience')).toBeTruthy();
});

test('the questions region shows what a Q&A module gives it, and only then', () => {
  onStage('speaker');
  render(<PresenterView questions={<p>Pinned: how do we recognise them?</p>} />);
  expect(within(screen.getByLabelText('Questions from the audience')).getByText(/Pinned/)).toBeTruthy();
});

test('an attendee sees neither the presenter view nor the talk-back, even holding a line', () => {
  onStage('attendee');
  act(() => addTalkback(talkbackLine));
  render(<PhaseView />);
  expect(screen.queryByTestId('presenter-view')).toBeNull();
  expect(screen.queryByTestId('talkback')).toBeNull();
  expect(screen.queryByText(/two minutes left/)).toBeNull();
});

test('a screen share fills the stage with the cameras small beside it; when it stops the cameras are large again', () => {
  const speaker: RemoteParticipantView = { identity: 'research-lead', name: 'Research project lead', isSpeaking: false, canPublish: true, tracks: [track('cam', 'camera'), track('scr', 'screen_share')] };
  onStage('attendee', [speaker]);
  render(<PhaseView />);
  const stage = screen.getByTestId('stage-share');
  expect(within(stage).getByText('Research project lead (screen)')).toBeTruthy();
  expect(within(screen.getByRole('complementary', { name: 'Cameras on stage' })).getByText('Research project lead')).toBeTruthy();
  act(() => setRoomParticipants([{ ...speaker, tracks: [track('cam', 'camera')] }]));
  expect(screen.queryByTestId('stage-share')).toBeNull();
  expect(screen.getByRole('list', { name: 'On stage' }).querySelector('.tile-large')).toBeTruthy();
});

test('the device check says what to do when screen sharing is blocked', async () => {
  onStage('speaker');
  const denied = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getDisplayMedia: () => Promise.reject(denied) } });
  render(<DeviceCheck />);
  expect(screen.getByTestId('check-camera').dataset.ok).toBe('true');
  fireEvent.click(screen.getByTestId('check-share-button'));
  await screen.findByText(/Screen sharing was blocked or cancelled/);
  expect(screen.getByTestId('check-share').dataset.status).toBe('failed');
  expect(screen.getByTestId('check-share').textContent).toMatch(/upload your slides as a PDF instead/);
});

test('the store keeps the newest slides of a deck and each talk-back line once', () => {
  const deck = { deckId: 'deck-0001', name: 'talk.pdf', pages: 6, by: 'Research project lead' };
  applySlides({ ...deck, page: 4, at: 20 });
  applySlides({ ...deck, page: 3, at: 10 }); // arrived late
  expect(lwStore.getState().presenting.slides).toMatchObject({ page: 4 });
  applySlides({ ...deck, deckId: 'deck-0002', page: 1, at: 5 }); // a new deck replaces the old one
  expect(lwStore.getState().presenting.slides).toMatchObject({ deckId: 'deck-0002', page: 1 });
  addTalkback(talkbackLine);
  addTalkback(talkbackLine); // sent again after a reconnect
  expect(lwStore.getState().presenting.talkback).toHaveLength(1);
});

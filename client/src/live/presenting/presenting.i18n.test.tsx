// The speaker's view and the captioner's desk in German and French: what a speaker on stage and a
// captioner read, with plurals and no English left.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { applyAssignment, applySnapshot, applyWelcome, setConnectedRoom, setLocalMedia, setRoomParticipants } from '../../session/store/actions.js';
import { addTalkback, applySlides } from '../../session/store/presentingActions.js';
import { resetStore } from '../../session/store/store.js';
import { setLanguage } from '../../i18n/i18n.js';
import { fakeTrack } from '../../testing/fakeMediaRoom.js';
import { assignment, running, snapshot, welcome } from '../../testing/fixtures.js';
import type { RemoteParticipantView } from '../media/livekit/types.js';
import { PhaseView } from '../phases/PhaseView.js';
import { CaptionerConsole } from '../captions/CaptionerConsole.js';
import { DeviceCheck } from './DeviceCheck.js';
import { PresenterView } from './PresenterView.js';

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });
const MINUTE = 60_000;
const viewer = (id: string): RemoteParticipantView => ({ identity: id, name: id, isSpeaking: false, canPublish: false, tracks: [] });

function speakerOnStage(watchers: number) {
  applyWelcome(welcome('speaker', 'Research project lead', 'research-lead'), now());
  applySnapshot(snapshot(5, running('plenary', 0, Date.now() + 30 * MINUTE), Date.now()), now());
  applyAssignment(assignment('item:0', 'plenary', true), now());
  setLocalMedia({ audio: fakeTrack('audio', 'mic'), video: fakeTrack('video', 'cam') }, 'media', { audioMuted: false, videoMuted: false });
  setConnectedRoom('plenary', true);
  setRoomParticipants(Array.from({ length: watchers }, (_, i) => viewer(`v${i}`)));
}

beforeEach(() => resetStore());
afterEach(async () => {
  cleanup();
  await setLanguage('en');
});

test('in German: live, the slot, who is next, how many watch (plural), the slides and the talk-back', async () => {
  await setLanguage('de');
  speakerOnStage(1);
  act(() => addTalkback({ id: 1, from: { id: 'anastasia-pouliou', name: 'Anastasia Pouliou', role: 'moderator' }, text: 'noch zwei Minuten', at: 1 }));
  act(() => applySlides({ deckId: 'd1', name: 'Ergebnisse.pdf', page: 2, pages: 6, by: 'research-lead', at: 1 }));
  // The presenter view alone: the stage would draw the slides with pdf.js, which jsdom has no canvas for.
  render(<PresenterView />);
  const view = screen.getByTestId('presenter-view');
  expect(within(view).getByRole('status').textContent).toBe('● Sie sind live');
  expect(within(view).getByText(/Ihr Slot \(1 von 1\)/)).toBeTruthy();
  expect(within(view).getByTestId('presenter-next').textContent).toBe('Als Nächstes: „Thematic breakout rooms“');
  expect(within(view).getByTestId('watching').textContent).toBe('1 Person schaut zu');
  expect(within(view).getByTestId('talkback-line').textContent).toBe('Anastasia Pouliou (Moderation): noch zwei Minuten');
  expect(within(view).getByRole('heading', { name: 'Rückkanal (nur Vortragende und Moderation)' })).toBeTruthy();
  expect(within(view).getByRole('group', { name: 'Folien umblättern' }).textContent).toContain('Folie 2 von 6');
  expect(within(view).getByRole('meter', { name: /^Ihr Mikrofon: / })).toBeTruthy();
  const said = view.textContent ?? '';
  for (const english of ['You are live', 'Your slot', 'Next:', 'watching', 'Talk-back', 'Send backstage', 'Slide', 'microphone']) expect(said).not.toContain(english);
});

test('in French: the plural of watchers, the device check before going live', async () => {
  await setLanguage('fr');
  speakerOnStage(3);
  render(<PhaseView />);
  expect(screen.getByTestId('watching').textContent).toBe('3 personnes regardent');
  cleanup();
  render(<DeviceCheck />);
  expect(screen.getByRole('heading', { name: 'Vérifiez avant de passer en direct' })).toBeTruthy();
  expect(screen.getByTestId('check-camera').textContent).toBe('Caméra : fonctionne (votre image s’affiche ici)');
  expect(screen.getByRole('button', { name: 'Tester le partage d’écran' })).toBeTruthy();
});

test('the captioner\'s desk in German: what they hear, the room choice and the typing field', async () => {
  await setLanguage('de');
  applyWelcome(welcome('captioner', 'Live captioner', 'live-captioner'), now());
  applySnapshot(snapshot(5, running('plenary', 0, Date.now() + 30 * MINUTE), Date.now()), now());
  applyAssignment(assignment('item:0', 'plenary', false), now());
  render(<CaptionerConsole />);
  expect(screen.getByTestId('captioner-hearing').textContent).toBe('Sie hören und untertiteln: Plenum');
  expect(screen.getByLabelText('Während der Breakouts untertiteln')).toBeTruthy();
  expect([...screen.getByTestId('captioner-room').querySelectorAll('option')].map((o) => o.textContent)[0]).toBe('Kein Breakout (die Bühne)');
  expect(screen.getByLabelText('Schreiben Sie, was gesagt wird; Enter beendet eine Zeile')).toBeTruthy();
});

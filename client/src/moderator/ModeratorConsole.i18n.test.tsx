// The console in the reader's language: German and French renders of the whole console (every panel
// a moderator sees before the event and while it runs), and no English left in a German one.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { Phase } from '@live-workshop/shared';
import { addHelpRequest, applyAssignment, applyRoster, applySnapshot, applyWelcome } from '../session/store/actions.js';
import { resetStore } from '../session/store/store.js';
import { applyModeratorBoard, resetLiveSegment } from '../live/segment/liveSegmentStore.js';
import { setLanguage } from '../i18n/i18n.js';
import { assignment, EVENT, rosterEntry, running, snapshot, welcome } from '../testing/fixtures.js';
import { PhaseView } from '../live/phases/PhaseView.js';
import ModeratorConsole from './ModeratorConsole.js';

const now = () => ({ wallMs: Date.now(), monoMs: performance.now() });

function given(phase: Phase) {
  applyWelcome(welcome('moderator', 'Anastasia Pouliou', 'anastasia-pouliou'), now());
  applySnapshot(snapshot(5, phase, Date.now()), now());
  applyAssignment(assignment('x', phase.kind === 'scheduled' ? 'backstage' : 'plenary', true), now());
  applyRoster({
    revision: 3,
    entries: [
      rosterEntry({ id: 'a1', name: 'Ann', breakoutId: 'skills' }),
      rosterEntry({ id: 'a2', name: 'Ben', breakoutId: 'trust', handRaised: true }),
      rosterEntry({ id: 'a3', name: 'Cem', breakoutId: 'trust', presentIn: [] }),
      rosterEntry({ id: 'a4', name: 'Dee', connected: false, presentIn: [] }),
    ],
  });
  addHelpRequest({ participantId: 'a3', name: 'Cem', roomId: 'plenary', text: '', at: 1 });
  applyModeratorBoard({
    revision: 1,
    moderation: 'approval',
    pinnedId: null,
    questions: [{ id: 1, authorId: 'a1', authorName: 'Ann', anonymous: false, text: 'Wie werden Microcredentials anerkannt?', askedAt: 1, status: 'pending', answeredAt: null, mergedInto: null, votes: 2 }],
  });
}

const json = (body: unknown) => Response.json(body);
// The whole console (and a language's catalogue, loaded on first use) renders slowly in jsdom on a busy machine.
const CONSOLE_TEST_TIMEOUT_MS = 30_000;

beforeEach(() => {
  resetStore();
  resetLiveSegment();
  vi.stubGlobal('fetch', async (url: string) => {
    if (url === '/api/moderator/autopilot') return json({ enabled: true, state: 'run', next: { action: 'openDoors', dueAt: Date.now() + 60 * 60_000 } });
    if (url === '/api/moderator/preferences') {
      return json({
        attendees: 4, withoutPreference: 1, unassigned: 1,
        breakouts: EVENT.breakouts.map((b, i) => ({ id: b.id, title: b.title, capacity: b.capacity, facilitator: null, firstChoice: i, secondChoice: 1, assigned: i })),
      });
    }
    if (url.startsWith('/api/moderator/occupancy')) return json({ stepMs: 60_000, rooms: ['plenary'], points: [] });
    if (url === '/api/moderator/facilitators') return json({ rooms: EVENT.breakouts.map((b) => ({ breakoutId: b.id, roomTitle: b.title, roundTitle: 'Thematic breakout rooms', name: '', invited: b.id === 'skills' })) });
    return new Response('{}', { status: 404 });
  });
});
afterEach(async () => {
  cleanup();
  vi.unstubAllGlobals();
  await setLanguage('en');
});

/** Everything a person can read or hear on the page: text, accessible names, options, placeholders. */
function everythingSaid(): string {
  const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((el) => ['aria-label', 'placeholder', 'title'].map((a) => el.getAttribute(a) ?? ''));
  return [document.body.textContent ?? '', ...attributes].join('\n');
}

/** Words of the console's English catalogue a German reader must not meet (the event file's own titles are English and allowed). */
const ENGLISH = [
  'Agenda', 'Rooms', 'Raised hands', 'Help requests', 'help request', 'raised hand', 'questions to handle', 'Breakout assignments', 'Before the event',
  'Exports', 'Open the doors', 'Start now', 'Visit', 'Remove', 'present', 'expected', 'capacity', 'Not arrived', 'Pre-event check',
  'Message to all rooms', 'Send to everyone', 'Polls', 'Launch', 'Who is here', 'Find a person', 'Choices', 'Actions', 'Cancel', 'Done', 'Running',
  'On hold', 'registered', 'without a preference', 'Refresh the counts', 'Edit the event set-up', 'Room occupancy', 'Sound', 'Your room',
  'Approve', 'waiting for approval', 'votes', 'Hide', 'Bring', 'Lower hand', 'Auto-balance', 'Next:', 'Waiting', 'Loading',
  'Facilitator links', 'Make link', 'Make a new link', 'Withdraw link', 'No link yet', 'A link is out', "Facilitator's name",
];

test('in German, before the event: every panel in German, the cue asks in German, and no English is left', { timeout: CONSOLE_TEST_TIMEOUT_MS }, async () => {
  await setLanguage('de');
  given({ kind: 'scheduled' });
  render(<ModeratorConsole credential="cred-mod" room={<PhaseView />} />);
  expect(await screen.findByTestId('preference-summary', {}, { timeout: CONSOLE_TEST_TIMEOUT_MS })).toBeTruthy();
  expect(await screen.findByTestId('autopilot-state', {}, { timeout: CONSOLE_TEST_TIMEOUT_MS })).toBeTruthy();

  expect(screen.getByRole('heading', { name: 'Programm' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Räume' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Erhobene Hände (1)' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Hilfeanfragen (1)' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Einteilung in die Breakouts' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Vor der Veranstaltung' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Ihr Raum' })).toBeTruthy();
  expect((await screen.findByTestId('facilitator-skills-withdraw')).textContent).toBe('Link zurückziehen');
  expect(screen.getByRole('heading', { name: 'Links für die Raumleitung' })).toBeTruthy();
  expect(screen.getByTestId('preference-summary').textContent).toBe('4 angemeldet · 1 ohne Wunsch · 1 noch nicht eingeteilt');
  expect(screen.getByTestId('autopilot-state').textContent).toBe('Läuft');
  // The queues across the top, in words and counts.
  const needs = screen.getByTestId('needs-bar');
  expect(within(needs).getAllByRole('link').map((a) => a.textContent)).toEqual(['1 Hilfeanfrage', '1 erhobene Hand', '1 offene Frage']);
  expect(screen.getByRole('button', { name: 'Auf die Bühne holen Ben' })).toBeTruthy();
  expect((screen.getByRole('combobox', { name: 'Breakout-Raum für Ann' }) as HTMLSelectElement).selectedOptions[0]?.textContent).toBe('1: Shaping Skills for Tomorrow (2/150)');

  const leaks = ENGLISH.filter((word) => new RegExp(`\\b${word}\\b`).test(everythingSaid()));
  expect(leaks).toEqual([]);

  fireEvent.click(screen.getByTestId('moderator-next'));
  expect(screen.getByTestId('moderator-confirm-text').textContent).toBe(
    'Die Türen öffnen: 3 Teilnehmende können die Lobby betreten und auf den Beginn warten. Vortragende und Moderation bleiben backstage.',
  );
  expect(screen.getByTestId('moderator-confirm').textContent).toBe('Ja, ausführen');
});

test('in German, during the breakouts: the time left, the cue to end them early and the room cards', { timeout: CONSOLE_TEST_TIMEOUT_MS }, async () => {
  await setLanguage('de');
  given(running('breakouts', 1, Date.now() + 5 * 60_000));
  render(<ModeratorConsole />);
  expect(screen.getByTestId('moderator-remaining').textContent).toMatch(/^ noch (5:00|4:59)$/);
  fireEvent.click(screen.getByTestId('moderator-end-breakouts'));
  expect(screen.getByTestId('moderator-confirm-text').textContent).toBe(
    'Die 4 Breakout-Räume jetzt schließen und 3 Teilnehmende für „Report-back and ReferNet plenary“ ins Plenum zurückholen.',
  );
  expect(within(screen.getByTestId('room-breakout:trust')).getByRole('button', { name: 'Breakout 2: Building Trust: The Power of Quality Assurance in Microcredentials besuchen' })).toBeTruthy();
  expect(screen.getByText('Breakout 2: 2 / 150')).toBeTruthy();
});

test('in French: the panels, the queues, the cue and its plural', { timeout: CONSOLE_TEST_TIMEOUT_MS }, async () => {
  await setLanguage('fr');
  given(running('plenary', 0, Date.now() + 5 * 60_000));
  render(<ModeratorConsole />);
  expect(screen.getByRole('heading', { name: 'Programme' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Salles' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Demandes d’aide (1)' })).toBeTruthy();
  expect(screen.getByRole('heading', { name: 'Répartition dans les ateliers' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Faire monter sur scène Ben' })).toBeTruthy();
  expect(screen.getByTestId('room-plenary').textContent).toContain('2 présents sur 4 attendus');
  fireEvent.click(screen.getByTestId('moderator-next'));
  expect(screen.getByTestId('moderator-confirm-text').textContent).toBe(
    'Ouvrir les 4 ateliers et y envoyer 3 participants pour « Thematic breakout rooms » (75 min). Les intervenants et les modérateurs vont en coulisses.',
  );
});

test('a new raised hand is announced (in the reader\'s language) and its count stands out; the sound is off unless chosen', { timeout: CONSOLE_TEST_TIMEOUT_MS }, async () => {
  await setLanguage('de');
  given(running('plenary', 0, Date.now() + 5 * 60_000));
  render(<ModeratorConsole />);
  expect(screen.getByTestId('needs-hands').className).toContain('need-waiting');
  expect(screen.getByTestId('needs-sound').getAttribute('aria-pressed')).toBe('false');
  act(() => applyRoster({ revision: 4, entries: [rosterEntry({ id: 'a2', name: 'Ben', handRaised: true }), rosterEntry({ id: 'a5', name: 'Eva', handRaised: true })] }));
  expect(screen.getByTestId('needs-hands').textContent).toBe('2 erhobene Hände');
  const { lwStore } = await import('../session/store/store.js');
  expect(lwStore.getState().ui.announcements.map((a) => a.text)).toContain('Eva hat die Hand gehoben.');
  expect(lwStore.getState().ui.announcements.map((a) => a.text)).not.toContain('Ben hat die Hand gehoben.');
});

// Chat lines, names and broadcasts are shown as text: markup in them never becomes elements or runs.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { addBroadcast, addChatMessage, applyAssignment, applyRoster, applySnapshot, applyWelcome } from '../../session/store/actions.js';
import { resetStore } from '../../session/store/store.js';
import { assignment, rosterEntry, snapshot, welcome } from '../../testing/fixtures.js';
import { BroadcastBanner } from './BroadcastBanner.js';
import { ChatPanel } from './ChatPanel.js';
import { HandsPanel } from '../../moderator/PeoplePanel.js';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<a href="javascript:window.__xss=3">click</a>',
  '"><svg onload="window.__xss=4">',
];

declare global {
  interface Window { __xss?: number }
}

beforeEach(() => {
  resetStore();
  delete window.__xss;
});
afterEach(() => cleanup());

test.each(PAYLOADS)('chat, names and broadcasts render %s as text', (payload) => {
  const now = { wallMs: Date.now(), monoMs: performance.now() };
  applyWelcome(welcome('moderator', 'Anastasia Pouliou'), now);
  applySnapshot(snapshot(3, { kind: 'plenary', itemIndex: 0, startedAt: Date.now(), timer: { status: 'running', endsAt: Date.now() + 60_000 } }, Date.now()), now);
  applyAssignment(assignment('item:0', 'plenary', true), now);
  addChatMessage({ id: 1, roomId: 'plenary', from: { id: 'evil', name: payload, role: 'attendee' }, text: payload, at: Date.now() });
  addBroadcast({ text: payload, from: payload, at: Date.now() });
  applyRoster({ revision: 2, entries: [rosterEntry({ id: 'evil', name: payload, handRaised: true })] });

  const { container } = render(<><ChatPanel /><BroadcastBanner /><HandsPanel roster={{ revision: 2, entries: [rosterEntry({ id: 'evil', name: payload, handRaised: true })] }} /></>);
  expect(container.querySelectorAll('img, script, svg, a[href^="javascript"]')).toHaveLength(0);
  expect(screen.getAllByText(payload, { exact: false }).length).toBeGreaterThanOrEqual(2);
  expect(window.__xss).toBeUndefined();
});

test('a name that imitates a role ("… (moderator)") shows no role badge; the real moderator has one', () => {
  const now = { wallMs: Date.now(), monoMs: performance.now() };
  applyWelcome(welcome('attendee', 'Someone'), now);
  applySnapshot(snapshot(3, { kind: 'plenary', itemIndex: 0, startedAt: Date.now(), timer: { status: 'running', endsAt: Date.now() + 60_000 } }, Date.now()), now);
  applyAssignment(assignment('item:0', 'plenary', false), now);
  addChatMessage({ id: 1, roomId: 'plenary', from: { id: 'fake', name: 'Anastasia Pouliou (moderator)', role: 'attendee' }, text: 'Everyone leave now', at: Date.now() });
  addChatMessage({ id: 2, roomId: 'plenary', from: { id: 'anastasia-pouliou', name: 'Anastasia Pouliou', role: 'moderator' }, text: 'Welcome', at: Date.now() });
  render(<ChatPanel />);
  const [fake, real] = screen.getAllByRole('listitem');
  expect(fake!.querySelector('[data-testid="role-badge"]')).toBeNull();
  expect(real!.querySelector('[data-testid="role-badge"]')?.textContent).toContain('Moderator');
  expect(fake!.textContent).toContain('Anastasia Pouliou (moderator)');
});

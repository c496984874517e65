import { afterEach, expect, test } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import { announceArrival, ROOM_HEADING_ID } from './announceArrival.js';

afterEach(cleanup);

const frames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

test('after arriving, focus goes to the room heading', async () => {
  render(<section><h2 id={ROOM_HEADING_ID}>Plenary</h2><button type="button">Raise your hand</button></section>);
  announceArrival('plenary', false);
  await frames();
  expect(document.activeElement?.id).toBe(ROOM_HEADING_ID);
});

test('someone typing keeps their focus: an arrival does not take the field from under their keys', async () => {
  const { getByRole } = render(<section><h2 id={ROOM_HEADING_ID}>Plenary</h2><textarea aria-label="Type what is said" /></section>);
  const field = getByRole('textbox');
  field.focus();
  announceArrival('plenary', false);
  await frames();
  expect(document.activeElement).toBe(field);
});

test('a moderator working in the console keeps their focus; with focus nowhere, the heading of their room takes it without scrolling', async () => {
  const { getByRole } = render(
    <main data-testid="moderator-console">
      <button type="button">Visit Breakout 2</button>
      <section data-testid="console-own-room"><h2 id={ROOM_HEADING_ID}>Breakout 2</h2></section>
    </main>,
  );
  const visit = getByRole('button');
  visit.focus();
  announceArrival('breakout:trust', true);
  await frames();
  expect(document.activeElement).toBe(visit);

  visit.blur();
  const heading = document.getElementById(ROOM_HEADING_ID)!;
  const asked: (FocusOptions | undefined)[] = [];
  const focus = heading.focus.bind(heading);
  heading.focus = (options?: FocusOptions) => {
    asked.push(options);
    focus(options);
  };
  announceArrival('breakout:trust', true);
  await frames();
  expect(document.activeElement).toBe(heading);
  expect(asked).toEqual([{ preventScroll: true }]);
});

test('the arrival is announced in the reader\'s language', async () => {
  const { setLanguage } = await import('../../i18n/i18n.js');
  const { lwStore } = await import('../../session/store/store.js');
  try {
    await setLanguage('de');
    announceArrival('plenary', false);
    expect(lwStore.getState().ui.announcements.at(-1)?.text).toBe('Sie haben das Plenum betreten');
    announceArrival('backstage', true);
    expect(lwStore.getState().ui.announcements.at(-1)?.text).toBe('Sie besuchen jetzt den Backstage-Bereich (Green Room)');
    await setLanguage('en');
    announceArrival('plenary', false);
    expect(lwStore.getState().ui.announcements.at(-1)?.text).toBe('You are now in the plenary');
  } finally {
    await setLanguage('en');
  }
});

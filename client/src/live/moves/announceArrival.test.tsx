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

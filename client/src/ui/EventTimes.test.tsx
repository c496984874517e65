import { afterEach, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { EVENT } from '../testing/fixtures.js';
import { EventTimes } from './EventTimes.js';

afterEach(cleanup);

// The forum of issue 13: an event in Lisbon, 14:00–17:30 on 23 October 2025 (summer time).
const forum = { ...EVENT, timeZone: 'Europe/Lisbon', date: '2025-10-23', start: '14:00', end: '17:30' };

test('a viewer in the event\'s zone sees its zone, with abbreviation and offset, and nothing else', () => {
  render(<EventTimes event={forum} viewerZone="Europe/Lisbon" />);
  expect(screen.getByTestId('event-times').textContent).toMatch(/^Thursday,? 23 October 2025, 14:00–17:30 WEST, UTC\+1 \(Lisbon time\)That is also your local time\.$/);
  expect(screen.queryByTestId('event-times-local')).toBeNull();
});

test('a viewer elsewhere sees the event\'s zone first, then their own', () => {
  render(<EventTimes event={forum} viewerZone="America/New_York" />);
  expect(screen.getByTestId('event-times').textContent).toMatch(/14:00–17:30 WEST, UTC\+1 \(Lisbon time\)/);
  expect(screen.getByTestId('event-times-local').textContent).toBe('Your time: 09:00–12:30 UTC−4 (New York)');
});

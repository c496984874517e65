import { expect, test } from 'vitest';
import type { EventConfig } from '@live-workshop/shared';
import { EVENT } from '../testing/fixtures.js';
import { describeTransition, endBreakoutsCue } from './cues.js';

// The seed with a second round of two rooms of its own after the closing's start.
const twoRounds: EventConfig = {
  ...EVENT,
  agenda: [
    ...EVENT.agenda,
    { id: 'round-2', kind: 'breakouts', title: 'Round 2', start: '12:50', durationMinutes: 10, description: '', staffPlacement: 'backstage', rooms: [
      { id: 'small', title: 'Small table', topic: '', capacity: 4 }, { id: 'large', title: 'Large table', topic: '', capacity: 20 },
    ] },
  ],
};

test('a cue into a round names the rooms that round opens: the event\'s four, or a round\'s own two', () => {
  expect(describeTransition(twoRounds, twoRounds.agenda[0]!, twoRounds.agenda[1]!, 12)).toMatch(/^Open the 4 breakout rooms /);
  expect(describeTransition(twoRounds, twoRounds.agenda[3]!, twoRounds.agenda[4]!, 12)).toMatch(/^Open the 2 breakout rooms /);
  const running = { kind: 'breakouts', itemIndex: 4, startedAt: 0, timer: { status: 'running', endsAt: 1 } } as const;
  expect(endBreakoutsCue(twoRounds, running, null)?.confirm).toMatch(/^Close the 2 breakout rooms now/);
});

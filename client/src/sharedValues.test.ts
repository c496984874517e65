import { expect, test } from 'vitest';
import * as shared from '@live-workshop/shared';
import { breakoutIdOf, CHAT_MAX_CHARS } from './sharedValues.js';

test('the restated values match @live-workshop/shared', () => {
  expect(CHAT_MAX_CHARS).toBe(shared.CHAT_MAX_CHARS);
  for (const roomId of ['plenary', 'backstage', 'breakout:trust', 'breakout:a-b'] as const) {
    expect(breakoutIdOf(roomId)).toBe(shared.breakoutIdOf(roomId));
  }
});

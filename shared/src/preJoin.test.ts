import { describe, expect, test } from 'vitest';
import { ACTIVE_FROM_ATTRIBUTE, activeFromOf, agendaPosition, isActiveConnection } from './preJoin.js';

describe('pre-joined connections', () => {
  test.each([
    [{ kind: 'scheduled' } as const, -2],
    [{ kind: 'lobby', openedAt: 0 } as const, -1],
    [{ kind: 'plenary', itemIndex: 0, startedAt: 0, timer: { status: 'paused', remainingMs: 1 } } as const, 0],
    [{ kind: 'breakouts', itemIndex: 3, startedAt: 0, timer: { status: 'paused', remainingMs: 1 } } as const, 3],
    [{ kind: 'ended', endedAt: 0 } as const, Number.MAX_SAFE_INTEGER],
  ])('agenda position of %o is %d', (phase, position) => {
    expect(agendaPosition(phase)).toBe(position);
  });

  test.each([
    [undefined, null],
    [{}, null],
    [{ [ACTIVE_FROM_ATTRIBUTE]: '' }, null],
    [{ [ACTIVE_FROM_ATTRIBUTE]: 'x' }, null],
    [{ [ACTIVE_FROM_ATTRIBUTE]: '4' }, 4],
    [{ [ACTIVE_FROM_ATTRIBUTE]: '-1' }, -1],
  ])('attributes %o name position %o', (attributes, position) => {
    expect(activeFromOf(attributes)).toBe(position);
  });

  test.each([
    [null, 0, true],
    [2, 1, false],
    [2, 2, true],
    [2, 3, true],
  ])('a connection active from %o counts at %d: %o', (activeFrom, position, counts) => {
    expect(isActiveConnection(activeFrom, position)).toBe(counts);
  });
});

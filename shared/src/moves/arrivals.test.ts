import { describe, expect, it } from 'vitest';
import { arrivalCounts, arrivalStage, stragglersOf, STRAGGLER_AFTER_MS, type ArrivalPerson } from './arrivals.js';

const person = (over: Partial<ArrivalPerson> & { id: string }): ArrivalPerson => ({
  name: over.id, plannedRoom: 'breakout:a', presentIn: [], connected: true, move: null, ...over,
});

describe('arrivalStage', () => {
  it('is in_room when LiveKit lists them in their planned room, whatever they reported', () => {
    expect(arrivalStage(person({ id: 'p', presentIn: ['breakout:a'], move: { phaseKey: 'k', roomId: 'breakout:a', stage: 'failed', at: 1 } }), 'k')).toBe('in_room');
  });
  it('takes the report only for this agenda item and this room', () => {
    const move = { phaseKey: 'k', roomId: 'breakout:a' as const, stage: 'delivered' as const, at: 1 };
    expect(arrivalStage(person({ id: 'p', move }), 'k')).toBe('delivered');
    expect(arrivalStage(person({ id: 'p', move }), 'other')).toBe('sent');
    expect(arrivalStage(person({ id: 'p', move, plannedRoom: 'breakout:b' }), 'k')).toBe('sent');
  });
  it('is sent while in another room with no report', () => {
    expect(arrivalStage(person({ id: 'p', presentIn: ['plenary'] }), 'k')).toBe('sent');
  });
});

describe('stragglersOf', () => {
  const people = [
    person({ id: 'in', presentIn: ['breakout:a'] }),
    person({ id: 'Zoe', move: { phaseKey: 'k', roomId: 'breakout:a', stage: 'connected', at: 2 } }),
    person({ id: 'Ann', move: { phaseKey: 'k', roomId: 'breakout:a', stage: 'delivered', at: 2 } }),
    person({ id: 'Bob' }),
    person({ id: 'Cy', move: { phaseKey: 'k', roomId: 'breakout:a', stage: 'failed', at: 2 } }),
    person({ id: 'offline', connected: false }),
    person({ id: 'nowhere', plannedRoom: null }),
  ];
  it('lists nobody in the first seconds after the cue', () => {
    expect(stragglersOf(people, 'k', 1000, 1000 + STRAGGLER_AFTER_MS - 1)).toEqual([]);
  });
  it('then lists the online people not in their room, the furthest behind first', () => {
    const list = stragglersOf(people, 'k', 1000, 1000 + STRAGGLER_AFTER_MS);
    expect(list.map((s) => [s.name, s.stage])).toEqual([['Cy', 'failed'], ['Bob', 'sent'], ['Ann', 'delivered'], ['Zoe', 'connected']]);
    expect(list.every((s) => s.roomId === 'breakout:a')).toBe(true);
  });
  it('counts each stage among the online people planned somewhere', () => {
    expect(arrivalCounts(people, 'k')).toEqual({ sent: 1, delivered: 1, connected: 1, failed: 1, in_room: 1 });
  });
});

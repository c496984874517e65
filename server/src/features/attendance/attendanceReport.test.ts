import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadEventFile } from '../../live/event/loadEventFile.js';
import { participationCredential } from '../certificates/participationCredential.js';
import { attendanceOf, intervalsByPlace, itemSegments, mergeIntervals, occupancyOf } from './attendanceReport.js';
import type { AttendanceEvent } from './attendanceStore.js';

const M = 60_000;
const seedEvent = loadEventFile(fileURLToPath(new URL('../../../events/microcredentials-2025.yaml', import.meta.url)));
const forum = loadEventFile(fileURLToPath(new URL('../../../../e2e/fixtures/lisbon-forum.yaml', import.meta.url)));
const fact = (participantId: string, kind: 'joined' | 'left', roomId: AttendanceEvent['roomId'], at: number, source: 'media' | 'signal' = 'media'): AttendanceEvent =>
  ({ participantId, source, kind, roomId: source === 'signal' ? null : roomId, phase: 'plenary', itemIndex: 0, at });

describe('interval arithmetic', () => {
  test.each([
    [[{ from: 0, to: 10 }, { from: 5, to: 20 }], [{ from: 0, to: 20 }]],
    [[{ from: 10, to: 20 }, { from: 0, to: 10 }], [{ from: 0, to: 20 }]],
    [[{ from: 0, to: 5 }, { from: 6, to: 8 }], [{ from: 0, to: 5 }, { from: 6, to: 8 }]],
    [[], []],
  ])('merge %j', (input, merged) => {
    expect(mergeIntervals(input)).toEqual(merged);
  });

  test('a repeated join does not restart the stretch; a leave without a join is ignored; open stretches run until now', () => {
    const places = intervalsByPlace([
      fact('a', 'left', 'plenary', 0), fact('a', 'joined', 'plenary', 1 * M), fact('a', 'joined', 'plenary', 2 * M),
      fact('a', 'left', 'plenary', 3 * M), fact('a', 'joined', 'backstage', 4 * M), fact('a', 'joined', null, 0, 'signal'),
    ], 10 * M);
    expect(places.get('plenary')).toEqual([{ from: 1 * M, to: 3 * M }]);
    expect(places.get('backstage')).toEqual([{ from: 4 * M, to: 10 * M }]);
    expect(places.get('signal')).toEqual([{ from: 0, to: 10 * M }]);
  });

  test('item segments follow the timeline; a return to an item adds a segment', () => {
    const segments = itemSegments([
      { phase: 'lobby', itemIndex: null, at: 0 }, { phase: 'plenary', itemIndex: 0, at: 10 }, { phase: 'breakouts', itemIndex: 1, at: 20 },
      { phase: 'plenary', itemIndex: 0, at: 30 }, { phase: 'ended', itemIndex: null, at: 35 },
    ], 100);
    expect(segments).toEqual([{ itemIndex: 0, from: 10, to: 20 }, { itemIndex: 1, from: 20, to: 30 }, { itemIndex: 0, from: 30, to: 35 }]);
  });
});

describe('attendance of one person', () => {
  test('being in two rooms at once during a move counts once; time outside the agenda does not count', () => {
    const segments = [{ itemIndex: 0, from: 0, to: 45 * M }, { itemIndex: 1, from: 45 * M, to: 120 * M }];
    const result = attendanceOf(seedEvent, 'a', [
      fact('a', 'joined', 'plenary', -10 * M), fact('a', 'joined', 'breakout:trust', 44 * M), fact('a', 'left', 'plenary', 46 * M),
      fact('a', 'left', 'breakout:trust', 100 * M),
    ], segments, 200 * M);
    expect(result.items[0]!.presentMs).toBe(45 * M);
    expect(result.items[1]!.presentMs).toBe(55 * M);
    expect(result.presentMs).toBe(100 * M);
    expect(result.agendaMs).toBe(120 * M);
    expect(result.breakout).toMatchObject({ breakoutId: 'trust', ms: 55 * M });
    expect(result.items[1]!.rooms).toEqual([{ roomId: 'breakout:trust', ms: 55 * M }, { roomId: 'plenary', ms: 1 * M }]);
  });

  test('two rounds: the room of each round, named with its round on the certificate; a round missed is left out', () => {
    // The forum: 0 welcome, 1 round 1, 2 coffee, 3 round 2, 4 panel, 5 closing.
    const segments = [{ itemIndex: 0, from: 0, to: 45 * M }, { itemIndex: 1, from: 45 * M, to: 90 * M }, { itemIndex: 2, from: 90 * M, to: 110 * M }, { itemIndex: 3, from: 110 * M, to: 150 * M }];
    const both = attendanceOf(forum, 'a', [
      fact('a', 'joined', 'plenary', 0), fact('a', 'left', 'plenary', 45 * M),
      fact('a', 'joined', 'breakout:health', 45 * M), fact('a', 'left', 'breakout:health', 50 * M),
      fact('a', 'joined', 'breakout:tourism', 50 * M), fact('a', 'left', 'breakout:tourism', 90 * M),
      fact('a', 'joined', 'breakout:quality', 110 * M), fact('a', 'left', 'breakout:quality', 150 * M),
    ], segments, 200 * M);
    expect(both.rounds).toEqual([
      { roundKey: 'round-1', roundTitle: 'Round 1: sector tables', breakoutId: 'tourism', title: 'Tourism and hospitality', ms: 40 * M },
      { roundKey: 'round-2', roundTitle: 'Round 2: open tables', breakoutId: 'quality', title: 'Quality assurance', ms: 40 * M },
    ]);
    const credential = participationCredential({
      id: 'c1', event: forum, publicUrl: 'http://localhost:3000', issuedAt: 0, threshold: 0.5, person: { name: 'Ada', email: null }, attendance: both, salt: 's',
    });
    const evidence = (JSON.parse(JSON.stringify(credential)) as { evidence: { name: string; genre: string }[] }).evidence.filter((e) => e.genre === 'breakout');
    expect(evidence.map((e) => e.name)).toEqual(['Breakout room (Round 1: sector tables): Tourism and hospitality', 'Breakout room (Round 2: open tables): Quality assurance']);

    const onlySecond = attendanceOf(forum, 'b', [fact('b', 'joined', 'breakout:funding', 110 * M), fact('b', 'left', 'breakout:funding', 130 * M)], segments, 200 * M);
    expect(onlySecond.rounds.map((r) => r.breakoutId)).toEqual(['funding']);
    const single = participationCredential({
      id: 'c2', event: forum, publicUrl: 'http://localhost:3000', issuedAt: 0, threshold: 0.5, person: { name: 'Bo', email: null }, attendance: onlySecond, salt: 's',
    });
    expect((single as unknown as { evidence: { name: string; genre: string }[] }).evidence.filter((e) => e.genre === 'breakout').map((e) => e.name)).toEqual(['Breakout room: Funding and incentives']);
  });

  test('nothing ran: share 0', () => {
    expect(attendanceOf(seedEvent, 'a', [fact('a', 'joined', 'plenary', 0)], [], M)).toMatchObject({ share: 0, agendaMs: 0, breakout: null });
  });
});

describe('occupancy', () => {
  test('people in the room at any moment of each step, counted once per step', () => {
    const series = occupancyOf([
      fact('a', 'joined', 'plenary', 0), fact('a', 'left', 'plenary', 30_000), fact('a', 'joined', 'plenary', 40_000), fact('a', 'left', 'plenary', 90_000),
      fact('b', 'joined', 'plenary', 70_000), fact('b', 'joined', 'breakout:trust', 150_000),
    ], 0, 180_000, M);
    expect(series.rooms).toEqual(['breakout:trust', 'plenary']);
    expect(series.points).toEqual([
      { at: 0, counts: { plenary: 1, 'breakout:trust': 0 } },
      { at: M, counts: { plenary: 2, 'breakout:trust': 0 } },
      { at: 2 * M, counts: { plenary: 1, 'breakout:trust': 1 } },
    ]);
  });
});

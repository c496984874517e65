// The benchmark harness, small and fast (N = 50 signalling attendees, M = 2 media clients plus the
// speaker), so `npm test` keeps it working. It asserts correctness only — nobody lost, everyone in
// the right room according to LiveKit itself — never speed: timings on a shared CI machine vary.
// Needs the loopback-only namespace for Chromium's media (npm test provides it).
import { describe, expect, it } from 'vitest';
import { runBench } from '../src/harness.js';
import { MOVE_MODES } from '../src/mediaClients.js';
import { SMOKE_OPTIONS } from '../src/options.js';
import type { BenchResults } from '../src/results.js';

describe('benchmark harness (smoke)', () => {
  it('moves everyone to the right room, signalling and media, and measures it', async () => {
    if (process.env.LW_NETNS !== '1') console.warn('not inside the loopback-only namespace (scripts/netns.mjs)');
    const r: BenchResults = await runBench(SMOKE_OPTIONS);

    // Cue fan-out: every attendee had its assignment for the new phase, with a token for the right room.
    expect(r.fanout).toHaveLength(1);
    const [fanout] = r.fanout;
    expect(fanout).toMatchObject({ n: 50, lost: 0, misplaced: 0, count: 50 * SMOKE_OPTIONS.cuesPerN });
    expect(fanout!.via.prepared).toBe(50 * SMOKE_OPTIONS.cuesPerN); // the prepared assignment was used at every cue
    expect(fanout!.floor).toMatchObject({ lost: 0, count: 50 * SMOKE_OPTIONS.cuesPerN });

    // The naive way reaches everyone too (it is slower, not wrong).
    expect(r.baseline).toMatchObject({ n: 50, naive: { lost: 0, misplaced: 0 }, ours: { lost: 0, misplaced: 0 } });

    // Media: everyone moved, and LiveKit's listParticipants shows each in exactly the expected room.
    const m = SMOKE_OPTIONS.moveMs[0]!;
    for (const move of [...r.move, r.endurance!.move]) {
      expect(move.failures).toEqual([]);
      expect(move).toMatchObject({ lost: 0, misplaced: 0 });
      // The headline figures are the attendee page's way: M attendees + the speaker in each of its moves.
      const own = move.byMode[move.mode]!.audioGap.count / m;
      expect(own).toBeGreaterThan(0);
      expect(move.ready.count).toBe((m + 1) * own);
      expect(move.audioGap.count).toBe(m * own);
    }
    // Every way of moving was used into the breakouts and back, one after another, and every listener
    // heard its new room on every move (the partner in a breakout, the speaker in the plenary): the
    // microphone survives leaving a room, whichever way the move before was made.
    const [rotated] = r.move;
    for (const way of MOVE_MODES) {
      const { hearing, audioGap } = rotated!.byMode[way]!;
      expect(audioGap.count, way).toBeGreaterThan(0);
      expect(hearing.count, `${way}: listeners that heard their new room, of ${audioGap.count}`).toBe(audioGap.count);
    }
    for (const cycle of r.endurance!.cycles) {
      expect(cycle.signalling).toMatchObject({ lost: 0, misplaced: 0 });
      expect(cycle.media).toMatchObject({ lost: 0, misplaced: 0 });
    }
    expect(r.memory.map((p) => p.n)).toEqual([0, 50]);
    // Many events in one process: each created and live, and a cue in one heard in no other.
    expect(r.events).toMatchObject({ events: SMOKE_OPTIONS.events, cross_event_messages: 0 });
    expect(r.events!.live.rss_mb).toBeGreaterThan(0);
    expect(r.notes).toEqual([]);
  });
});

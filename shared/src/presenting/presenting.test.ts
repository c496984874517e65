import { describe, expect, test } from 'vitest';
import type { Phase } from '../engine/state.js';
import { MINUTE_MS, seedEvent, T0 } from '../engine/testkit.js';
import { inTalkback, itemSpeakers, mayUploadSlides, publishSourcesIn, speakerSlot } from './presenting.js';

const item = (kind: 'plenary' | 'breakouts' | 'live' | 'closing', itemIndex: number, endsAt = T0 + 45 * MINUTE_MS): Phase =>
  ({ kind, itemIndex, startedAt: T0, timer: { status: 'running', endsAt } }) as Phase;

describe('what LiveKit lets a person publish', () => {
  test.each([
    ['plenary', true, ['camera', 'microphone', 'screen_share', 'screen_share_audio']],
    ['plenary', false, []],
    ['backstage', true, ['camera', 'microphone', 'screen_share', 'screen_share_audio']],
    ['breakout:skills', true, ['camera', 'microphone']],
    ['breakout:skills', false, []],
    [null, true, []],
  ] as const)('in %s with canPublish %s: %j', (roomId, canPublish, sources) => {
    expect(publishSourcesIn(roomId, canPublish)).toEqual(sources);
  });
});

describe("the item's speakers (the talk-back's speakers)", () => {
  test.each([
    ['before the doors open: the first item with a stage', { kind: 'scheduled' } as Phase, ['research-lead', 'refernet-expert']],
    ['in the opening plenary: its stage', item('plenary', 0), ['research-lead', 'refernet-expert']],
    ['in the breakouts: the next stage (ReferNet plenary)', item('breakouts', 1), ['refernet-expert', 'research-lead']],
    ['at the closing (no stage, none after)', item('closing', 3), []],
    ['after the end: nobody', { kind: 'ended', endedAt: T0 } as Phase, []],
  ])('%s', (_what, phase, speakers) => {
    expect(itemSpeakers(seedEvent, phase)).toEqual(speakers);
  });

  test('moderators and the item\'s speakers are in the talk-back; attendees never', () => {
    const phase = item('plenary', 0);
    expect(inTalkback(seedEvent, phase, { id: 'anastasia-pouliou', role: 'moderator' })).toBe(true);
    expect(inTalkback(seedEvent, phase, { id: 'research-lead', role: 'speaker' })).toBe(true);
    expect(inTalkback(seedEvent, phase, { id: 'research-lead', role: 'attendee' })).toBe(false);
    expect(inTalkback(seedEvent, phase, { id: 'someone', role: 'speaker' })).toBe(false);
    expect(inTalkback(seedEvent, item('closing', 3), { id: 'research-lead', role: 'speaker' })).toBe(false);
  });
});

describe('uploading slides', () => {
  test.each([
    ['speaker', { kind: 'scheduled' }, true],
    ['speaker', item('plenary', 0), true],
    ['speaker', { kind: 'ended', endedAt: T0 }, false],
    ['moderator', { kind: 'scheduled' }, true],
    ['moderator', { kind: 'lobby', openedAt: T0 }, true],
    ['moderator', item('plenary', 0), false],
    ['attendee', { kind: 'scheduled' }, false],
  ] as const)('a %s in %j: %s', (role, phase, allowed) => {
    expect(mayUploadSlides(phase as Phase, role)).toBe(allowed);
  });
});

describe("a speaker's slot", () => {
  test('the item shared equally in stage order: the first slot ends half-way, the last with the item', () => {
    const phase = item('plenary', 0, T0 + 45 * MINUTE_MS);
    expect(speakerSlot(seedEvent, phase, 'research-lead', T0)).toEqual({ index: 0, of: 2, endsAt: T0 + 22.5 * MINUTE_MS, nextSpeakerId: 'refernet-expert' });
    expect(speakerSlot(seedEvent, phase, 'refernet-expert', T0)).toEqual({ index: 1, of: 2, endsAt: T0 + 45 * MINUTE_MS, nextSpeakerId: null });
  });

  test('a paused clock counts from now; no slot off stage or outside an item', () => {
    const paused = { kind: 'plenary', itemIndex: 0, startedAt: T0, timer: { status: 'paused', remainingMs: 10 * MINUTE_MS } } as Phase;
    expect(speakerSlot(seedEvent, paused, 'refernet-expert', T0 + MINUTE_MS)?.endsAt).toBe(T0 + 11 * MINUTE_MS);
    expect(speakerSlot(seedEvent, item('breakouts', 1), 'research-lead', T0)).toBeNull();
    expect(speakerSlot(seedEvent, { kind: 'lobby', openedAt: T0 }, 'research-lead', T0)).toBeNull();
  });
});

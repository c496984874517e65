import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { initialState, type AgendaState, type Phase } from '@live-workshop/shared';
import { loadEventFile } from '../../live/event/loadEventFile.js';
import { nextAutopilotStep } from './autopilotPlan.js';

const event = loadEventFile(fileURLToPath(new URL('../../../events/microcredentials-2025.yaml', import.meta.url)));
/** A time on 23 October 2025 in UTC; Brussels is UTC+2 that day (CEST). */
const utc = (hh: number, mm: number) => Date.UTC(2025, 9, 23, hh, mm);
const at = (phase: Phase): AgendaState => ({ ...initialState(event), phase });
const running = (itemIndex: number, kind: 'plenary' | 'breakouts' | 'live' | 'closing', startedAt: number, endsAt: number): Phase =>
  ({ kind, itemIndex, startedAt, timer: { status: 'running', endsAt } });

describe('the autopilot plan (the schedule is a floor, the item clock is respected)', () => {
  test.each<[string, Phase, number, ReturnType<typeof nextAutopilotStep>]>([
    ['opens the doors 15 minutes before 09:30 CEST', { kind: 'scheduled' }, utc(6, 0), { action: 'openDoors', dueAt: utc(7, 15) }],
    ['starts the first item at 09:30 CEST', { kind: 'lobby', openedAt: utc(7, 15) }, utc(7, 16), { action: 'start', dueAt: utc(7, 30) }],
    ['goes on at the next item\'s planned start', running(0, 'plenary', utc(7, 30), utc(8, 15)), utc(7, 31), { action: 'next', dueAt: utc(8, 15) }],
    ['a late start keeps the item\'s full length', running(0, 'plenary', utc(7, 40), utc(8, 25)), utc(7, 41), { action: 'next', dueAt: utc(8, 25) }],
    ['an early cue waits for the planned time', running(2, 'live', utc(9, 20), utc(10, 35)), utc(9, 21), { action: 'next', dueAt: utc(10, 45) }],
    ['the last item ends the event at the planned end', running(3, 'closing', utc(10, 45), utc(11, 0)), utc(10, 46), { action: 'next', dueAt: utc(11, 0) }],
    ['breakouts end by the engine\'s own deadline', running(1, 'breakouts', utc(8, 15), utc(9, 30)), utc(8, 16), null],
    ['a paused clock waits for a moderator', { kind: 'plenary', itemIndex: 0, startedAt: utc(7, 30), timer: { status: 'paused', remainingMs: 60_000 } }, utc(7, 40), null],
    ['nothing after the end', { kind: 'ended', endedAt: utc(11, 0) }, utc(11, 1), null],
    ['an event whose planned end has passed is not started by itself', { kind: 'scheduled' }, utc(11, 0), null],
  ])('%s', (_what, phase, now, expected) => {
    expect(nextAutopilotStep(at(phase), now)).toEqual(expected);
  });
});

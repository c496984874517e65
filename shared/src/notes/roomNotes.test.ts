import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Participant } from '../domain.js';
import { eventConfigSchema } from '../event/eventConfig.js';
import { makeEvent, seedEvent, smallEventInput, type EventInput } from '../engine/testkit.js';
import { DEFAULT_ROUND } from '../engine/rounds.js';
import { facilitatesRoom, reportBackRound, reportBackRoundNow, roomNotesRefusal } from './roomNotes.js';

const forumInput = (): EventInput => parseYaml(readFileSync(new URL('../../../e2e/fixtures/lisbon-forum.yaml', import.meta.url), 'utf8'));
const who = (role: Participant['role'], breakoutId: string | null, rounds?: Participant['rounds']): Participant => ({
  id: 'x', name: 'X', role, preferences: [], breakoutId, onStage: false, handRaised: false, seq: 1, ...(rounds ? { rounds } : {}),
});

describe('the report-back item', () => {
  test('the seed\'s third item, "Report-back and ReferNet plenary", shows the notes of its breakout rooms; no other item does', () => {
    expect(seedEvent.agenda[2]).toMatchObject({ title: 'Report-back and ReferNet plenary', showNotes: true });
    expect(reportBackRound(seedEvent, 2)).toMatchObject({ key: DEFAULT_ROUND, rooms: seedEvent.breakouts });
    expect([0, 1, 3, 9].map((i) => reportBackRound(seedEvent, i))).toEqual([null, null, null, null]);
    const running = { kind: 'live', itemIndex: 2, startedAt: 0, timer: { status: 'running', endsAt: 1 } } as const;
    expect(reportBackRoundNow(seedEvent, running)?.itemIndex).toBe(2);
    expect(reportBackRoundNow(seedEvent, { kind: 'lobby', openedAt: 0 })).toBeNull();
  });

  test('with two rounds it reports on the nearest round before it', () => {
    const input = forumInput();
    input.agenda[4]!.showNotes = true; // the live panel, after round 2
    const forum = eventConfigSchema.parse(input);
    expect(reportBackRound(forum, 4)?.key).toBe('round-2');
    const afterRound1 = forumInput();
    afterRound1.agenda[2] = { ...afterRound1.agenda[2]!, kind: 'plenary', showNotes: true }; // the coffee break as a plenary report-back
    expect(reportBackRound(eventConfigSchema.parse(afterRound1), 2)?.key).toBe('round-1');
  });

  test.each([
    ['before any breakouts item', (i: EventInput) => { i.agenda[0]!.showNotes = true; }, ['agenda', 0, 'showNotes'], 'a report-back (showNotes) needs a breakouts item before it'],
    ['on a break (no such field)', (i: EventInput) => { i.agenda[2]!.showNotes = true; }, ['agenda', 2], 'Unrecognized key: "showNotes"'],
    ['not a boolean', (i: EventInput) => { i.agenda[3]!.showNotes = 'yes'; }, ['agenda', 3, 'showNotes'], 'Invalid input: expected boolean, received string'],
  ])('refused %s, with the field in the message', (_name, edit, path, message) => {
    const input = smallEventInput();
    edit(input);
    const result = eventConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues).toContainEqual(expect.objectContaining({ path, message }));
  });
});

describe('who writes a room\'s notes', () => {
  const staffed = makeEvent((i) => { i.agenda[1]!.staffPlacement = 'breakouts'; });
  const backstage = makeEvent();

  test('a speaker placed in the room for its round facilitates it; not another room, not backstage staff, not an attendee', () => {
    expect(facilitatesRoom(staffed, who('speaker', 'trust'), 'trust')).toBe(true);
    expect(facilitatesRoom(staffed, who('speaker', 'trust'), 'skills')).toBe(false);
    expect(facilitatesRoom(backstage, who('speaker', 'trust'), 'trust')).toBe(false);
    expect(facilitatesRoom(staffed, who('attendee', 'trust'), 'trust')).toBe(false);
    expect(facilitatesRoom(staffed, who('moderator', 'trust'), 'trust')).toBe(false);
  });

  test('in a round with its own rooms the seat of that round counts', () => {
    const input = forumInput();
    input.agenda[3]!.staffPlacement = 'breakouts';
    const forum = eventConfigSchema.parse(input);
    const lead = who('speaker', null, { 'round-2': { breakoutId: 'quality', preferences: [] } });
    expect(facilitatesRoom(forum, lead, 'quality')).toBe(true);
    expect(facilitatesRoom(forum, lead, 'funding')).toBe(false);
    // Round 1 keeps its staff backstage.
    expect(facilitatesRoom(forum, who('speaker', null, { 'round-1': { breakoutId: 'health', preferences: [] } }), 'health')).toBe(false);
  });

  test('moderators write any room\'s notes; an unknown room is named as such', () => {
    expect(roomNotesRefusal(backstage, who('moderator', null), 'trust')).toBeNull();
    expect(roomNotesRefusal(staffed, who('speaker', 'trust'), 'trust')).toBeNull();
    expect(roomNotesRefusal(staffed, who('attendee', 'trust'), 'trust')?.code).toBe('forbidden');
    expect(roomNotesRefusal(staffed, undefined, 'trust')?.code).toBe('forbidden');
    expect(roomNotesRefusal(staffed, who('moderator', null), 'nowhere')).toEqual({ code: 'unknown_breakout', message: 'There is no breakout room "nowhere".' });
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Participant, Placement, Role } from '../domain.js';
import type { EventConfig } from '../event/eventConfig.js';
import { balanceBreakouts, breakoutLoads, chooseBreakout, currentItem, placementIn, placementOf, planWithNewcomer } from './placement.js';
import { initialState, type Phase } from './state.js';
import { ITEM, ITEM_AT, MINUTE_MS, T0, makeEvent, smallEvent } from './testkit.js';

let nextSeq = 1;
const participant = (id: string, role: Role, fields: Partial<Participant> = {}): Participant => ({
  id,
  name: `Person ${id}`,
  role,
  preferences: [],
  breakoutId: null,
  onStage: false,
  handRaised: false,
  seq: nextSeq++,
  ...fields,
});

const running = (itemIndex: number, event: EventConfig = smallEvent): Phase =>
  ({
    kind: event.agenda[itemIndex]!.kind,
    itemIndex,
    startedAt: ITEM_AT,
    timer: { status: 'running', endsAt: ITEM_AT + event.agenda[itemIndex]!.durationMinutes * MINUTE_MS },
  }) as Phase;

const staffInBreakouts = makeEvent((input) => {
  input.agenda[ITEM.groups]!.staffPlacement = 'breakouts';
});

describe('placementIn: each role in each phase', () => {
  const people = {
    attendee: participant('a1', 'attendee', { breakoutId: 'trust' }),
    'attendee on stage': participant('a2', 'attendee', { breakoutId: 'skills', onStage: true }),
    'attendee with no breakout': participant('a3', 'attendee'),
    'speaker on stage in opening and panel': participant('ana', 'speaker', { breakoutId: 'global' }),
    'speaker on stage in the panel only': participant('ben', 'speaker', { breakoutId: 'global' }),
    moderator: participant('mod', 'moderator', { breakoutId: 'digital' }),
    'captioner for a breakout': participant('cap', 'captioner', { breakoutId: 'trust' }),
    'captioner for the stage': participant('cap2', 'captioner'),
  } as const;
  type Who = keyof typeof people;

  const phases: Record<string, { event: EventConfig; phase: Phase }> = {
    scheduled: { event: smallEvent, phase: { kind: 'scheduled' } },
    lobby: { event: smallEvent, phase: { kind: 'lobby', openedAt: T0 } },
    'opening (plenary)': { event: smallEvent, phase: running(ITEM.opening) },
    'groups (breakouts, staff backstage)': { event: smallEvent, phase: running(ITEM.groups) },
    'groups (breakouts, staff in breakouts)': { event: staffInBreakouts, phase: running(ITEM.groups, staffInBreakouts) },
    'groups paused': { event: smallEvent, phase: { ...running(ITEM.groups), timer: { status: 'paused', remainingMs: 1 } } as Phase },
    'coffee (break)': { event: smallEvent, phase: running(ITEM.coffee) },
    'panel (live)': { event: smallEvent, phase: running(ITEM.panel) },
    'closing (nobody on stage)': { event: smallEvent, phase: running(ITEM.closing) },
    ended: { event: smallEvent, phase: { kind: 'ended', endedAt: T0 } },
  };

  const NOWHERE: Placement = { roomId: null, canPublish: false };
  const listen = (roomId: Placement['roomId']): Placement => ({ roomId, canPublish: false });
  const talk = (roomId: Placement['roomId']): Placement => ({ roomId, canPublish: true });

  const expected: [phase: string, who: Who, placement: Placement][] = [
    ['scheduled', 'attendee', NOWHERE],
    ['scheduled', 'attendee on stage', NOWHERE],
    ['scheduled', 'speaker on stage in opening and panel', talk('backstage')],
    ['scheduled', 'moderator', talk('backstage')],

    ['lobby', 'attendee', listen('plenary')],
    ['lobby', 'attendee on stage', listen('plenary')],
    ['lobby', 'speaker on stage in opening and panel', talk('backstage')],
    ['lobby', 'moderator', talk('backstage')],

    ['opening (plenary)', 'attendee', listen('plenary')],
    ['opening (plenary)', 'attendee on stage', talk('plenary')],
    ['opening (plenary)', 'speaker on stage in opening and panel', talk('plenary')],
    ['opening (plenary)', 'speaker on stage in the panel only', talk('backstage')],
    ['opening (plenary)', 'moderator', talk('plenary')],

    ['groups (breakouts, staff backstage)', 'attendee', talk('breakout:trust')],
    ['groups (breakouts, staff backstage)', 'attendee on stage', talk('breakout:skills')],
    ['groups (breakouts, staff backstage)', 'attendee with no breakout', NOWHERE],
    ['groups (breakouts, staff backstage)', 'speaker on stage in opening and panel', talk('backstage')],
    ['groups (breakouts, staff backstage)', 'moderator', talk('backstage')],

    ['groups (breakouts, staff in breakouts)', 'attendee', talk('breakout:trust')],
    ['groups (breakouts, staff in breakouts)', 'speaker on stage in opening and panel', talk('breakout:global')],
    ['groups (breakouts, staff in breakouts)', 'moderator', talk('breakout:digital')],

    ['groups paused', 'attendee', talk('breakout:trust')],
    ['groups paused', 'moderator', talk('backstage')],

    ['coffee (break)', 'attendee', listen('plenary')],
    ['coffee (break)', 'attendee on stage', listen('plenary')],
    ['coffee (break)', 'speaker on stage in opening and panel', talk('backstage')],
    ['coffee (break)', 'moderator', talk('plenary')],

    ['panel (live)', 'attendee', listen('plenary')],
    ['panel (live)', 'attendee on stage', talk('plenary')],
    ['panel (live)', 'speaker on stage in opening and panel', talk('plenary')],
    ['panel (live)', 'speaker on stage in the panel only', talk('plenary')],
    ['panel (live)', 'moderator', talk('plenary')],

    ['closing (nobody on stage)', 'attendee', listen('plenary')],
    ['closing (nobody on stage)', 'attendee on stage', talk('plenary')],
    ['closing (nobody on stage)', 'speaker on stage in opening and panel', talk('backstage')],
    ['closing (nobody on stage)', 'moderator', talk('plenary')],

    ['ended', 'attendee', NOWHERE],
    ['ended', 'attendee on stage', NOWHERE],
    ['ended', 'speaker on stage in opening and panel', NOWHERE],
    ['ended', 'moderator', NOWHERE],

    // A captioner only listens: the stage, the breakout they chose while the breakouts run, else backstage.
    ['scheduled', 'captioner for a breakout', listen('backstage')],
    ['lobby', 'captioner for a breakout', listen('backstage')],
    ['opening (plenary)', 'captioner for a breakout', listen('plenary')],
    ['groups (breakouts, staff backstage)', 'captioner for a breakout', listen('breakout:trust')],
    ['groups (breakouts, staff backstage)', 'captioner for the stage', listen('backstage')],
    ['groups (breakouts, staff in breakouts)', 'captioner for a breakout', listen('breakout:trust')],
    ['groups (breakouts, staff in breakouts)', 'captioner for the stage', listen('backstage')],
    ['coffee (break)', 'captioner for a breakout', listen('plenary')],
    ['panel (live)', 'captioner for the stage', listen('plenary')],
    ['closing (nobody on stage)', 'captioner for a breakout', listen('plenary')],
    ['ended', 'captioner for a breakout', NOWHERE],
  ];

  test.each(expected)('%s: %s → %o', (phaseName, who, placement) => {
    const { event, phase } = phases[phaseName]!;
    expect(placementIn(event, phase, people[who])).toStrictEqual(placement);
  });

  test('every phase kind is in the table', () => {
    const kinds = new Set(expected.map(([name]) => phases[name]!.phase.kind));
    expect(kinds).toStrictEqual(new Set(['scheduled', 'lobby', 'plenary', 'breakouts', 'break', 'live', 'closing', 'ended']));
  });
});

describe('placementOf and currentItem', () => {
  const state = {
    ...initialState(smallEvent),
    phase: running(ITEM.panel),
    participants: { ben: participant('ben', 'speaker') },
  };

  test.each([
    ['a known speaker on stage', 'ben', { roomId: 'plenary', canPublish: true }],
    ['a stranger', 'ghost', { roomId: null, canPublish: false }],
  ] as const)('placementOf %s', (_name, id, placement) => {
    expect(placementOf(state, id)).toStrictEqual(placement);
  });

  test.each<[string, Phase, string | null]>([
    ['scheduled', { kind: 'scheduled' }, null],
    ['lobby', { kind: 'lobby', openedAt: T0 }, null],
    ['ended', { kind: 'ended', endedAt: T0 }, null],
    ['the panel', running(ITEM.panel), 'panel'],
    ['an index past the agenda', { ...running(ITEM.panel), itemIndex: 42 } as Phase, null],
  ])('currentItem in %s', (_name, phase, itemId) => {
    expect(currentItem(smallEvent, phase)?.id ?? null).toBe(itemId);
  });
});

describe('breakoutLoads', () => {
  const roster = [
    participant('a1', 'attendee', { breakoutId: 'trust' }),
    participant('a2', 'attendee', { breakoutId: 'trust' }),
    participant('a3', 'attendee', { breakoutId: 'skills' }),
    participant('a4', 'attendee'),
    participant('a5', 'attendee', { breakoutId: 'gone' }),
    participant('ana', 'speaker', { breakoutId: 'global' }),
    participant('mod', 'moderator', { breakoutId: 'trust' }),
    participant('cap', 'captioner', { breakoutId: 'trust' }),
  ];
  test.each([
    ['staff stay backstage: only attendees count', smallEvent, { trust: 2, skills: 1, global: 0, digital: 0 }],
    ['staff go to the breakouts: they count too (a captioner never)', staffInBreakouts, { trust: 3, skills: 1, global: 1, digital: 0 }],
  ] as const)('%s', (_name, event, loads) => {
    expect(Object.fromEntries(breakoutLoads(event, roster))).toStrictEqual(loads);
  });
});

describe('chooseBreakout', () => {
  // Capacities: trust 2, skills 2, global 3, digital 3.
  const loads = (trust: number, skills: number, global: number, digital: number) =>
    new Map(Object.entries({ trust, skills, global, digital }));
  test.each([
    ['first choice', loads(0, 0, 0, 0), ['skills', 'trust'], 'skills'],
    ['first choice up to its capacity', loads(1, 0, 0, 0), ['trust', 'skills'], 'trust'],
    ['second choice when the first is full', loads(2, 0, 0, 0), ['trust', 'skills'], 'skills'],
    ['least-loaded when both are full', loads(2, 2, 2, 1), ['trust', 'skills'], 'digital'],
    ['least-loaded with space, not least-loaded overall', loads(2, 2, 2, 3), ['trust', 'skills'], 'global'],
    ['ties go to the first room of the event', loads(2, 2, 0, 0), ['trust'], 'global'],
    ['over capacity in the least-loaded room when all are full', loads(3, 2, 3, 4), ['global'], 'skills'],
    ['unknown rooms in the preferences are skipped', loads(0, 0, 0, 0), ['nowhere', 'digital'], 'digital'],
    ['no preferences', loads(1, 1, 0, 1), [], 'global'],
  ] as const)('%s', (_name, current, preferences, expected) => {
    expect(chooseBreakout(smallEvent, current, preferences)).toBe(expected);
  });

  test('an event without breakout rooms places nobody', () => {
    const event = makeEvent((input) => {
      input.breakouts = [];
      input.agenda = input.agenda.filter((item) => item.kind !== 'breakouts');
    });
    expect(chooseBreakout(event, new Map(), ['trust'])).toBeNull();
  });
});

describe('balanceBreakouts', () => {
  const attendee = (id: string, seq: number, preferences: string[], breakoutId: string | null = null) =>
    participant(id, 'attendee', { seq, preferences, breakoutId });

  test.each([
    {
      name: 'earlier admissions win a contested first choice',
      roster: [attendee('late', 3, ['trust']), attendee('first', 1, ['trust']), attendee('second', 2, ['trust'])],
      expected: { first: 'trust', second: 'trust', late: 'skills' },
    },
    {
      name: 'second choices when the first is full',
      roster: [attendee('p1', 1, ['trust']), attendee('p2', 2, ['trust']), attendee('p3', 3, ['trust', 'digital'])],
      expected: { p1: 'trust', p2: 'trust', p3: 'digital' },
    },
    {
      name: 'first choices are placed before second choices',
      roster: [attendee('p1', 1, ['trust', 'skills']), attendee('p2', 2, ['trust', 'skills']), attendee('p3', 3, ['trust', 'skills']), attendee('p4', 4, ['skills']), attendee('p5', 5, ['skills'])],
      expected: { p1: 'trust', p2: 'trust', p4: 'skills', p5: 'skills', p3: 'global' },
    },
    {
      name: 'people without preferences fill the least-loaded rooms',
      roster: [attendee('p1', 1, ['global']), attendee('p2', 2, []), attendee('p3', 3, []), attendee('p4', 4, [])],
      expected: { p1: 'global', p2: 'trust', p3: 'skills', p4: 'digital' },
    },
    {
      name: 'a previous assignment does not count',
      roster: [attendee('p1', 1, ['skills'], 'trust'), attendee('p2', 2, ['skills'], 'digital')],
      expected: { p1: 'skills', p2: 'skills' },
    },
  ])('$name', ({ roster, expected }) => {
    expect(Object.fromEntries(balanceBreakouts(smallEvent, roster))).toStrictEqual(expected);
  });

  test('when everyone is over capacity nobody is left out', () => {
    const crowd = Array.from({ length: 12 }, (_, i) => attendee(`p${i}`, i + 1, ['trust']));
    const plan = balanceBreakouts(smallEvent, crowd);
    expect([...plan.values()].every((id) => id !== null)).toBe(true);
    const counts = Object.fromEntries(breakoutLoads(smallEvent, crowd.map((p) => ({ ...p, breakoutId: plan.get(p.id)! }))));
    // 10 places in all: the first 10 fill the rooms, the last two go to the least-loaded (trust, then skills).
    expect(counts).toStrictEqual({ trust: 3, skills: 3, global: 3, digital: 3 });
  });

  test('staff who stay backstage keep their room; staff who go are spread after the attendees, keeping their room on a tie', () => {
    const roster = [
      attendee('p1', 1, ['trust']),
      attendee('p2', 2, ['trust']),
      participant('ana', 'speaker', { seq: 3, breakoutId: 'global' }),
      participant('mod', 'moderator', { seq: 4, breakoutId: null }),
    ];
    expect(Object.fromEntries(balanceBreakouts(smallEvent, roster))).toStrictEqual({ p1: 'trust', p2: 'trust', ana: 'global', mod: null });
    expect(Object.fromEntries(balanceBreakouts(staffInBreakouts, roster))).toStrictEqual({ p1: 'trust', p2: 'trust', ana: 'global', mod: 'skills' });
  });
});

describe('planWithNewcomer', () => {
  const ids = smallEvent.breakouts.map((b) => b.id);
  const choicesMet = (people: readonly Participant[]) => {
    const met = { first: 0, second: 0 };
    for (const p of people) {
      if (p.breakoutId === p.preferences[0]) met.first++;
      else if (p.breakoutId === p.preferences[1]) met.second++;
    }
    return met;
  };

  test('before the doors open, each registration leaves a plan as good as placing everyone again', () => {
    const newcomers = fc.array(fc.uniqueArray(fc.constantFrom(...ids, 'gone'), { maxLength: 2 }), { maxLength: 12 });
    fc.assert(
      fc.property(newcomers, (choices) => {
        let roster: Record<string, Participant> = {};
        choices.forEach((preferences, i) => {
          roster = planWithNewcomer(smallEvent, { kind: 'scheduled' }, roster, participant(`n${i}`, 'attendee', { seq: i + 1, preferences }));
          const everyone = Object.values(roster);
          const replanned = balanceBreakouts(smallEvent, everyone);
          expect(choicesMet(everyone)).toStrictEqual(choicesMet(everyone.map((p) => ({ ...p, breakoutId: replanned.get(p.id)! }))));
        });
      }),
    );
  });

  test('once the doors are open nobody already placed is moved', () => {
    const placed = { a: participant('a', 'attendee', { seq: 1, preferences: ['skills'], breakoutId: 'trust' }), b: participant('b', 'attendee', { seq: 2, preferences: ['trust'], breakoutId: 'trust' }) };
    const after = planWithNewcomer(smallEvent, { kind: 'lobby', openedAt: T0 }, placed, participant('c', 'attendee', { seq: 3, preferences: ['trust', 'skills'] }));
    expect(Object.fromEntries(Object.values(after).map((p) => [p.id, p.breakoutId]))).toStrictEqual({ a: 'trust', b: 'trust', c: 'skills' });
  });
});

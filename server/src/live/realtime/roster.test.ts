// The roster push to moderators and speakers is coalesced on the injected clock, not on Node's timers.
import { describe, expect, test } from 'vitest';
import type { RosterView } from '@live-workshop/shared';
import { ManualTime } from '../../platform/clock.js';
import { ROSTER_PUSH_INTERVAL_MS, RosterPublisher } from './roster.js';
import type { Transport } from './transport.js';

const entry = (id: string, handRaised: boolean): RosterView['entries'][number] => ({
  id, name: `Person ${id}`, role: 'attendee', breakoutId: 'trust', preferences: ['trust'], onStage: false, handRaised,
  plannedRoom: 'breakout:trust', presentIn: ['breakout:trust'], connected: true, move: null,
});

function publisher() {
  const time = new ManualTime(1_000_000);
  const sent: { to: string; event: string; revision: number; entries: RosterView['entries'] }[] = [];
  let revision = 0;
  const transport = {
    publish: (to: string, event: string, view: RosterView) => sent.push({ to, event, revision: view.revision, entries: view.entries }),
  } as unknown as Pick<Transport, 'publish'>;
  const roster = new RosterPublisher(transport, () => ({ revision: ++revision, entries: [entry('ann', false), entry('bob', true)] }), time, time);
  return { time, sent, roster };
}

describe('RosterPublisher', () => {
  test('changes within the interval go out once, when the injected clock reaches it', () => {
    const { time, sent, roster } = publisher();
    roster.changed();
    roster.changed();
    time.advanceBy(ROSTER_PUSH_INTERVAL_MS - 1);
    expect(sent).toEqual([]);
    time.advanceBy(1);
    expect(sent.map(({ to, event, revision }) => ({ to, event, revision }))).toEqual([
      { to: 'role:moderator', event: 'roster:changed', revision: 1 },
      { to: 'role:speaker', event: 'roster:changed', revision: 1 },
    ]);
    roster.changed();
    time.advanceBy(ROSTER_PUSH_INTERVAL_MS);
    expect(sent.map((s) => s.revision)).toEqual([1, 1, 2, 2]);
  });

  test('moderators get everyone; speakers only the raised hands, with nobody\'s preferences, rooms or presence', () => {
    const { time, sent, roster } = publisher();
    roster.changed();
    time.advanceBy(ROSTER_PUSH_INTERVAL_MS);
    const [toModerators, toSpeakers] = sent;
    expect(toModerators!.entries.map((e) => e.id)).toEqual(['ann', 'bob']);
    expect(toSpeakers!.entries).toEqual([{
      id: 'bob', name: 'Person bob', role: 'attendee', handRaised: true, onStage: false,
      breakoutId: null, preferences: [], plannedRoom: null, presentIn: [], connected: false, move: null,
    }]);
  });

  test('nothing goes out after close()', () => {
    const { time, sent, roster } = publisher();
    roster.changed();
    roster.close();
    roster.changed();
    time.advanceBy(10 * ROSTER_PUSH_INTERVAL_MS);
    expect(sent).toEqual([]);
  });
});

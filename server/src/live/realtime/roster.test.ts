// The roster push to moderators and speakers is coalesced on the injected clock, not on Node's timers.
import { describe, expect, test } from 'vitest';
import type { RosterView } from '@live-workshop/shared';
import { ManualTime } from '../../platform/clock.js';
import { ROSTER_PUSH_INTERVAL_MS, RosterPublisher } from './roster.js';
import type { Transport } from './transport.js';

function publisher() {
  const time = new ManualTime(1_000_000);
  const sent: { rooms: string[]; event: string; revision: number }[] = [];
  let revision = 0;
  const transport = {
    publish: (rooms: string[], event: string, view: RosterView) => sent.push({ rooms, event, revision: view.revision }),
  } as unknown as Pick<Transport, 'publish'>;
  const roster = new RosterPublisher(transport, () => ({ revision: ++revision, entries: [] }), time, time);
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
    expect(sent).toEqual([{ rooms: ['role:moderator', 'role:speaker'], event: 'roster:changed', revision: 1 }]);
    roster.changed();
    time.advanceBy(ROSTER_PUSH_INTERVAL_MS);
    expect(sent.map((s) => s.revision)).toEqual([1, 2]);
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

// The metrics of this event wired to the live state: the gauges read sessions, presence and the
// agenda at each scrape; Socket.IO's engine counts its packets here. Built only when METRICS_TOKEN is set.
import { placementOf, type AgendaState } from '@live-workshop/shared';
import type { Presence } from '../../../live/agenda/presence.js';
import type { Sessions } from '../../../live/realtime/sessions.js';
import type { IoServer } from '../../../live/realtime/socketIoTransport.js';
import type { Clock } from '../../../platform/clock.js';
import { Metrics } from './metrics.js';

export interface EventMetricsDeps {
  readonly sessions: Sessions;
  readonly presence: Presence;
  readonly state: () => AgendaState;
  readonly clock: Clock;
}

/** Metrics whose gauges read this event's sessions, presence and agenda. */
export function createEventMetrics(deps: EventMetricsDeps): Metrics {
  const { sessions, presence, state } = deps;
  return new Metrics({
    *connectedRoles() {
      for (const id of sessions.ids()) {
        const socket = sessions.get(id);
        if (socket) yield socket.claims.role;
      }
    },
    presenceMismatched() {
      const s = state();
      let n = 0;
      for (const id of sessions.ids()) {
        const p = s.participants[id];
        // Moderators may be in any room (visits); someone without a planned room has nothing to miss.
        if (!p || p.role === 'moderator') continue;
        const planned = placementOf(s, id).roomId;
        if (planned && !presence.roomsOf(id).includes(planned)) n += 1;
      }
      return n;
    },
    phaseKind: () => state().phase.kind,
    now: () => deps.clock.now(),
  }, state().event.id);
}

/** Count every engine.io packet in from and out to clients (the rate is Socket.IO's packets per second). */
export function countSocketPackets(io: IoServer, metrics: Metrics): void {
  io.engine.on('connection', (raw: { on(event: 'packet' | 'packetCreate', listener: () => void): void }) => {
    raw.on('packet', () => metrics.packet('in'));
    raw.on('packetCreate', () => metrics.packet('out'));
  });
}

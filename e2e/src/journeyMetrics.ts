// The seed journey, seen through GET /metrics: a Prometheus-style scrape at each step, and checks
// that the counters move as the journey does (registrations, people connected by role, the cue
// reaching everyone, moves delivered and reported connected, nobody out of place once placed).
import { increaseOf, sampleOf, scrape, waitFor, type Sample } from '@live-workshop/testkit';

/** The METRICS_TOKEN the journey's server runs with. */
export const JOURNEY_METRICS_TOKEN = 'e2e-journey-metrics-token-0123';

/** Scrapes the journey's server and waits for its numbers to follow the journey. */
export class JourneyMetrics {
  constructor(private readonly url: string, private readonly token = JOURNEY_METRICS_TOKEN) {}

  scrape(): Promise<Sample[]> {
    return scrape(this.url, this.token);
  }

  /** Resolves with the first scrape where `holds` is true (the counters lag the pages by a report or two). */
  until(what: string, holds: (now: Sample[]) => boolean, timeoutMs = 30_000): Promise<Sample[]> {
    return waitFor(async () => {
      const now = await this.scrape();
      return holds(now) && now;
    }, { what: `metrics: ${what}`, timeoutMs, intervalMs: 500 });
  }

  /** After registration: `n` new addresses counted. */
  registered(n: number): Promise<Sample[]> {
    return this.until(`${n} registrations`, (now) => sampleOf(now, 'lw_registrations_total', { kind: 'new' }) === n);
  }

  /** Everyone has joined: connections by role. */
  connected(byRole: { attendee: number; speaker: number; moderator: number }): Promise<Sample[]> {
    return this.until(`connected ${JSON.stringify(byRole)}`, (now) => Object.entries(byRole).every(([role, n]) => sampleOf(now, 'lw_connected_participants', { role }) === n));
  }

  /** The agenda's phase is `kind`. */
  phase(kind: string): Promise<Sample[]> {
    return this.until(`phase ${kind}`, (now) => sampleOf(now, 'lw_agenda_phase', { kind }) === 1);
  }

  /**
   * A cue moved `movers` people: since `before`, the phase is `phase`, one more cue reached everyone,
   * at least `movers` moves were delivered and as many reported connected by the browsers, and
   * nobody is out of the room the agenda plans (LiveKit's presence agrees).
   */
  moved(before: Sample[], phase: string, movers: number): Promise<Sample[]> {
    return this.until(`${movers} moves into ${phase}`, (now) => sampleOf(now, 'lw_agenda_phase', { kind: phase }) === 1
      && increaseOf(before, now, 'lw_cue_to_everyone_assigned_seconds_count') >= 1
      && increaseOf(before, now, 'lw_moves_total', { outcome: 'delivered' }) >= movers
      && increaseOf(before, now, 'lw_moves_total', { outcome: 'connected' }) >= movers
      && sampleOf(now, 'lw_presence_mismatched_participants') === 0
      && increaseOf(before, now, 'lw_socketio_packets_total', { direction: 'out' }) > 0);
  }
}

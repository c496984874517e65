// Many events in one server process (issue 13 §3): memory per idle event and per live event, and
// a check that a cue in one live event reaches nobody in the others. The organiser API creates the
// events (copies of the bench event), each with its own moderator connected to /e/<id>.
import { EVENTS } from '@live-workshop/shared';
import { TestClient } from '@live-workshop/testkit';
import { sleep } from '../poll.js';
import { rssMb } from '../procStats.js';
import type { EventsResult } from '../results.js';
import { median, round1 } from '../stats.js';
import type { BenchRun } from './run.js';
import type { BenchStack } from './stack.js';

interface Created { event: { id: string }; links: { role: string; url: string }[] }

/** The server's memory after a full collection: RSS (median of three) and the V8 heap in use. */
async function settledMemory(run: BenchRun, stack: BenchStack): Promise<{ rss_mb: number; heap_mb: number }> {
  await sleep(run.options.memorySettleMs);
  const heap = await stack.serverHeap.collectAndMeasure();
  await sleep(1_000);
  const rss: number[] = [];
  for (let i = 0; i < 3; i++) {
    rss.push(rssMb(stack.server.pid));
    await sleep(500);
  }
  return { rss_mb: median(rss), heap_mb: heap };
}

/** Everything the server sent a client before now has arrived once this ack is back (same-connection ordering). */
const flush = (client: TestClient) => client.request(EVENTS.moveReport, { phaseKey: 'flush', roomId: 'plenary', cueToConnectedMs: 0, cueToPublishingMs: null });

export async function measureEvents(run: BenchRun, stack: BenchStack, count: number): Promise<EventsResult> {
  const { server } = stack;
  const organiser = { authorization: `Bearer ${server.organiserCredential}`, 'content-type': 'application/json' };
  run.step(`events: memory before ${count} more events`);
  const before = await settledMemory(run, stack);

  const created: Created[] = [];
  const createMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${server.url}/api/organiser/events/${stack.event.id}/duplicate`, { method: 'POST', headers: organiser, body: JSON.stringify({ id: `bench-event-${i + 1}` }) });
    if (res.status !== 201) throw new Error(`creating event ${i + 1} answered ${res.status}: ${await res.text()}`);
    createMs.push(performance.now() - started);
    created.push((await res.json()) as Created);
  }
  run.step(`events: ${count} idle events created`);
  const idle = await settledMemory(run, stack);

  const moderators: TestClient[] = [];
  try {
    for (const c of created) {
      const link = c.links.find((l) => l.role === 'moderator')!;
      const moderator = new TestClient(`${server.url}/e/${c.event.id}`, link.url.split('/join/')[1]!);
      moderators.push(moderator);
      await moderator.connected();
      for (const action of ['openDoors', 'start'] as const) {
        await moderator.next(EVENTS.agendaChanged);
        const result = await moderator.command({ type: action });
        if (!result.ok) throw new Error(`${c.event.id}: ${action} refused: ${result.message}`);
        await moderator.next(EVENTS.agendaChanged, (s) => s.version === result.data.version);
      }
    }
    run.step(`events: ${count} events live, a moderator connected to each`);
    const live = await settledMemory(run, stack);

    // A cue in the first event: every other event's moderator must hear nothing of it.
    await Promise.all(moderators.map(flush));
    const heard = moderators.map((m) => m.received.length);
    const cue = await moderators[0]!.command({ type: 'next' });
    if (!cue.ok) throw new Error(`the cue in ${created[0]!.event.id} was refused: ${cue.message}`);
    await moderators[0]!.next(EVENTS.agendaChanged, (s) => s.version === cue.data.version);
    await Promise.all(moderators.map(flush));
    const crossEventMessages = moderators.slice(1).reduce((sum, m, i) => sum + m.received.length - heard[i + 1]!, 0);

    // Two decimals: an idle event costs a fraction of a megabyte.
    const per = (a: number, b: number) => Math.round(((b - a) / count) * 100) / 100;
    return {
      events: count,
      before, idle, live,
      rss_mb_per_idle_event: per(before.rss_mb, idle.rss_mb),
      heap_mb_per_idle_event: per(before.heap_mb, idle.heap_mb),
      rss_mb_per_live_event: per(before.rss_mb, live.rss_mb),
      heap_mb_per_live_event: per(before.heap_mb, live.heap_mb),
      create_ms_median: round1(median(createMs)),
      cross_event_messages: crossEventMessages,
    };
  } finally {
    for (const m of moderators) m.close();
  }
}

// Turns results into files: the dated JSON, latest.json (the shape issue 5 fixes), a Markdown
// table and an SVG chart drawn by Vega-Lite (rendered headlessly, no canvas, no native build).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { PREJOIN_TARGETS, TARGETS } from './options.js';
import type { BenchResults, LiveSegmentResult } from './results.js';

/** `bench/results/latest.json`: the one shape any tool may rely on. */
export interface LatestJson {
  machine: string;
  date: string;
  fanout: { n: number; p50_ms: number; p95_ms: number; p99_ms: number; max_ms: number; floor_p99_ms: number; lost: number }[];
  move: { m: number; p50_ms: number; p95_ms: number; max_ms: number; audio_gap_p95_ms: number; lost: number }[];
  memory: { n: number; rss_mb: number }[];
  baseline: { n: number; naive_p99_ms: number; ours_p99_ms: number } | null;
}

/** The figures of latest.json. "lost" counts anyone who never got there or got to the wrong room. */
export function latestOf(r: BenchResults): LatestJson {
  return {
    machine: r.machine.description,
    date: r.date,
    fanout: r.fanout.map((f) => ({ n: f.n, p50_ms: f.p50_ms, p95_ms: f.p95_ms, p99_ms: f.p99_ms, max_ms: f.max_ms, floor_p99_ms: f.floor.p99_ms, lost: f.lost + f.misplaced })),
    move: r.move.map((m) => ({ m: m.m, p50_ms: m.ready.p50_ms, p95_ms: m.ready.p95_ms, max_ms: m.ready.max_ms, audio_gap_p95_ms: m.audioGap.p95_ms, lost: m.lost + m.misplaced + m.failures.length })),
    memory: r.memory.map((p) => ({ n: p.n, rss_mb: p.rss_mb })),
    baseline: r.baseline ? { n: r.baseline.n, naive_p99_ms: r.baseline.naive.p99_ms, ours_p99_ms: r.baseline.ours.p99_ms } : null,
  };
}

export interface TargetCheck {
  readonly target: string;
  readonly met: boolean | null;
  readonly measured: string;
}

/** Each target of issue 5 against what was measured (null: not measured in this run). */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const f of r.fanout) {
    const ratio = f.p99_ms / f.floor.p99_ms;
    checks.push({ target: `fan-out N=${f.n}: p99 ≤ ${TARGETS.fanoutFloorRatio}× floor`, met: ratio <= TARGETS.fanoutFloorRatio, measured: `${f.p99_ms} ms vs floor ${f.floor.p99_ms} ms (${ratio.toFixed(2)}×)` });
  }
  const at1000 = r.fanout.find((f) => f.n === 1000);
  checks.push({ target: `fan-out N=1000: p99 ≤ ${TARGETS.fanoutP99At1000Ms} ms`, met: at1000 ? at1000.p99_ms <= TARGETS.fanoutP99At1000Ms : null, measured: at1000 ? `${at1000.p99_ms} ms` : 'not run' });
  for (const m of r.move) {
    checks.push({ target: `move M=${m.m}: p95 ≤ ${TARGETS.moveP95Ms} ms`, met: m.ready.p95_ms <= TARGETS.moveP95Ms, measured: `${m.ready.p95_ms} ms` });
    checks.push({ target: `move M=${m.m}: audio gap p95 ≤ ${TARGETS.audioGapP95Ms} ms`, met: m.audioGap.p95_ms <= TARGETS.audioGapP95Ms, measured: `${m.audioGap.p95_ms} ms` });
  }
  for (const m of r.move) {
    const limit = PREJOIN_TARGETS.moveP95MsByM[m.m];
    const cold = m.byMode.cold?.ready;
    if (limit !== undefined) checks.push({ target: `pre-joined move M=${m.m}: p95 ≤ ${limit} ms`, met: m.ready.p95_ms <= limit, measured: `${m.ready.p95_ms} ms (hearing the new room p95 ${m.hearing.p95_ms} ms)` });
    if (cold && cold.count > 0) {
      const ratio = m.ready.p95_ms / cold.p95_ms;
      checks.push({ target: `pre-joined move M=${m.m}: p95 ≤ ${PREJOIN_TARGETS.vsColdRatio}× a cold join (same run)`, met: ratio <= PREJOIN_TARGETS.vsColdRatio, measured: `${m.ready.p95_ms} ms vs cold ${cold.p95_ms} ms (${ratio.toFixed(2)}×)` });
    }
    if (m.m === 10) checks.push({ target: `pre-joined move M=10: audio gap p95 ≤ ${PREJOIN_TARGETS.audioGapP95MsAtM10} ms`, met: m.audioGap.p95_ms <= PREJOIN_TARGETS.audioGapP95MsAtM10, measured: `${m.audioGap.p95_ms} ms` });
  }
  const lost = r.fanout.reduce((s, f) => s + f.lost + f.misplaced, 0) + r.move.reduce((s, m) => s + m.lost + m.misplaced, 0)
    + (r.endurance ? r.endurance.cycles.reduce((s, c) => s + c.signalling.lost + c.signalling.misplaced + c.media.lost + c.media.misplaced, 0) : 0)
    + (r.baseline ? r.baseline.naive.lost + r.baseline.naive.misplaced : 0);
  const live = r.liveSegment;
  if (live) {
    checks.push({ target: `live segment N=${live.n} (${live.upvotes.per_second} upvotes/s, ${live.reactions.per_second} reactions/s): cue p99 ≤ ${TARGETS.fanoutFloorRatio}× floor`, met: live.ratio_p99 <= TARGETS.fanoutFloorRatio, measured: `${live.cue.p99_ms} ms vs floor ${live.floor.p99_ms} ms (${live.ratio_p99}×)` });
  }
  const liveLost = live ? live.cue.lost + live.cue.misplaced : 0;
  checks.push({ target: 'zero lost or misplaced attendees in every scenario', met: lost + liveLost === 0, measured: `${lost + liveLost}` });
  if (r.memorySlope) {
    checks.push({ target: `server memory ≤ ${TARGETS.mbPer1000} MB per 1,000 connected`, met: r.memorySlope.server_mb_per_1000 <= TARGETS.mbPer1000, measured: `${r.memorySlope.server_mb_per_1000} MB per 1,000 (bare Socket.IO ${r.memorySlope.bare_mb_per_1000 ?? '?'} MB)` });
  }
  return checks;
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '–' : String(x));
const mark = (met: boolean | null) => (met === null ? '–' : met ? 'met' : '**missed**');

/** The Markdown report: every table of the run. */
export function markdownOf(r: BenchResults, chartFile: string | null): string {
  const lines: string[] = [];
  lines.push(`# Benchmark ${r.date} — ${r.machine.description}`, '');
  lines.push(`Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memory_gb} GB; Node ${r.machine.node}; ${r.machine.livekit}; Chromium ${r.machine.chromium ?? '–'}. `
    + `Loopback-only network namespace: ${r.isolated ? 'yes' : 'no'}. Run took ${r.durationS} s. `
    + `Machine load average (1 min) during the run: start ${r.load.start}, mean ${r.load.mean}, max ${r.load.max} on ${r.machine.cores} cores${loadNote(r.load, r.machine.cores)}. Reproduce with \`npm run bench\`.`, '');
  if (chartFile) lines.push(`![latency distributions and memory](${chartFile})`, '');
  lines.push('## Cue fan-out (cue → attendee holds its new assignment with a LiveKit token)', '');
  lines.push('| N | cues | p50 ms | p95 ms | p99 ms | max ms | floor p99 ms | p99 / floor | lost | via prepared / late | server CPU per cue |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|');
  for (const f of r.fanout) {
    lines.push(`| ${f.n} | ${f.cues} | ${f.p50_ms} | ${f.p95_ms} | ${f.p99_ms} | ${f.max_ms} | ${f.floor.p99_ms} | ${(f.p99_ms / f.floor.p99_ms).toFixed(2)}× | ${f.lost + f.misplaced} | ${f.via.prepared} / ${f.via.late} | ${f.serverCpuMsPerCue} ms |`);
  }
  lines.push('', 'Floor: one `io.emit` of a payload of the same JSON size from a bare Socket.IO server (own process) to the same client processes. '
    + 'Times run from the server\'s cue stamp (the snapshot\'s `serverTime`, taken just before its `io.emit`), like the floor\'s. '
    + 'Measured from the cue log line\'s `at` (stamped after `io.emit` returned) instead, p99 would be: '
    + r.fanout.map((f) => `N=${f.n} ${f.fromLogLine.p99_ms} ms`).join(', ') + '. Moderator command → cue stamp p50: '
    + r.fanout.map((f) => `N=${f.n} ${f.commandToCue.p50_ms} ms`).join(', ') + '. The broadcast call itself (median): '
    + r.fanout.map((f) => `N=${f.n} ours ${f.emitMs.ours} ms (cue stamp → log line) vs floor ${f.emitMs.floor} ms (io.emit)`).join(', ') + '. '
    + 'Cues and raw broadcasts take turns, so both meet the same machine load.', '');
  if (r.liveSegment) lines.push(...liveSegmentSection(r.liveSegment));
  if (r.baseline) {
    const b = r.baseline;
    lines.push('## Baseline: the naive move against ours (same server, same clients, same run)', '');
    lines.push('| N | way | p50 ms | p95 ms | p99 ms | max ms | lost |', '|---:|---|---:|---:|---:|---:|---:|');
    lines.push(`| ${b.n} | naive: bare cue, then each client fetches its assignment (session:resync) | ${b.naive.p50_ms} | ${b.naive.p95_ms} | ${b.naive.p99_ms} | ${b.naive.max_ms} | ${b.naive.lost + b.naive.misplaced} |`);
    lines.push(`| ${b.n} | ours: assignment and token prepared before the cue, one broadcast | ${b.ours.p50_ms} | ${b.ours.p95_ms} | ${b.ours.p99_ms} | ${b.ours.max_ms} | ${b.ours.lost + b.ours.misplaced} |`);
    lines.push('', `p99 ratio naive / ours: **${b.ratio_p99}×**.`, '');
  }
  lines.push('## Moves with media (cue → connected, and publishing where allowed, in the new room; audio gap per client)', '');
  lines.push('| M | N | moves | p50 ms | p95 ms | max ms | connected p50 / p95 ms | publishing p50 / p95 ms | audio gap p50 / p95 / max ms | lost | misplaced | LiveKit agrees after (p95) |');
  lines.push('|---:|---:|---:|---:|---:|---:|---|---|---|---:|---:|---:|');
  const moveRow = (m: BenchResults['move'][number]) => `| ${m.m} | ${m.n} | ${m.moves} | ${m.ready.p50_ms} | ${m.ready.p95_ms} | ${m.ready.max_ms} | ${m.connected.p50_ms} / ${m.connected.p95_ms} | ${m.publishing.p50_ms} / ${m.publishing.p95_ms} | ${m.audioGap.p50_ms} / ${m.audioGap.p95_ms} / ${m.audioGap.max_ms} | ${m.lost} | ${m.misplaced} | ${m.livekitSettledMs.p95_ms} ms |`;
  for (const m of r.move) lines.push(moveRow(m));
  if (r.endurance) lines.push(moveRow(r.endurance.move) + ' (endurance)');
  lines.push('', 'Where a move\'s time goes (p50 / p95 ms per client): cue stamp → cue handled in the page; move start → connected (LiveKit join, ICE, DTLS); connected → publishing; → old room left. And the machine during the moves:', '');
  lines.push('| M | N | cue in page | connect | publish | leave old | all cores busy | LiveKit CPU per move | app server CPU per move |', '|---:|---:|---|---|---|---|---:|---:|---:|');
  for (const m of [...r.move, ...(r.endurance ? [r.endurance.move] : [])]) {
    const b = m.breakdown;
    lines.push(`| ${m.m} | ${m.n} | ${b.cueInPage.p50_ms} / ${b.cueInPage.p95_ms} | ${b.connect.p50_ms} / ${b.connect.p95_ms} | ${b.publish.p50_ms} / ${b.publish.p95_ms} | ${b.leaveOld.p50_ms} / ${b.leaveOld.p95_ms} | ${m.machine.busy_pct} % | ${m.machine.livekit_cpu_ms_per_move} ms | ${m.machine.server_cpu_ms_per_move} ms |`);
  }
  lines.push('', 'Ways of moving, measured in the same run (the page rotates them with the agenda item, `bench/src/mediaPage.ts`): **cold** warms the connection and joins after the cue (the way before issue 14); **prejoin** joins the next room before the cue without subscribing, and subscribes at the cue; **prejoin-subscribed** joins and subscribes before the cue, playing nothing; **prejoin-published** joins and subscribes before the cue and publishes the microphone with its upstream paused (nothing is sent), then resumes sending at the cue. The figures above are the attendee page\'s way (`' + (r.move[0]?.mode ?? '–') + '`). Hearing: cue → the first audio packet from the new room.', '');
  lines.push('| M | N | way | moves (clients) | pre-joined before the cue | ready p50 / p95 ms | hearing p50 / p95 ms | audio gap p50 / p95 ms |', '|---:|---:|---|---:|---:|---|---|---|');
  for (const m of [...r.move, ...(r.endurance ? [r.endurance.move] : [])]) {
    for (const [way, x] of Object.entries(m.byMode)) {
      if (x.ready.count === 0) continue;
      lines.push(`| ${m.m} | ${m.n} | ${way} | ${x.ready.count} | ${x.preJoined} | ${x.ready.p50_ms} / ${x.ready.p95_ms} | ${fmt(x.hearing.p50_ms)} / ${fmt(x.hearing.p95_ms)} | ${x.audioGap.p50_ms} / ${x.audioGap.p95_ms} |`);
    }
  }
  for (const m of [...r.move, ...(r.endurance ? [r.endurance.move] : [])]) {
    const into = Object.entries(m.into ?? {}).map(([kind, x]) => `into the ${kind}: hearing p50 / p95 ${fmt(x.hearing.p50_ms)} / ${fmt(x.hearing.p95_ms)} ms, audio gap p50 / p95 ${x.audioGap.p50_ms} / ${x.audioGap.p95_ms} ms (${x.audioGap.count} moves)`);
    if (into.length > 0) lines.push('', `The attendee page's way at M = ${m.m}${m.n ? `, N = ${m.n}` : ''}, by where the move goes: ${into.join('; ')}.`);
  }
  const costs = [...r.move, ...(r.endurance ? [r.endurance.move] : [])].filter((m) => m.waitCost);
  if (costs.length > 0) {
    lines.push('', 'What waiting pre-joined costs (2 s quiet before each cue, pre-joined waits against cold ones in the same run, per pre-joined participant):', '');
    lines.push('| M | N | LiveKit CPU % of a core per pre-joined | LiveKit RSS MB per pre-joined | LiveKit CPU % waiting cold / pre-joined | clients CPU % waiting cold / pre-joined |', '|---:|---:|---:|---:|---|---|');
    for (const m of costs) {
      const c = m.waitCost!;
      lines.push(`| ${m.m} | ${m.n} | ${c.livekit_cpu_pct_per_prejoined} | ${c.livekit_rss_mb_per_prejoined} | ${c.livekit_cpu_pct_waiting.cold} / ${c.livekit_cpu_pct_waiting.prejoined} | ${c.clients_cpu_pct_waiting.cold} / ${c.clients_cpu_pct_waiting.prejoined} |`);
    }
  }
  lines.push('', `Media client limit on this machine: **M = ${r.moveLimit.m}** — ${r.moveLimit.reason}. Each move counts M attendees plus the speaker (on stage in the plenary, backstage during breakouts); attendees publish their microphone in breakouts and only listen in the plenary, as the agenda allows. Audio gap: longest stretch without new audio packets (inbound-rtp packetsReceived, sampled every 40 ms, so 40 ms is its floor) in the 4 s after the cue.`, '');
  if (r.endurance) {
    const e = r.endurance;
    lines.push(`## Endurance: ${e.cycles.length} cycles plenary ↔ breakouts, N = ${e.n} signalling + M = ${e.m} media`, '');
    lines.push('| cycle | server RSS MB | server CPU ms | signalling lost / misplaced | signalling p99 ms | media lost / misplaced (listParticipants) | media move p95 ms | audio gap p95 ms |');
    lines.push('|---:|---:|---:|---|---:|---|---:|---:|');
    for (const c of e.cycles) {
      lines.push(`| ${c.cycle} | ${c.rss_mb} | ${c.cpu_ms} | ${c.signalling.lost} / ${c.signalling.misplaced} | ${c.signalling.p99_ms} | ${c.media.lost} / ${c.media.misplaced} | ${c.media.ready_p95_ms} | ${c.media.audio_gap_p95_ms} |`);
    }
    lines.push('');
  }
  lines.push('## Cost per attendee', '');
  lines.push('| connected attendees | server RSS MB | server V8 heap MB | server idle CPU % | bare Socket.IO RSS MB | bare Socket.IO heap MB |', '|---:|---:|---:|---:|---:|---:|');
  for (const p of r.memory) lines.push(`| ${p.n} | ${p.rss_mb} | ${p.heap_mb} | ${p.idle_cpu_pct} | ${fmt(p.bare_rss_mb)} | ${fmt(p.bare_heap_mb)} |`);
  if (r.memorySlope) {
    const s = r.memorySlope;
    lines.push('', `Server: **${s.server_mb_per_1000} MB per 1,000** more connected attendees between the two largest counts (from 0: ${fmt(s.server_mb_per_1000_from_zero)} MB; the 0 point is taken after registering everyone, so it carries that garbage). `
      + `V8 heap: ${fmt(s.server_heap_mb_per_1000)} MB per 1,000. Bare Socket.IO: ${fmt(s.bare_mb_per_1000)} MB RSS per 1,000 (from 0: ${fmt(s.bare_mb_per_1000_from_zero)} MB), heap ${fmt(s.bare_heap_mb_per_1000)} MB per 1,000. `
      + 'Each reading follows a full garbage collection requested over the inspector, then the median of three.');
  }
  lines.push('');
  if (r.events) {
    const e = r.events;
    lines.push(`## Many events in one process: ${e.events} events beside the bench event`, '');
    lines.push('| | server RSS MB | server V8 heap MB |', '|---|---:|---:|');
    lines.push(`| before | ${e.before.rss_mb} | ${e.before.heap_mb} |`, `| ${e.events} more, idle | ${e.idle.rss_mb} | ${e.idle.heap_mb} |`, `| the same, live (plenary running, a moderator connected to each) | ${e.live.rss_mb} | ${e.live.heap_mb} |`);
    lines.push('', `Per idle event: **${e.rss_mb_per_idle_event} MB** RSS (heap ${e.heap_mb_per_idle_event} MB); per live event: **${e.rss_mb_per_live_event} MB** RSS (heap ${e.heap_mb_per_live_event} MB). `
      + `Creating one (\`POST /api/organiser/events/…/duplicate\`): ${e.create_ms_median} ms median. A cue in one live event reached the other events' moderators ${e.cross_event_messages} times (must be 0).`, '');
  }
  if ('skipped' in r.loadedBundle) lines.push(`Attendee page JavaScript as loaded: not measured (${r.loadedBundle.skipped}).`);
  else lines.push(`Attendee page JavaScript, as Chromium loads it on the join page: **${r.loadedBundle.js_gzip_kb} kB gzip** (${r.loadedBundle.files.map((f) => `${f.file} ${f.gzip_kb} kB`).join(', ')}); the floor in DESIGN.md is ≈ 214 kB.`);
  if (!('skipped' in r.bundle)) lines.push('', `From client/dist: entry script and its modulepreloads ${r.bundle.js_gzip_kb} kB gzip; CSS ${r.bundle.css_gzip_kb} kB; every JS chunk, lazy ones included, ${r.bundle.all_js_gzip_kb} kB.`);
  lines.push('');
  lines.push(`Registering ${r.registration.n} attendees through \`POST /api/registrations\` (16 in flight) took ${r.registration.seconds} s; registrations per second in each successive thousand: ${r.registration.per_second_by_thousand.join(', ')}.`, '');
  lines.push('## Targets', '', '| target | result | measured |', '|---|---|---|');
  for (const t of checkTargets(r)) lines.push(`| ${t.target} | ${mark(t.met)} | ${t.measured} |`);
  if (r.notes.length > 0) lines.push('', '## Notes from the run', '', ...r.notes.map((n) => `- ${n}`));
  lines.push('');
  return lines.join('\n');
}

/** The chart: fan-out latency curves against the floor, move and audio-gap curves, memory against attendees. */
export async function svgOf(r: BenchResults): Promise<string> {
  const fanoutRows = r.fanout.flatMap((f) => [
    ...f.cdf.ours.map((p) => ({ series: `N=${f.n} cue`, way: 'cue (ours)', ...p })),
    ...f.cdf.floor.map((p) => ({ series: `N=${f.n} raw io.emit`, way: 'raw broadcast (floor)', ...p })),
  ]);
  const moves = [...r.move, ...(r.endurance ? [r.endurance.move] : [])];
  const moveRows = moves.flatMap((m) => [
    ...m.cdf.ready.map((p) => ({ series: `M=${m.m}${m.n ? ` +N=${m.n}` : ''} move`, what: 'cue → connected (+ publishing) in new room', ...p })),
    ...m.cdf.audioGap.map((p) => ({ series: `M=${m.m}${m.n ? ` +N=${m.n}` : ''} audio gap`, what: 'audio gap', ...p })),
  ]);
  const memoryRows = r.memory.flatMap((p) => [
    { attendees: p.n, server: 'project server', rss_mb: p.rss_mb },
    ...(p.bare_rss_mb !== null ? [{ attendees: p.n, server: 'bare Socket.IO', rss_mb: p.bare_rss_mb }] : []),
  ]);
  const spec: vl.TopLevelSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: `Live Workshop benchmark, ${r.date} — ${r.machine.description}`, anchor: 'start' },
    config: { font: 'sans-serif', view: { stroke: '#ddd' }, legend: { labelLimit: 260 } },
    resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
    vconcat: [
      {
        resolve: { scale: { color: 'independent', strokeDash: 'independent' } },
        hconcat: [
          {
            title: 'Cue fan-out: cue → assignment with token (ms)',
            width: 420, height: 260,
            data: { values: fanoutRows },
            mark: { type: 'line', interpolate: 'step-after' },
            encoding: {
              x: { field: 'ms', type: 'quantitative', title: 'latency (ms)' },
              y: { field: 'percentile', type: 'quantitative', title: 'percentile of attendees', scale: { domain: [0, 100] } },
              color: { field: 'series', type: 'nominal', title: null },
              strokeDash: { field: 'way', type: 'nominal', title: null },
            },
          },
          {
            title: 'Moves with media (ms)',
            width: 420, height: 260,
            data: { values: moveRows },
            mark: { type: 'line', interpolate: 'step-after' },
            encoding: {
              x: { field: 'ms', type: 'quantitative', title: 'ms after the cue / gap length' },
              y: { field: 'percentile', type: 'quantitative', title: 'percentile of moves', scale: { domain: [0, 100] } },
              color: { field: 'series', type: 'nominal', title: null },
              strokeDash: { field: 'what', type: 'nominal', title: null },
            },
          },
        ],
      },
      {
        title: 'Server memory against connected attendees',
        width: 420, height: 220,
        data: { values: memoryRows },
        mark: { type: 'line', point: true },
        encoding: {
          x: { field: 'attendees', type: 'quantitative', title: 'connected attendees' },
          y: { field: 'rss_mb', type: 'quantitative', title: 'RSS (MB)' },
          color: { field: 'server', type: 'nominal', title: null },
        },
      },
    ],
  };
  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

/** Write `<date>-<machine>.json/.md/.svg` and latest.json into `dir`; returns the paths. */
export async function writeResults(r: BenchResults, dir: string): Promise<{ json: string; md: string; svg: string; latest: string }> {
  mkdirSync(dir, { recursive: true });
  const slug = r.machine.description.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const base = `${r.date}-${slug}`;
  const paths = { json: join(dir, `${base}.json`), md: join(dir, `${base}.md`), svg: join(dir, `${base}.svg`), latest: join(dir, 'latest.json') };
  writeFileSync(paths.json, `${JSON.stringify({ ...r, latest: latestOf(r), targets: checkTargets(r) }, null, 2)}\n`);
  writeFileSync(paths.svg, await svgOf(r));
  writeFileSync(paths.md, markdownOf(r, `${base}.svg`));
  writeFileSync(paths.latest, `${JSON.stringify(latestOf(r), null, 2)}\n`);
  return paths;
}

/** The live segment's section of the report. */
function liveSegmentSection(l: LiveSegmentResult): string[] {
  return [
    `## The live segment under load: N = ${l.n}, upvotes and reactions while cues are given`, '',
    '| what | rate | p50 ms | p95 ms | p99 ms | max ms | lost |', '|---|---:|---:|---:|---:|---:|---:|',
    `| cue fan-out under the load | ${l.cue.count} deliveries | ${l.cue.p50_ms} | ${l.cue.p95_ms} | ${l.cue.p99_ms} | ${l.cue.max_ms} | ${l.cue.lost + l.cue.misplaced} |`,
    `| raw broadcast floor, same load | ${l.floor.count} deliveries | ${l.floor.p50_ms} | ${l.floor.p95_ms} | ${l.floor.p99_ms} | ${l.floor.max_ms} | ${l.floor.lost} |`,
    `| upvote ack (${l.questions} questions) | ${l.upvotes.per_second}/s | ${l.upvotes.ack.p50_ms} | ${l.upvotes.ack.p95_ms} | ${l.upvotes.ack.p99_ms} | ${l.upvotes.ack.max_ms} | |`,
    `| GET /healthz | every 250 ms | ${l.healthz.p50_ms} | ${l.healthz.p95_ms} | ${l.healthz.p99_ms} | ${l.healthz.max_ms} | |`,
    '', `Cue p99 / floor p99: **${l.ratio_p99}×**. Reactions: ${l.reactions.per_second}/s accepted of ${l.reactions.sent} sent in ${l.seconds} s; each client received `
      + `${l.reactions.messages_per_client_per_second} reaction messages per second (one per interval). Upvotes refused: ${JSON.stringify(l.upvotes.refusals)}.`, '',
  ];
}

/** The summary printed at the end of a run. */
export function summaryTable(r: BenchResults): string {
  const rows: string[][] = [['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'floor p99 ms', 'lost']];
  for (const f of r.fanout) rows.push([`fan-out N=${f.n}`, fmt(f.p50_ms), fmt(f.p95_ms), fmt(f.p99_ms), fmt(f.max_ms), fmt(f.floor.p99_ms), String(f.lost + f.misplaced)]);
  if (r.liveSegment) {
    const l = r.liveSegment;
    rows.push([`cue under ${l.upvotes.per_second} upvotes/s + ${l.reactions.per_second} reactions/s, N=${l.n}`, fmt(l.cue.p50_ms), fmt(l.cue.p95_ms), fmt(l.cue.p99_ms), fmt(l.cue.max_ms), fmt(l.floor.p99_ms), String(l.cue.lost + l.cue.misplaced)]);
    rows.push([`upvote ack, N=${l.n}`, fmt(l.upvotes.ack.p50_ms), fmt(l.upvotes.ack.p95_ms), fmt(l.upvotes.ack.p99_ms), fmt(l.upvotes.ack.max_ms), '', '']);
  }
  if (r.baseline) {
    rows.push([`naive N=${r.baseline.n}`, fmt(r.baseline.naive.p50_ms), fmt(r.baseline.naive.p95_ms), fmt(r.baseline.naive.p99_ms), fmt(r.baseline.naive.max_ms), '', String(r.baseline.naive.lost + r.baseline.naive.misplaced)]);
  }
  for (const m of r.move) {
    rows.push([`move M=${m.m} ${m.mode} (gap p95 ${m.audioGap.p95_ms})`, fmt(m.ready.p50_ms), fmt(m.ready.p95_ms), '', fmt(m.ready.max_ms), '', String(m.lost + m.misplaced + m.failures.length)]);
    const cold = m.byMode.cold;
    if (cold && cold.ready.count > 0) rows.push([`move M=${m.m} cold (gap p95 ${cold.audioGap.p95_ms})`, fmt(cold.ready.p50_ms), fmt(cold.ready.p95_ms), '', fmt(cold.ready.max_ms), '', '']);
  }
  if (r.endurance) {
    const e = r.endurance;
    rows.push([`endurance ${e.cycles.length}× N=${e.n} M=${e.m} (gap p95 ${e.move.audioGap.p95_ms})`, fmt(e.move.ready.p50_ms), fmt(e.move.ready.p95_ms), '', fmt(e.move.ready.max_ms), '',
      String(e.cycles.reduce((s, c) => s + c.signalling.lost + c.signalling.misplaced + c.media.lost + c.media.misplaced, 0))]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const text = rows.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
  const memory = r.memory.map((p) => `${p.n}: ${p.rss_mb} MB`).join(', ');
  const targets = checkTargets(r).map((t) => `  ${t.met === null ? '–' : t.met ? '✓' : '✗'} ${t.target}: ${t.measured}`).join('\n');
  const bundle = 'skipped' in r.loadedBundle ? `not measured (${r.loadedBundle.skipped})` : `${r.loadedBundle.js_gzip_kb} kB gzip as loaded by the join page`;
  return `${text}\n\nserver RSS by connected attendees: ${memory}\nattendee page JS: ${bundle}\n\ntargets:\n${targets}\n`;
}

/**
 * What the load says about the figures: a load above the cores before the run began means other
 * work shared the machine; one that rose above them only during it is the run's own media pages
 * (each headless Chromium with fake devices takes a good part of a core).
 */
function loadNote(load: { start: number; mean: number }, cores: number): string {
  if (load.start > cores) return ' — **other work shared the machine; figures are pessimistic**';
  if (load.mean > cores) return ' — nothing else ran at the start; the load during the run is its own media pages, which kept the cores busy';
  return '';
}

// Summarises a V8 CPU profile of the server (`npm run bench -- --profile`): where its CPU went,
// by function (self time) and for the move-related functions (inclusive time).
//   node --import tsx bench/src/profileSummary.ts bench/results/profiles/<file>.cpuprofile
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Functions whose inclusive time tells where a cue's work goes. */
const OF_INTEREST = [
  'execute', 'step', 'save', 'placementEffects', 'afterCueNow', 'refreshPrepared', 'refreshCurrent', 'mint', 'mintToken', 'toJwt', 'sendAllNow',
  'emit', 'rosterOf', 'build', 'broadcast', 'verify', 'handshake',
];

export function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const label = (n: ProfileNode) => {
    const file = n.callFrame.url.replace(/^.*\/(node_modules\/|server\/src\/|shared\/src\/)/, '$1');
    return `${n.callFrame.functionName || '(anonymous)'} ${file ? `${file}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  };
  const self = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const key = label(byId.get(id)!);
    self.set(key, (self.get(key) ?? 0) + us);
  }
  // Inclusive: every sample counts once for each distinct function name on its stack.
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const name = n.callFrame.functionName;
      if (!OF_INTEREST.includes(name) || seen.has(name)) continue;
      seen.add(name);
      const key = `${name} (${n.callFrame.url.replace(/^.*\/(node_modules\/[^/]+|server\/src|shared\/src)\/.*$/, '$1')})`;
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const lines = [`total sampled CPU: ${(total / 1000).toFixed(0)} ms`, '', `top ${top} by self time:`];
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${ms(us)}  ${k}`);
  lines.push('', 'inclusive time of move-related functions:');
  for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1])) lines.push(`${ms(us)}  ${k}`);
  return lines.join('\n');
}

if (process.argv[2] && !process.argv.includes('--stretches')) {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as CpuProfile;
  process.stdout.write(`${summarise(profile, Number(process.argv[3] ?? 25))}\n`);
}

/**
 * The longest stretches in which the server's main thread never went idle (an event loop blocked
 * that long delays every socket write queued behind it), with what filled them.
 */
export function busyStretches(profile: CpuProfile, count = 12, minMs = 30, containing?: string): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stackNames = (id: number) => {
    const names: string[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const file = n.callFrame.url.replace(/^.*\/(server\/src|shared\/src)\//, '').replace(/^.*\/node_modules\/([^/]+)\/.*$/, '$1');
      if (n.callFrame.functionName) names.push(`${n.callFrame.functionName}${file && !file.startsWith('node:') ? ` [${file}]` : ''}`);
    }
    return names;
  };
  type Stretch = { startUs: number; us: number; samples: number[] };
  const stretches: Stretch[] = [];
  let t = 0;
  let current: Stretch | null = null;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    const idle = byId.get(id)!.callFrame.functionName === '(idle)';
    if (idle) {
      if (current) stretches.push(current);
      current = null;
    } else {
      current ??= { startUs: t, us: 0, samples: [] };
      current.us += dt;
      current.samples.push(id);
    }
  });
  const lines = [`longest busy stretches of the main thread (≥ ${minMs} ms), with the functions most on the stack:`];
  const holds = (x: Stretch) => !containing || x.samples.some((id) => stackNames(id).some((n) => n.startsWith(containing)));
  if (containing) lines[0] = `busy stretches of the main thread that include ${containing} (≥ ${minMs} ms), with the functions most on the stack:`;
  for (const s of stretches.filter((x) => x.us >= minMs * 1000 && holds(x)).sort((a, b) => b.us - a.us).slice(0, count)) {
    const weight = new Map<string, number>();
    for (const id of s.samples) for (const name of new Set(stackNames(id))) weight.set(name, (weight.get(name) ?? 0) + 1);
    const top = [...weight].filter(([n]) => !/^(emit|processTicksAndRejections|runMicrotasks|listOnTimeout|processTimers|onread|onStreamRead|\(anonymous\))/.test(n))
      .sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, c]) => `${n} ${Math.round((100 * c) / s.samples.length)}%`);
    lines.push(`${(s.us / 1000).toFixed(0).padStart(6)} ms at +${(s.startUs / 1e6).toFixed(1)} s: ${top.join(', ')}`);
  }
  return lines.join('\n');
}

if (process.argv[2] && process.argv.includes('--stretches')) {
  const profile = JSON.parse(readFileSync(process.argv[2], 'utf8')) as CpuProfile;
  const i = process.argv.indexOf('--containing');
  process.stdout.write(`\n${busyStretches(profile, 12, 30, i > 0 ? process.argv[i + 1] : undefined)}\n`);
}

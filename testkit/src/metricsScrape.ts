// Reading a Prometheus scrape in tests (server tests, the seed journey, the bench's dashboard shot):
// fetch /metrics with the token, parse the text format, pick samples by name and labels.

/** One sample of the exposition text. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

/** Parse Prometheus's text format (0.0.4): `name{a="x",b="y"} value`, comments skipped. */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

/** GET /metrics with the token, parsed. */
export async function scrape(url: string, token: string): Promise<Sample[]> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return parseExposition(await res.text());
}

/** The value of the one sample with this name whose labels include `labels`; throws when there is none. */
export function sampleOf(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  const found = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (found.length !== 1) throw new Error(`${found.length} samples of ${name} ${JSON.stringify(labels)}`);
  return found[0]!.value;
}

/** A sample's growth from an earlier scrape to a later one (0 where the earlier had none). */
export function increaseOf(earlier: readonly Sample[], later: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  const has = (samples: readonly Sample[]) => samples.some((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  return sampleOf(later, name, labels) - (has(earlier) ? sampleOf(earlier, name, labels) : 0);
}

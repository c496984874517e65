// The versioned Grafana dashboard (server/deploy/monitoring/grafana/dashboards/live-workshop.json)
// drawn as one HTML page from a real Prometheus: each panel's PromQL targets asked over a time range
// (query_range), drawn as SVG lines with the panel's legend format. It stands in for Grafana's own
// rendering where Grafana cannot be installed; the queries are the dashboard's, unchanged.

/** The parts of a Grafana dashboard this page draws. */
export interface Dashboard {
  readonly title: string;
  readonly panels: readonly {
    readonly title: string;
    readonly type: string;
    readonly gridPos: { readonly w: number };
    readonly fieldConfig?: { readonly defaults?: { readonly unit?: string } };
    readonly targets: readonly { readonly expr: string; readonly legendFormat?: string }[];
  }[];
}

interface Series {
  readonly name: string;
  readonly points: readonly [number, number][];
}

const COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];
const W = 440;
const H = 170;

/** One target over the range, each series named by the legend format (`{{label}}` filled in). */
async function queryRange(prometheus: string, expr: string, legend: string, range: { from: number; to: number; stepS: number }): Promise<Series[]> {
  const params = new URLSearchParams({ query: expr, start: String(range.from / 1000), end: String(range.to / 1000), step: String(range.stepS) });
  const res = await fetch(`${prometheus}/api/v1/query_range?${params}`);
  const body = await res.json() as { status: string; error?: string; data?: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
  if (body.status !== 'success') throw new Error(`Prometheus refused ${expr}: ${body.error}`);
  return body.data!.result.map((r) => ({
    name: legend.replace(/\{\{\s*(\w+)\s*\}\}/g, (_m, label: string) => r.metric[label] ?? ''),
    points: r.values.map(([t, v]) => [t * 1000, Number(v)] as [number, number]).filter(([, v]) => Number.isFinite(v)),
  }));
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function formatValue(v: number, unit: string | undefined): string {
  if (unit === 'bytes') return `${(v / 1024 ** 2).toFixed(v >= 100 * 1024 ** 2 ? 0 : 1)} MB`;
  if (unit === 's') return v >= 1 ? `${v.toFixed(2)} s` : `${(v * 1000).toFixed(v >= 0.01 ? 0 : 2)} ms`;
  return Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toFixed(2)).toString();
}

function lineChart(series: readonly Series[], range: { from: number; to: number }, unit: string | undefined): string {
  const values = series.flatMap((s) => s.points.map(([, v]) => v));
  if (values.length === 0) return '<p class="empty">No data</p>';
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const x = (t: number) => 40 + ((t - range.from) / (range.to - range.from)) * (W - 50);
  const y = (v: number) => 10 + (1 - (v - min) / span) * (H - 30);
  const lines = series.map((s, i) => `<polyline fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2" points="${s.points.map(([t, v]) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"/>`);
  const minutes = (t: number) => new Date(t).toISOString().slice(11, 16);
  return `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
    <line x1="40" y1="${y(min)}" x2="${W - 10}" y2="${y(min)}" stroke="#444"/><line x1="40" y1="10" x2="40" y2="${H - 20}" stroke="#444"/>
    <text x="36" y="16" text-anchor="end">${escape(formatValue(max, unit))}</text><text x="36" y="${H - 20}" text-anchor="end">${escape(formatValue(min, unit))}</text>
    <text x="40" y="${H - 4}">${minutes(range.from)}</text><text x="${W - 10}" y="${H - 4}" text-anchor="end">${minutes(range.to)} UTC</text>
    ${lines.join('\n')}
  </svg>
  <ul class="legend">${series.map((s, i) => `<li><span style="background:${COLOURS[i % COLOURS.length]}"></span>${escape(s.name || 'value')}: ${escape(formatValue(s.points.at(-1)?.[1] ?? Number.NaN, unit))}</li>`).join('')}</ul>`;
}

/** Grafana's "stat" panel with textMode "name": the names of the series whose last value is set. */
function statPanel(series: readonly Series[]): string {
  // Only the series still present at the end of the range (`== 1` drops the others' later points).
  const end = Math.max(...series.map((s) => s.points.at(-1)?.[0] ?? 0));
  const current = series.filter((s) => s.points.at(-1)?.[0] === end && s.points.at(-1)![1] > 0).map((s) => s.name);
  return `<p class="stat">${current.length > 0 ? escape(current.join(', ')) : 'No data'}</p>`;
}

/** The whole dashboard over `range`, as an HTML document; also how many panels had data. */
export async function dashboardPage(dashboard: Dashboard, prometheus: string, range: { from: number; to: number }, note: string): Promise<{ html: string; panelsWithData: number }> {
  const stepS = Math.max(2, Math.round((range.to - range.from) / 1000 / 150));
  let panelsWithData = 0;
  const panels: string[] = [];
  for (const panel of dashboard.panels) {
    const series = (await Promise.all(panel.targets.map((t) => queryRange(prometheus, t.expr, t.legendFormat ?? '', { ...range, stepS })))).flat();
    if (series.some((s) => s.points.length > 0)) panelsWithData += 1;
    const unit = panel.fieldConfig?.defaults?.unit;
    panels.push(`<section class="panel"><h2>${escape(panel.title)}</h2>${panel.type === 'stat' ? statPanel(series) : lineChart(series, range, unit)}</section>`);
  }
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escape(dashboard.title)}</title><style>
    body { font: 13px system-ui, sans-serif; background: #111217; color: #d8d9da; margin: 12px; }
    h1 { font-size: 18px; margin: 0 0 4px; } .note { color: #9fa7b3; margin: 0 0 10px; }
    .grid { display: grid; grid-template-columns: repeat(3, ${W + 20}px); gap: 10px; }
    .panel { background: #181b1f; border: 1px solid #2c3235; border-radius: 4px; padding: 8px 10px; }
    .panel h2 { font-size: 13px; margin: 0 0 6px; font-weight: 600; } svg text { fill: #9fa7b3; font-size: 10px; }
    .legend { list-style: none; padding: 0; margin: 4px 0 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
    .legend span { display: inline-block; width: 10px; height: 3px; margin-right: 4px; vertical-align: middle; }
    .stat { font-size: 28px; font-weight: 600; color: #73bf69; margin: 40px 0; text-align: center; } .empty { color: #9fa7b3; margin: 60px 0; text-align: center; }
  </style></head><body><h1>${escape(dashboard.title)}</h1><p class="note">${escape(note)}</p><div class="grid">${panels.join('\n')}</div></body></html>`;
  return { html, panelsWithData };
}

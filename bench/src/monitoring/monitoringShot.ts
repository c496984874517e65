// `npm run monitoring:shot` (inside the loopback-only namespace, via scripts/monitoring-shot.mjs):
// Prometheus from Debian, configured like the compose file's (server/deploy/monitoring/prometheus.yml,
// with this run's ports and a 2 s scrape interval), scrapes the app and LiveKit while `npm run bench`
// (default `--smoke`) runs; then the versioned dashboard is drawn from that Prometheus and
// screenshotted with Chromium into docs/screenshots/monitoring-dashboard.png.
//   MONITORING_GRAFANA_PROBLEM  why Grafana itself is not drawing it (set by the outer script)
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { freeTcpPort, launchChromium, REPO_ROOT, waitFor } from '@live-workshop/testkit';
import { dashboardPage, type Dashboard } from './dashboardPage.js';

const SHOT = join(REPO_ROOT, 'docs/screenshots/monitoring-dashboard.png');
const DASHBOARD = join(REPO_ROOT, 'server/deploy/monitoring/grafana/dashboards/live-workshop.json');
const benchArgs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['--smoke'];
const log = (line: string) => console.error(`[monitoring] ${line}`);

const dir = mkdtempSync(join(tmpdir(), 'lw-monitoring-'));
const token = `shot-${randomBytes(16).toString('hex')}`;
writeFileSync(join(dir, 'metrics_token'), token);
const [appPort, livekitMetricsPort, prometheusPort] = [await freeTcpPort(), await freeTcpPort(), await freeTcpPort()];

type ScrapeConfig = { job_name: string; authorization?: { credentials_file: string }; static_configs: { targets: string[] }[] };
const config = parse(readFileSync(join(REPO_ROOT, 'server/deploy/monitoring/prometheus.yml'), 'utf8')) as { global: Record<string, string>; scrape_configs: ScrapeConfig[] };
config.global = { ...config.global, scrape_interval: '2s', evaluation_interval: '2s' };
for (const job of config.scrape_configs) {
  if (job.job_name === 'live-workshop') {
    job.static_configs = [{ targets: [`127.0.0.1:${appPort}`] }];
    job.authorization!.credentials_file = join(dir, 'metrics_token');
  } else job.static_configs = [{ targets: [`127.0.0.1:${livekitMetricsPort}`] }];
}
writeFileSync(join(dir, 'prometheus.yml'), stringify(config));

const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
const prometheus = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${prometheusPort}`], {
  stdio: ['ignore', 'ignore', 'ignore'],
});
try {
  await waitFor(async () => (await fetch(`${prometheusUrl}/-/ready`)).ok, { what: 'Prometheus to be ready', timeoutMs: 30_000 });
  log(`Prometheus on ${prometheusUrl} scrapes the app on ${appPort} and LiveKit's metrics on ${livekitMetricsPort}; running the bench ${benchArgs.join(' ')}`);
  const from = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    spawn(process.execPath, ['--import', 'tsx', 'bench/src/main.ts', ...benchArgs], {
      cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, METRICS_TOKEN: token, BENCH_SERVER_PORT: String(appPort), BENCH_LIVEKIT_PROMETHEUS_PORT: String(livekitMetricsPort) },
    }).once('exit', resolve);
  });
  if (code !== 0) throw new Error(`the bench exited with ${code}`);
  const to = Date.now();
  // The range starts at the first scrape of the app (the bench spends a while preparing before it).
  const up = await (await fetch(`${prometheusUrl}/api/v1/query_range?${new URLSearchParams({ query: 'up{job="live-workshop"} == 1', start: String(from / 1000), end: String(to / 1000), step: '2' })}`)).json() as {
    data: { result: { values: [number, string][] }[] };
  };
  const firstUp = up.data.result[0]?.values[0]?.[0];
  if (firstUp === undefined) throw new Error('Prometheus never reached the app');
  const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
  const grafana = process.env.MONITORING_GRAFANA_PROBLEM;
  const start = Math.max(from, firstUp * 1000 - 10_000);
  const note = `npm run bench ${benchArgs.join(' ')}, ${new Date(start).toISOString().slice(0, 16)}–${new Date(to).toISOString().slice(11, 16)} UTC, scraped every 2 s by Prometheus; panels and PromQL from the versioned Grafana dashboard`
    + (grafana ? `, drawn without Grafana (${grafana})` : '');
  const { html, panelsWithData } = await dashboardPage(dashboard, prometheusUrl, { from: start, to }, note);
  writeFileSync(join(dir, 'dashboard.html'), html);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.setContent(html);
    await page.screenshot({ path: SHOT, fullPage: true });
  } finally {
    await browser.close();
  }
  log(`${panelsWithData} of ${dashboard.panels.length} panels have data; wrote ${SHOT} (page: ${join(dir, 'dashboard.html')})`);
} finally {
  prometheus.kill('SIGTERM');
}

// docker-compose.yml's `monitoring` profile: Prometheus scrapes the app (with METRICS_TOKEN) and
// LiveKit at the addresses they really listen on, Grafana gets that Prometheus and the versioned
// dashboard, and every metric the dashboard queries is one a real scrape of the app or of a real
// LiveKit server exports.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, expect, test } from 'vitest';
import { freeTcpPort, parseExposition, scrape, startLiveKitServer } from '@live-workshop/testkit';
import { METRICS_PATH } from '../src/features/operations/metrics/metricsRoute.js';
import { metricNamesOf } from './promqlNames.js';
import { startTestApp } from './harness.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
type Service = {
  image?: string; profiles?: string[]; network_mode?: string; command?: string[]; volumes?: string[]; secrets?: string[];
  environment?: Record<string, string>;
};
const compose = parse(read('docker-compose.yml')) as { services: Record<string, Service>; secrets: Record<string, { environment?: string }> };
const prometheusConfig = parse(read('server/deploy/monitoring/prometheus.yml')) as {
  scrape_configs: { job_name: string; metrics_path: string; authorization?: { type: string; credentials_file: string }; static_configs: { targets: string[] }[] }[];
};
const livekitConfig = parse(read('server/deploy/livekit.yaml')) as { bind_addresses: string[]; prometheus: { port: number } };
const DASHBOARD = 'server/deploy/monitoring/grafana/dashboards/live-workshop.json';
const dashboard = JSON.parse(read(DASHBOARD)) as { uid: string; panels: { title: string; datasource: { uid: string }; targets: { expr: string }[] }[] };

/** The container path a host path of the repository is mounted at in a service. */
function mountOf(service: Service, hostPath: string): string {
  const volume = (service.volumes ?? []).find((v) => v.startsWith(`./${hostPath}:`));
  if (!volume) throw new Error(`${hostPath} is not mounted`);
  expect(existsSync(join(ROOT, hostPath))).toBe(true);
  return volume.split(':')[1]!;
}
const job = (name: string) => prometheusConfig.scrape_configs.find((j) => j.job_name === name)!;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

test('only Prometheus and Grafana are in the monitoring profile, pinned, on the host network', () => {
  const { services } = compose;
  for (const name of ['caddy', 'app', 'livekit', 'redis']) expect(services[name]!.profiles).toBeUndefined();
  for (const name of ['prometheus', 'grafana']) {
    expect(services[name]!.profiles).toEqual(['monitoring']);
    expect(services[name]!.network_mode).toBe('host');
    expect(services[name]!.image).toMatch(/:v?\d+\.\d+\.\d+$/);
  }
});

test("Prometheus scrapes the app's /metrics with the app's METRICS_TOKEN, and LiveKit's own metrics, where they listen", () => {
  const { app, prometheus } = compose.services;
  expect(mountOf(prometheus!, 'server/deploy/monitoring/prometheus.yml')).toBe('/etc/prometheus/prometheus.yml');
  expect(prometheus!.command).toContain('--config.file=/etc/prometheus/prometheus.yml');

  const appJob = job('live-workshop');
  expect(appJob.metrics_path).toBe(METRICS_PATH);
  expect(appJob.static_configs.flatMap((c) => c.targets)).toEqual([`${app!.environment!.HOST}:${app!.environment!.PORT}`]);
  // The token: the app reads METRICS_TOKEN; Prometheus reads the same variable as a compose secret file.
  expect(app!.environment!.METRICS_TOKEN).toBe('${METRICS_TOKEN:-}');
  expect(prometheus!.secrets).toEqual(['metrics_token']);
  expect(compose.secrets.metrics_token).toEqual({ environment: 'METRICS_TOKEN' });
  expect(appJob.authorization).toEqual({ type: 'Bearer', credentials_file: '/run/secrets/metrics_token' });

  const livekitJob = job('livekit');
  expect(livekitJob.static_configs.flatMap((c) => c.targets)).toEqual([`${livekitConfig.bind_addresses[0]}:${livekitConfig.prometheus.port}`]);
  expect(mountOf(compose.services.livekit!, 'server/deploy/livekit.yaml')).toBe('/etc/livekit.yaml');
});

test('Grafana gets that Prometheus as its data source and the versioned dashboard', () => {
  const { grafana, prometheus } = compose.services;
  const provisioning = mountOf(grafana!, 'server/deploy/monitoring/grafana/provisioning');
  expect(provisioning).toBe('/etc/grafana/provisioning');
  const dashboards = mountOf(grafana!, 'server/deploy/monitoring/grafana/dashboards');
  const datasources = parse(read('server/deploy/monitoring/grafana/provisioning/datasources/prometheus.yml')) as { datasources: { uid: string; type: string; url: string }[] };
  const listen = prometheus!.command!.find((a) => a.startsWith('--web.listen-address='))!.split('=')[1];
  expect(datasources.datasources).toMatchObject([{ type: 'prometheus', url: `http://${listen}` }]);
  const providers = parse(read('server/deploy/monitoring/grafana/provisioning/dashboards/live-workshop.yml')) as { providers: { options: { path: string } }[] };
  expect(providers.providers.map((p) => p.options.path)).toEqual([dashboards]);
  expect(grafana!.environment!.GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH).toBe(`${dashboards}/live-workshop.json`);
  for (const panel of dashboard.panels) expect(panel.datasource.uid, panel.title).toBe(datasources.datasources[0]!.uid);
});

test("every metric the dashboard queries is exported by the app or by LiveKit (real scrapes)", async () => {
  const token = 'monitoring-test-token-0123';
  const { app, url } = await startTestApp({ metricsToken: token });
  cleanups.push(() => app.close());
  const prometheusPort = await freeTcpPort();
  const livekit = await startLiveKitServer({ prometheusPort });
  cleanups.push(() => livekit.stop());
  const exported = new Set([
    ...(await scrape(url, token)).map((s) => s.name),
    ...parseExposition(await (await fetch(`http://127.0.0.1:${prometheusPort}/metrics`)).text()).map((s) => s.name),
  ]);

  const queried = dashboard.panels.flatMap((p) => p.targets.flatMap((t) => metricNamesOf(t.expr).map((name) => ({ panel: p.title, name }))));
  expect(queried.length).toBeGreaterThan(15);
  expect(queried.filter((q) => !exported.has(q.name))).toEqual([]);
  // Both sources are on the dashboard.
  expect(queried.some((q) => q.name.startsWith('lw_'))).toBe(true);
  expect(queried.some((q) => q.name.startsWith('livekit_'))).toBe(true);
});

test('metricNamesOf skips functions, keywords, labels, ranges and strings', () => {
  expect(metricNamesOf('histogram_quantile(0.95, sum by (le) (rate(lw_cue_bucket{job="a b", le!~"x"}[2m])))')).toEqual(['lw_cue_bucket']);
  expect(metricNamesOf('lw_a == 1 and on (kind) lw_b offset 5m')).toEqual(['lw_a', 'lw_b']);
  expect(metricNamesOf('sum(livekit_room_total) / count without (node) (up)')).toEqual(['livekit_room_total', 'up']);
});

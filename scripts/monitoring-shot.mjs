// @ts-check
// `npm run monitoring:shot [-- bench arguments]`: install what is missing (the bench's tools, Debian's
// prometheus, Grafana where it can be had), then run bench/src/monitoring/monitoringShot.ts inside
// a loopback-only namespace: Prometheus scrapes a bench run, and the dashboard is screenshotted
// into docs/screenshots/monitoring-dashboard.png.
import { prepareMachine } from './lib/prepareMachine.mjs';
import { REPO_ROOT } from './lib/repoLayout.mjs';
import { ensureMonitoring } from './ensure-monitoring.mjs';

/** @param {string} line */
const log = (line) => console.error(`[monitoring] ${line}`);

const { ensureClientBuild, runInLoopbackNamespace } = await prepareMachine(REPO_ROOT, log);
ensureClientBuild(REPO_ROOT, log);
const { problem } = await ensureMonitoring({ log });
if (problem) log(`Grafana is not available (${problem}): the dashboard's panels are drawn from Prometheus without it.`);
const env = problem ? { ...process.env, MONITORING_GRAFANA_PROBLEM: problem } : process.env;
const { code } = await runInLoopbackNamespace(process.execPath, ['--import', 'tsx', 'bench/src/monitoring/monitoringShot.ts', ...process.argv.slice(2)], { cwd: REPO_ROOT, log, env });
process.exit(code);

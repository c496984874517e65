// `npm run check -- [--event FILE] [--mail-to ADDRESS] [--livekit-config FILE] [--lang CODE]`: the
// pre-event check from the command line, with the server's own configuration (the same environment
// as the server: LIVEKIT_URL, SMTP_URL, DATA_DIR, PUBLIC_URL …). Prints one line per check, in the
// language of --lang or of the shell's locale (LC_ALL, LC_MESSAGES, LANG); exits 1 when one fails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickLanguage } from '@live-workshop/shared/languages';
import { readConfig } from '../../../platform/config.js';
import { wordsFor } from '../../../platform/i18n.js';
import { commandLine } from '../commandLine.js';
import { realLiveKit } from '../../../livekit/realLiveKit.js';
import { anyFailed, resultsInWords } from './checkResult.js';
import { runPreEventCheck } from './preEventCheck.js';

const { valueOf, pathOf } = commandLine();
const eventArg = valueOf('--event');
const words = wordsFor(pickLanguage([valueOf('--lang'), process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].filter((l): l is string => !!l)));
const { t } = words;
let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env, eventArg ? ['--event', pathOf(eventArg)] : []);
} catch (err) {
  // The server would refuse to start with this configuration: that is the first failure to fix.
  const problem = err instanceof Error ? err.message : String(err);
  process.stdout.write(`${t('check.heading')}\n${t('check.mark.fail')}  ${t('check.title.config')}: ${problem}\n${t('check.summary.failed', { count: 1 })}\n`);
  process.exit(1);
}
const livekitConfig = valueOf('--livekit-config') ?? config.LIVEKIT_CONFIG_FILE;

/** LIVEKIT_URL, or the local LiveKit `npm start` runs (its ports are kept in the data folder). */
function livekitUrl(): string {
  if (config.LIVEKIT_URL) return config.LIVEKIT_URL;
  const portsFile = join(config.DATA_DIR, 'livekit-ports.json');
  const port = existsSync(portsFile) ? (JSON.parse(readFileSync(portsFile, 'utf8')) as { port: number }).port : 7880;
  return `ws://127.0.0.1:${port}`;
}
const url = livekitUrl();
const apiUrl = config.LIVEKIT_API_URL ?? url.replace(/^ws/, 'http');

const results = await runPreEventCheck({
  eventFile: config.eventFile,
  livekit: realLiveKit({ url, apiUrl, apiKey: config.LIVEKIT_API_KEY, apiSecret: config.LIVEKIT_API_SECRET }),
  livekitHttpUrl: apiUrl,
  livekitConfigFile: livekitConfig ? pathOf(livekitConfig) : null,
  smtpUrl: config.SMTP_URL ?? null,
  mailFrom: config.MAIL_FROM ?? `no-reply@${new URL(config.publicUrl).hostname}`,
  mailTo: valueOf('--mail-to') ?? null,
  dataDir: config.DATA_DIR,
  publicUrl: config.publicUrl,
  words,
});
process.stdout.write(`${t('check.heading')} (${config.publicUrl})\n${resultsInWords(results, words)}\n`);
process.exit(anyFailed(results) ? 1 : 0);

// Launches Debian's Chromium (never a downloaded one) set up for WebRTC on loopback with fake media.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's chromium package; install it with `node scripts/ensure-chromium.mjs`. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Chromium honours only the last --disable-features, and Playwright passes its own list before
 * ours, so ours must repeat Playwright's (copied from playwright-core 1.65.1's chromiumSwitches).
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];
/** Host candidates stay real IPs (not mDNS names), so ICE on 127.0.0.1 works. */
const LOOPBACK_WEBRTC_DISABLED_FEATURES = ['WebRtcHideLocalIpsWithMdns'];
const OUR_DISABLED_FEATURES = ['Translate'];

/** Flags that keep Chromium quiet on the network and give it a fake camera and microphone. */
const BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--metrics-recording-only',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
  // Background pages must keep decoding video like a visible tab does.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * How WebRTC is set up: `loopback` lets it run on 127.0.0.1 alone (accepts loopback candidates,
 * host candidates as plain IPs) for tests in a loopback-only namespace; `default` is what a
 * user's browser does (loopback candidates ignored, host candidates hidden behind mDNS names).
 */
export type WebRtcSettings = 'loopback' | 'default';

/** The command-line flags for one WebRTC setting. */
export function chromiumArgs(webrtc: WebRtcSettings = 'loopback'): string[] {
  const disabled = [...PLAYWRIGHT_DISABLED_FEATURES, ...OUR_DISABLED_FEATURES, ...(webrtc === 'loopback' ? LOOPBACK_WEBRTC_DISABLED_FEATURES : [])];
  return [...BASE_ARGS, ...(webrtc === 'loopback' ? ['--allow-loopback-in-peer-connection'] : []), `--disable-features=${disabled.join(',')}`];
}

/** The flags of the loopback setting (the tests inside the loopback-only namespace). */
export const CHROMIUM_ARGS: readonly string[] = chromiumArgs('loopback');

export interface LaunchOptions {
  headless?: boolean;
  /**
   * Frames per second of the fake camera (Chromium's default is 20). Many pages in one
   * browser on a small machine stay responsive with fewer.
   */
  fakeCameraFps?: number;
  /** Default: `loopback`. */
  webrtc?: WebRtcSettings;
  /** Another executable that runs Debian's Chromium, e.g. inside a network namespace (netns.ts). */
  executablePath?: string;
  /** Environment of the browser process (e.g. HOME for a certificate database). */
  env?: Record<string, string>;
}

/** Starts Chromium (headless unless `headless: false`). */
export function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  const base = chromiumArgs(opts.webrtc);
  const args = opts.fakeCameraFps === undefined
    ? base
    : base.map((a) => (a === '--use-fake-device-for-media-stream' ? `${a}=fps=${opts.fakeCameraFps}` : a));
  return chromium.launch({
    executablePath: opts.executablePath ?? CHROMIUM_PATH,
    headless: opts.headless ?? true,
    args,
    ...(opts.env ? { env: { ...process.env, ...opts.env } as Record<string, string> } : {}),
  });
}

/** A fresh context (its own cookies and storage) with camera and microphone granted. */
export async function newMediaContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.grantPermissions(['camera', 'microphone']);
  return context;
}

// @live-workshop/testkit: what the server tests, the e2e tests and the benchmark share to run the
// real thing on loopback — free ports, the LiveKit process manager (also behind `npm start`'s
// local LiveKit), the workshop server as a child process, a recording Socket.IO test client,
// registration through the mail path (an in-process SMTP catcher, and Mailpit, also behind
// `npm start`'s local mail), waitFor, Debian's Chromium with fake media and a bare livekit-client page,
// private PostgreSQL and Redis servers (the scale-out store tests),
// and the repository's layout. The LiveKit part alone is `@live-workshop/testkit/livekit`.
export { chromiumArgs, CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium, newMediaContext, type LaunchOptions, type WebRtcSettings } from './browser/chromium.js';
export * from './browser/lkTestPage.js';
export { freeTcpPort, freeUdpPort, isTcpPortFree } from './freePort.js';
export * from './livekitServer.js';
export { startLiveKitCluster, type RunningLiveKitCluster, type StartLiveKitClusterOptions } from './livekitCluster.js';
export { readEventFile } from './eventFile.js';
export { completeForm, privacyNoticeVersionOf, register, type Registered, type RegistrationAnswer } from './registration.js';
export { startMailCatcher, type MailCatcher } from './mail/mailCatcher.js';
export { joinLinkOf, mailReaderOf, setMailReader, type Mail, type MailReader } from './mail/mailReader.js';
export { DEV_MAIL_PORTS, mailpitReader, mailsTo, startDevMailpit, startMailpit, type RunningMailpit } from './mail/mailpit.js';
export { CLIENT_DIST, findLiveKitBinary, LIVEKIT_VERSION, REPO_ROOT, SERVER_ENTRY } from './repo.js';
export { startFailoverProxy, type FailoverProxy } from './failoverProxy.js';
export { startServerProcess, type ServerProcess, type ServerProcessOptions } from './serverProcess.js';
export { increaseOf, parseExposition, sampleOf, scrape, type Sample } from './metricsScrape.js';
export { connectClient, TestClient } from './testClient.js';
export { waitFor, type Truthy, type WaitForOptions } from './waitFor.js';
export { makeTestPdf } from './testPdf.js';
export { findPostgresBinDir, startPostgres, type RunningPostgres, type StartPostgresOptions } from './engines/postgres.js';
export { findRedisServer, redisCommand, startRedis, type RunningRedis } from './engines/redis.js';

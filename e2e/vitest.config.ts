// The e2e workspace: whole journeys in Debian's Chromium (fake camera and microphone) against the
// real server process and the real LiveKit server. src/ holds the journey helpers (people as
// browser contexts, registering through the mail path, test hosts made of network namespaces,
// npm start as a child process, the HTTPS front); test/ the journeys. Shared helpers: testkit.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `npm test` selects the browser suites with `--project e2e`.
    name: 'e2e',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One browser suite at a time, also when all projects run in one pass: the journey alone
    // keeps two cores busy, and timings measured next to other suites would say little.
    maxWorkers: 1,
  },
});

import { defineConfig } from 'vitest/config';

// The smoke run of the benchmark harness: real server, real LiveKit, Chromium; correctness only.
export default defineConfig({
  test: { name: 'bench', include: ['test/**/*.test.ts'], testTimeout: 300_000, hookTimeout: 120_000, pool: 'forks' },
});

import { defineConfig } from 'vitest/config';

// Each workspace has its own config; `npm test` runs them all (bench: the benchmark harness's smoke run).
export default defineConfig({
  test: { projects: ['scripts', 'shared', 'testkit', 'server', 'client', 'e2e', 'bench'] },
});

import { defineConfig } from 'vitest/config';

// Each workspace has its own config; `npm test` runs them all.
export default defineConfig({
  test: { projects: ['shared', 'server', 'client', 'e2e'] },
});

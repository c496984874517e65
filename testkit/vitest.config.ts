import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The testkit's own helpers (polling, ports, registration against a stand-in server).
  test: { name: 'testkit', include: ['test/**/*.test.ts'] },
});

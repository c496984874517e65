import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The install and run scripts' own decisions (what to install, what to build).
  test: { name: 'scripts', include: ['test/**/*.test.ts'] },
});

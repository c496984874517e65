import { fileURLToPath } from 'node:url';

/** The bench folder (its events, results and git-ignored tmp/). */
export const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));

import { fileURLToPath } from 'node:url';

/** The repository root (bench/src/../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The bench folder. */
export const BENCH_DIR = fileURLToPath(new URL('../', import.meta.url));

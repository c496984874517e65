import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip as gzipCallback } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

const API_ORIGIN = process.env.LW_API_ORIGIN ?? 'http://127.0.0.1:3000';

/** The workshop server answers the API and Socket.IO; Vite serves only the page. */
const proxy = {
  '/api': { target: API_ORIGIN, changeOrigin: false },
  '/socket.io': { target: API_ORIGIN, ws: true, changeOrigin: false },
};

/** Text files worth compressing; source maps are left as they are (only developer tools fetch them). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * Brotli quality: 10 is within 2 % of 11 on our chunks at half its time (a 700 kB chunk: 155.9 kB in
 * 4.8 s against 153.4 kB in 10.2 s on a busy 2-core machine).
 */
const BROTLI_QUALITY = 10;

/**
 * After the build, a brotli and a gzip (level 9) copy beside every text file, so the server sends
 * them as they are (server/src/platform/staticClient.ts; only the event page's small index.html,
 * which names its event, is compressed per request). The
 * files are compressed in parallel on libuv's thread pool.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lw-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((f) => join(outDir, f));
      await Promise.all(files.map(async (file) => {
        if (!COMPRESSIBLE.test(file) || !statSync(file).isFile()) return;
        const body = await readFile(file);
        if (body.length < MIN_COMPRESS_BYTES) return;
        const params = { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length };
        const [br, gz] = await Promise.all([brotli(body, { params }), gzip(body, { level: 9 })]);
        await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
      }));
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: { host: '127.0.0.1', proxy },
  preview: { host: '127.0.0.1', proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each page needs (the server preloads the event page's).
    manifest: true,
    // The attendee page sits near the unavoidable floor (react, livekit-client, socket.io-client);
    // livekit-client alone is bigger than the default warning threshold.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      treeshake: {
        // shared/ builds zod schemas at module load; the browser uses only its types and a few
        // pure helpers, so its modules count as side-effect free and unused schemas drop out.
        moduleSideEffects: (id: string) => !/[\\/]shared[\\/]src[\\/]/.test(id),
      },
    },
  },
});

import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

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
 * After the build, a brotli (quality 11) and a gzip (level 9) copy beside every text file, so the
 * server sends them as they are (server/src/platform/staticClient.ts) and compresses nothing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'lw-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).map((f) => join(outDir, f));
      for (const file of files) {
        if (!COMPRESSIBLE.test(file) || !statSync(file).isFile()) continue;
        const body = readFileSync(file);
        if (body.length < MIN_COMPRESS_BYTES) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }));
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
      }
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

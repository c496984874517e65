import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const API_ORIGIN = process.env.LW_API_ORIGIN ?? 'http://127.0.0.1:3000';

/** The workshop server answers the API and Socket.IO; Vite serves only the page. */
const proxy = {
  '/api': { target: API_ORIGIN, changeOrigin: false },
  '/socket.io': { target: API_ORIGIN, ws: true, changeOrigin: false },
};

export default defineConfig({
  plugins: [react()],
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

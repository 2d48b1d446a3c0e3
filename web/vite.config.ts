// Vite build and dev server for the web UI. The gateway serves web/dist at `/` on the API's
// origin; in development the dev server forwards the API paths to a locally running gateway.
import { defineConfig } from 'vite';

const gateway = 'http://localhost:8080';

export default defineConfig({
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: Object.fromEntries(['/v1', '/auth', '/healthz', '/readyz'].map((path) => [path, gateway])),
  },
});

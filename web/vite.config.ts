import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server's CSP allows only same-origin scripts and styles, so the build
// must not emit anything inline: no module-preload polyfill, CSS as a file,
// and no assets inlined as data: URLs.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    sourcemap: false,
  },
  server: {
    // `npm run dev` talks to a local Bulwark server (BULWARK_DEV_API, default :8080).
    proxy: {
      '/api': {
        target: process.env.BULWARK_DEV_API ?? 'http://127.0.0.1:8080',
        changeOrigin: false,
      },
    },
  },
});

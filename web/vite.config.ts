import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const sharedDir = fileURLToPath(new URL('../src/shared', import.meta.url));
const nodeModules = fileURLToPath(new URL('../node_modules', import.meta.url));

// Build from the repo root: npx vite build --config web/vite.config.ts
export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react()],
  resolve: {
    alias: { '@shared': sharedDir },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
    // @shared lives outside web/, the packages in the repo-root node_modules.
    fs: { allow: [webDir, sharedDir, nodeModules] },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The shared antd core chunk is ~600 kB raw (~190 kB gzip); pages are lazy chunks.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // React + router change rarely: keep them in their own long-cached chunk; antd is split per page.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
});

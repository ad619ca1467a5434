import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The web app, served by the API at `/` from dist/apps/web. Routes are code-split
 * (React.lazy); the rules it shares with the API (ID numbers, care levels) come from libs/care.
 * Every asset over 1 KB is also written brotli- and gzip-compressed beside itself: the API sends
 * the smaller one the browser accepts, without compressing on each request.
 */
export default defineConfig(({ command }) => {
  // The build is React's production build whatever NODE_ENV the caller has (a test runner's
  // `test` would otherwise ship the development build and JSX: twice the bytes, a slower board).
  if (command === 'build') process.env['NODE_ENV'] = 'production';
  return {
    root: here('.'),
    base: '/',
    plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, include: /\.(js|css|html|svg|json|ttf)$/ })],
    resolve: { alias: { '@careops/care': here('../../libs/care/src/index.ts') } },
    build: {
      outDir: here('../../dist/apps/web'),
      emptyOutDir: true,
      chunkSizeWarningLimit: 1500,
      rollupOptions: {
        output: {
          manualChunks: (id) => {
            if (id.includes('node_modules/react') || id.includes('node_modules/scheduler')) return 'react';
            if (id.includes('node_modules/@tanstack') || id.includes('node_modules/react-router')) return 'vendor';
            return undefined;
          },
        },
      },
    },
    server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
  };
});

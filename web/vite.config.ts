import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web app: `npm run web:build` → web/dist, served by the NestJS app at `/`. `npm run web:dev` serves it with
 * live reload on :5173 and forwards /api to the API on :3000 (`npm run start:dev`).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // React and antd are split into their own long-cached chunks; the charting library stays with the pages that use it.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // antd marks its modules "use client" (for React Server Components); meaningless in a single-page app.
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
            },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000' } },
});

import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development the API and the collaboration websocket live on the server (port 3000); the dev
// server forwards them so the browser sees one origin, exactly as in production.
const backend = 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Exactly one copy of Yjs may run in the page: two copies break `instanceof` checks inside
    // Yjs and print "Yjs was already imported".
    dedupe: ['yjs', 'y-protocols', 'lib0', '@tiptap/core', '@tiptap/pm'],
  },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/collab': { target: backend, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Long-lived libraries in their own files: they stay cached across app releases, and
        // no single file is over the size warning. React and the router load on every page;
        // the editor and sync libraries only when a guide is opened (GuidePage is lazy).
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|use-sync-external-store)[\\/]/,
            },
            {
              name: 'yjs',
              test: /node_modules[\\/](yjs|y-protocols|y-websocket|y-indexeddb|lib0)[\\/]/,
            },
            { name: 'prosemirror', test: /node_modules[\\/](prosemirror-[a-z-]+|linkifyjs)[\\/]/ },
            { name: 'tiptap', test: /node_modules[\\/]@tiptap[\\/]/ },
            // Zod with the module that configures it (jitless, see src/zodConfig.ts), so the
            // configuration runs before any chunk that builds schemas: modules of other chunks
            // would otherwise run first, whatever the order of main.tsx's imports.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|[\\/]src[\\/]zodConfig\.ts$/ },
          ],
        },
      },
    },
  },
});

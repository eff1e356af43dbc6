import { defineConfig } from 'vite';

// The production build puts Phaser in a chunk of its own, so the app's own code stays small and caches apart.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      output: {
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
  server: { port: 5173 },
  preview: { port: Number(process.env.PORT ?? 4173) },
});

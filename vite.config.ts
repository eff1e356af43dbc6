import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import type { Topology } from 'topojson-specification';
import { regionOf } from './src/ui/board/region.ts';

/**
 * `virtual:qpq-atlas`: Natural Earth's 1:50m countries from the world-atlas package, cut to Northeast Asia when
 * the site is built, so the page downloads the region (about 12 kB gzip) rather than the world (about 240 kB).
 */
export function atlasPlugin(): Plugin {
  const id = 'virtual:qpq-atlas';
  return {
    name: 'qpq-atlas',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
      const topo = JSON.parse(readFileSync(file, 'utf8')) as Topology;
      // Two decimals of a degree (about a kilometre) is finer than a board pixel.
      const round = (_key: string, v: unknown): unknown =>
        typeof v === 'number' ? Math.round(v * 100) / 100 : v;
      return `export default ${JSON.stringify(regionOf(topo), round)};`;
    },
  };
}

// The production build puts Phaser in a chunk of its own, so the app's own code stays small and caches apart.
export default defineConfig({
  base: './',
  plugins: [atlasPlugin()],
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

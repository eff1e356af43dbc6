import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import type { Topology } from 'topojson-specification';
import { regionOf } from './src/ui/board/region.ts';
import { ScenarioError, formatProblem, loadCatalogue, loadScenario } from './src/scenario/index.ts';
import type { Catalogue } from './src/scenario/index.ts';

/**
 * `virtual:qpq-content`: every scenario in scenarios/ checked and compiled with the default catalogue when the
 * site is built, exactly as `qpq check` would, so the page needs no YAML parser or schema to start.
 */
export function contentPlugin(): Plugin {
  const id = 'virtual:qpq-content';
  const dir = join(import.meta.dirname, 'scenarios');
  const problemsOf = (e: unknown): string[] =>
    e instanceof ScenarioError ? e.problems.map(formatProblem) : [e instanceof Error ? e.message : String(e)];
  return {
    name: 'qpq-content',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const catalogueFile = join(dir, 'catalogue', 'default.yaml');
      this.addWatchFile(catalogueFile);
      let catalogue: Catalogue | null = null;
      let catalogueProblems: string[] = [];
      try {
        catalogue = loadCatalogue('scenarios/catalogue/default.yaml', readFileSync(catalogueFile, 'utf8'));
      } catch (e) {
        catalogueProblems = problemsOf(e);
      }
      const scenarios = readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => {
          const file = `scenarios/${f}`;
          this.addWatchFile(join(dir, f));
          if (!catalogue) return { ok: false, file, problems: ['The action catalogue could not be read.'] };
          try {
            return {
              ok: true,
              file,
              loaded: loadScenario(file, readFileSync(join(dir, f), 'utf8'), catalogue),
            };
          } catch (e) {
            return { ok: false, file, problems: problemsOf(e) };
          }
        });
      return `export default ${JSON.stringify({ scenarios, catalogueProblems, catalogue })};`;
    },
  };
}

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
  plugins: [atlasPlugin(), contentPlugin()],
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

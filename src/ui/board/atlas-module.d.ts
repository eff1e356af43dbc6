// The region's map, made at build time by the `qpq-atlas` plugin in vite.config.ts.
declare module 'virtual:qpq-atlas' {
  import type { Atlas } from './region.ts';
  const atlas: Atlas;
  export default atlas;
}

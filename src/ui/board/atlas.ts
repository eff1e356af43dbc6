/**
 * The map of Northeast Asia the board draws: Natural Earth's 1:50m land and borders, cut to the region at
 * build time (see region.ts and the `qpq-atlas` plugin in vite.config.ts) and loaded as a small chunk of its own.
 */
import type { Atlas } from './region.ts';

export type { Atlas } from './region.ts';

let pending: Promise<Atlas> | null = null;

/** The region's land and borders; loaded once per page. */
export function loadAtlas(): Promise<Atlas> {
  return (pending ??= import('virtual:qpq-atlas').then((m) => m.default));
}

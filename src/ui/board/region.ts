/**
 * Cuts Natural Earth's 1:50m countries (the `world-atlas` package's TopoJSON) down to Northeast Asia: land rings
 * and land borders clipped to the frame, with points closer than a few hundredths of a degree merged.
 * It runs at build time (vite.config.ts), so the page downloads only the region, not the world.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { FRAME } from './geo.ts';
import type { LonLat } from './geo.ts';

export interface Atlas {
  /** Land (one ring per polygon part), clipped to the region. */
  lands: LonLat[][];
  /** Borders between countries on land, as polylines. */
  borders: LonLat[][];
}

/** The clipping box: the frame plus a margin, so that coastlines run off the board's edges. */
const BOX = { west: FRAME.west - 3, east: FRAME.east + 3, south: FRAME.south - 3, north: FRAME.north + 3 };
const MIN_STEP = 0.03; // degrees; closer points are merged

type Countries = Topology<{ countries: GeometryCollection }>;

export function regionOf(topo: Topology): Atlas {
  const t = topo as Countries;
  const countries = feature(t, t.objects.countries);
  const lands: LonLat[][] = [];
  for (const f of countries.features) {
    const g = f.geometry;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const poly of polys) {
      const outer = poly[0];
      if (!outer || !overlaps(outer)) continue;
      const ring = thin(clipRing(outer.map((p) => [p[0]!, p[1]!] as const)));
      if (ring.length >= 3) lands.push(ring);
    }
  }
  const borderMesh = mesh(t, t.objects.countries, (a, b) => a !== b);
  const borders: LonLat[][] = [];
  for (const line of borderMesh.coordinates) {
    let run: LonLat[] = [];
    for (const p of line) {
      const q: LonLat = [p[0]!, p[1]!];
      if (inside(q)) run.push(q);
      else {
        if (run.length > 1) borders.push(thin(run));
        run = [];
      }
    }
    if (run.length > 1) borders.push(thin(run));
  }
  return { lands, borders };
}

function inside([lon, lat]: LonLat): boolean {
  return lon >= BOX.west && lon <= BOX.east && lat >= BOX.south && lat <= BOX.north;
}

function overlaps(ring: number[][]): boolean {
  let w = Infinity,
    e = -Infinity,
    s = Infinity,
    n = -Infinity;
  for (const p of ring) {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  }
  return e >= BOX.west && w <= BOX.east && n >= BOX.south && s <= BOX.north;
}

/** Sutherland–Hodgman against the four sides of the box. */
function clipRing(ring: LonLat[]): LonLat[] {
  const edges: [(p: LonLat) => boolean, (p: LonLat, q: LonLat) => LonLat][] = [
    [(p) => p[0] >= BOX.west, (p, q) => atLon(p, q, BOX.west)],
    [(p) => p[0] <= BOX.east, (p, q) => atLon(p, q, BOX.east)],
    [(p) => p[1] >= BOX.south, (p, q) => atLat(p, q, BOX.south)],
    [(p) => p[1] <= BOX.north, (p, q) => atLat(p, q, BOX.north)],
  ];
  let out = ring;
  for (const [keep, cut] of edges) {
    const input = out;
    out = [];
    for (let k = 0; k < input.length; k++) {
      const cur = input[k]!;
      const prev = input[(k + input.length - 1) % input.length]!;
      if (keep(cur)) {
        if (!keep(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (keep(prev)) out.push(cut(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}

function atLon(p: LonLat, q: LonLat, lon: number): LonLat {
  const t = (lon - p[0]) / (q[0] - p[0]);
  return [lon, p[1] + (q[1] - p[1]) * t];
}

function atLat(p: LonLat, q: LonLat, lat: number): LonLat {
  const t = (lat - p[1]) / (q[1] - p[1]);
  return [p[0] + (q[0] - p[0]) * t, lat];
}

function thin(pts: LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  for (const p of pts) {
    const last = out[out.length - 1];
    if (!last || Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) >= MIN_STEP) out.push(p);
  }
  return out;
}

/**
 * Where everything on the board goes, decided once per state and without Phaser: the markers (on the map, or at
 * the frame's edge in their capital's direction), their name labels, the relation lines and the badges on them.
 * Labels and badges are placed so that none covers another, a marker or the strips: each tries a few spots in
 * order of preference and takes the first free one. The scene draws this; the DOM layer of buttons and the tests
 * read it too.
 */
import { bearingOnMap, fitProjection } from './geo.ts';
import type { Projection } from './geo.ts';
import type { BoardActor, BoardModel, DealState, Layers } from './model.ts';

export const BOARD_WIDTH = 640;
export const BOARD_HEIGHT = 436;
/** The strip for the date and the tension gauge. */
export const TOP = 30;
/** The strip for the peace-process stages. */
export const BOTTOM = 36;
export const MAP = { x: 0, y: TOP, width: BOARD_WIDTH, height: BOARD_HEIGHT - TOP - BOTTOM };
/** A marker's radius. */
export const R = 16;
/** How far an off-map marker sits inside the frame: room for its arrow. */
const EDGE_INSET = R + 20;

export type XY = { x: number; y: number };
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The width of a text in board units, at a font size, bold or not. */
export type Measure = (text: string, size: number, bold: boolean) => number;

/** A width estimate for Inter and system sans-serif fonts, generous, for tests and before fonts load. */
export const estimateWidth: Measure = (s, size, bold) => [...s].length * size * (bold ? 0.64 : 0.58);

/** Text on a label: a line of a given size. */
export interface TextLine {
  text: string;
  size: number;
  bold: boolean;
}

/** A government's marker and its label (a block of lines with a white backing). */
export interface Spot {
  id: string;
  at: XY;
  /** Off the map: the unit direction in which it lies, for the arrow. */
  toward: XY | null;
  label: Box;
  lines: TextLine[];
}

/** A small badge with a short text: a trust number, "S2", "H", "A", "#12 ✓". */
export interface Chip {
  text: string;
  size: number;
  /** Its background colour (CSS). */
  bg: string;
  box: Box;
  /** The point on its line it belongs to: a thin leader is drawn when the badge had to move away from it. */
  anchor: XY;
}

export type RelationKind = 'alliance' | 'hotline' | 'backchannel' | 'trust' | 'sanction' | 'deal';

/** One relation, as lines to draw and an optional badge. */
export interface Relation {
  kind: RelationKind;
  /** The segments to draw (a deal among three or more runs from a hub to each party). */
  segments: [XY, XY][];
  /** Trust (0..100), sanction level (1..3). */
  value?: number;
  deal?: { id: number; state: DealState; active: boolean };
  chip: Chip | null;
}

export interface BoardLayout {
  spots: Map<string, Spot>;
  relations: Relation[];
}

/** Colours (CSS) shared with the DOM legend: Okabe–Ito, safe for the common colour-vision deficiencies. */
export const CSS = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermillion: '#D55E00',
  green: '#009E73',
  purple: '#CC79A7',
  ink: '#1b1f24',
  /** Darker shades for white text on badges (contrast at least 4.5:1). */
  greenText: '#00684c',
  orangeText: '#8a5a00',
  purpleText: '#8a3f6c',
};

/** How each state of a deal is drawn: colour and dash pattern both differ, and the badge says it in a mark. */
export const DEAL_STYLE: Record<DealState, { colour: string; dash: number[]; mark: string; word: string }> = {
  kept: { colour: CSS.green, dash: [], mark: '✓', word: 'kept' },
  disputed: { colour: CSS.orange, dash: [12, 4, 2, 4], mark: '?', word: 'disputed' },
  broken: { colour: CSS.ink, dash: [4, 4], mark: '✗', word: 'broken' },
};

const LABEL_PAD = 3;
const LINE_H = (size: number): number => Math.round(size * 1.25) + 2;
const CHIP_H = (size: number): number => Math.round(size * 1.25) + 2;

/** Markers at the map's places, or at its edge in their capital's direction; a row along the bottom if unknown. */
export function markerPositions(m: BoardModel, project: Projection = fitProjection(MAP)): Map<string, XY> {
  const out = new Map<string, XY>();
  const centre = { x: MAP.x + MAP.width / 2, y: MAP.y + MAP.height / 2 };
  const inner = {
    left: MAP.x + EDGE_INSET,
    right: MAP.x + MAP.width - EDGE_INSET,
    top: MAP.y + EDGE_INSET,
    bottom: MAP.y + MAP.height - EDGE_INSET,
  };
  for (const a of m.actors) if (a.place.kind === 'map') out.set(a.id, project(a.place.at));
  const clear = (p: XY): boolean => [...out.values()].every((q) => dist(p, q) >= 2 * R + 10);
  for (const a of m.actors) {
    const p = a.place;
    if (p.kind !== 'edge') continue;
    let at: XY;
    let along: XY;
    if (p.toward) {
      const d = bearingOnMap(p.toward);
      const tx =
        d.x > 0 ? (inner.right - centre.x) / d.x : d.x < 0 ? (inner.left - centre.x) / d.x : Infinity;
      const ty =
        d.y > 0 ? (inner.bottom - centre.y) / d.y : d.y < 0 ? (inner.top - centre.y) / d.y : Infinity;
      const t = Math.min(tx, ty);
      at = { x: centre.x + d.x * t, y: centre.y + d.y * t };
      along = tx < ty ? { x: 0, y: 1 } : { x: 1, y: 0 };
    } else {
      at = { x: inner.left + 24 + p.slot * 110, y: inner.bottom };
      along = { x: 1, y: 0 };
    }
    // Two governments in nearly the same direction (Washington and New York): slide along the edge, either way.
    let placed = at;
    for (let k = 1; !clear(placed) && k < 40; k++) {
      const s = Math.ceil(k / 2) * 8 * (k % 2 ? 1 : -1);
      const q = { x: at.x + along.x * s, y: at.y + along.y * s };
      if (q.x >= inner.left && q.x <= inner.right && q.y >= inner.top && q.y <= inner.bottom) placed = q;
    }
    out.set(a.id, placed);
  }
  return out;
}

/** The whole layout for one state of the board and the layers shown. */
export function layoutBoard(m: BoardModel, layers: Layers, measure: Measure = estimateWidth): BoardLayout {
  const at = markerPositions(m);
  const taken: Box[] = [];
  // Markers (with the ring around the player's own) are taken first; the strips are off limits.
  for (const a of m.actors) {
    const p = at.get(a.id)!;
    const r = R + (a.isMe ? 6 : 2);
    taken.push({ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r });
  }
  const spots = new Map<string, Spot>();
  const order = [...m.actors].sort((a, b) => Number(b.isMe) - Number(a.isMe));
  for (const a of order) {
    const p = at.get(a.id)!;
    const toward = a.place.kind === 'edge' && a.place.toward ? bearingOnMap(a.place.toward) : null;
    const lines = labelLines(a);
    const w = Math.max(...lines.map((l) => measure(l.text, l.size, l.bold))) + 2 * LABEL_PAD;
    const h = lines.reduce((s, l) => s + LINE_H(l.size), 0);
    const box = place(labelCandidates(p, w, h, a, toward), taken);
    taken.push(box);
    spots.set(a.id, { id: a.id, at: p, toward, label: box, lines });
  }

  const relations: Relation[] = [];
  const pos = (id: string): XY | undefined => at.get(id);
  // Badges in order of importance: the earlier take the better spots.
  if (layers.trust)
    for (const t of m.trust) {
      const p = pos(m.me);
      const q = pos(t.to);
      if (!p || !q) continue;
      const band = t.value >= 50 ? CSS.blue : t.value >= 20 ? CSS.orangeText : CSS.vermillion;
      relations.push({
        kind: 'trust',
        segments: [[p, q]],
        value: t.value,
        chip: chip(String(Math.round(t.value)), 11, band, p, q, 0.6, measure, taken),
      });
    }
  if (layers.deals) {
    // Deals among the same parties run side by side, each in its own style, under one badge that lists them.
    const groups = new Map<string, BoardModel['deals']>();
    for (const d of m.deals) {
      const key = [...d.parties].sort().join('+');
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    for (const group of groups.values()) {
      const pts = group[0]!.parties.map(pos).filter((x): x is XY => x !== undefined);
      if (pts.length < 2) continue;
      const text = group.map((d) => `#${d.id} ${DEAL_STYLE[d.state].mark}`).join(' ');
      const worst = group.some((d) => d.state === 'broken')
        ? 'broken'
        : group.some((d) => d.state === 'disputed')
          ? 'disputed'
          : 'kept';
      const bg = worst === 'kept' ? CSS.greenText : worst === 'disputed' ? CSS.orangeText : CSS.ink;
      const hub = pts.length === 2 ? null : centroid(pts);
      const [a, b] = hub ? [hub, hub] : [pts[0]!, pts[1]!];
      const badge = chip(text, 10, bg, a, b, 0.45, measure, taken);
      group.forEach((d, k) => {
        const shift = 4 + k * 5;
        relations.push({
          kind: 'deal',
          segments: hub ? pts.map((q) => offset(hub, q, shift - 4)) : [offset(a, b, shift)],
          deal: { id: d.id, state: d.state, active: d.active },
          chip: k === 0 ? badge : null,
        });
      });
    }
  }
  if (layers.sanctions)
    for (const s of m.sanctions) {
      const a = pos(s.from);
      const b = pos(s.to);
      if (!a || !b) continue;
      const [p, q] = offset(a, b, 7);
      relations.push({
        kind: 'sanction',
        segments: [[p, q]],
        value: s.level,
        chip: chip(`S${s.level}`, 10, CSS.vermillion, p, q, 0.4, measure, taken),
      });
    }
  if (layers.channels)
    for (const c of m.channels) {
      const a = pos(c.a);
      const b = pos(c.b);
      if (!a || !b) continue;
      const [p, q] = offset(a, b, c.kind === 'hotline' ? -13 : 13);
      relations.push({
        kind: c.kind,
        segments: [[p, q]],
        chip: chip(c.kind === 'hotline' ? 'H' : 'B', 10, CSS.purpleText, p, q, 0.35, measure, taken),
      });
    }
  if (layers.alliances)
    for (const [x, y] of m.alliances) {
      const a = pos(x);
      const b = pos(y);
      if (!a || !b) continue;
      const [p, q] = offset(a, b, -7);
      relations.push({
        kind: 'alliance',
        segments: [[p, q]],
        chip: chip('A', 10, CSS.greenText, p, q, 0.5, measure, taken),
      });
    }
  return { spots, relations };
}

/** A label's lines: the name (with "(you)"), then the capital, said to be off the map when it is. */
function labelLines(a: BoardActor): TextLine[] {
  return [
    { text: a.isMe ? `${a.name} (you)` : a.name, size: 12, bold: true },
    {
      text: `${a.place.kind === 'edge' && a.place.toward ? `${a.capital} (off map)` : a.capital}${a.present ? '' : ' · away'}`,
      size: 10,
      bold: false,
    },
  ];
}

/**
 * Where a label may go, best first: below, above, right, left and the corners for a marker on the map; for one
 * at the edge, the side away from the edge first, so the label stays inside the board.
 */
function labelCandidates(p: XY, w: number, h: number, a: BoardActor, toward: XY | null): Box[] {
  const g = R + (a.isMe ? 8 : 4);
  const below = { x: p.x - w / 2, y: p.y + g, w, h };
  const above = { x: p.x - w / 2, y: p.y - g - h, w, h };
  const right = { x: p.x + g, y: p.y - h / 2, w, h };
  const left = { x: p.x - g - w, y: p.y - h / 2, w, h };
  const corners = [
    { x: p.x + g * 0.7, y: p.y + g * 0.7, w, h },
    { x: p.x - g * 0.7 - w, y: p.y + g * 0.7, w, h },
    { x: p.x + g * 0.7, y: p.y - g * 0.7 - h, w, h },
    { x: p.x - g * 0.7 - w, y: p.y - g * 0.7 - h, w, h },
  ];
  let first = [below, above, right, left];
  if (toward) {
    // Away from the edge the arrow points to.
    if (Math.abs(toward.x) >= Math.abs(toward.y))
      first = toward.x > 0 ? [below, above, left] : [below, above, right];
    else first = toward.y > 0 ? [above, right, left] : [below, right, left];
  }
  const out: Box[] = [];
  // Each candidate also slides a little, so that a crowded marker still finds room near it.
  for (const b of [...first, ...corners])
    for (const d of [0, 8, -8, 16, -16])
      out.push(
        b === above || b === below
          ? { ...b, x: b.x + d }
          : b === left || b === right
            ? { ...b, y: b.y + d }
            : b,
      );
  return out.map(clampToMap);
}

function chipSize(text: string, size: number, measure: Measure): { w: number; h: number } {
  return { w: Math.ceil(measure(text, size, true)) + 6, h: CHIP_H(size) };
}

/** A badge on the line p → q: at its preferred place if free, else sliding along the line or beside it. */
function chip(
  text: string,
  size: number,
  bg: string,
  p: XY,
  q: XY,
  t: number,
  measure: Measure,
  taken: Box[],
): Chip {
  const box = place(chipCandidates(p, q, t, chipSize(text, size, measure)), taken);
  taken.push(box);
  return { text, size, bg, box, anchor: lerp(p, q, t) };
}

function chipCandidates(p: XY, q: XY, t: number, s: { w: number; h: number }): Box[] {
  const out: Box[] = [];
  const len = dist(p, q);
  const ts =
    len < 1 ? [0.5] : [t, t + 0.08, t - 0.08, t + 0.16, t - 0.16, t + 0.24, t - 0.24, t + 0.32, t - 0.32];
  const sides = [0, 10, -10, 20, -20, 32, -32];
  for (const side of sides)
    for (const u of ts) {
      if (u < 0.1 || u > 0.9) continue;
      const c = lerp(p, q, u);
      const [n] = offset(c, lerp(p, q, Math.min(1, u + 0.01)), side);
      const at = len < 1 ? { x: c.x, y: c.y + side } : n;
      out.push(clampToMap({ x: at.x - s.w / 2, y: at.y - s.h / 2, w: s.w, h: s.h }));
    }
  // Then rings around the line's middle, for the crowded places between close neighbours.
  const mid = lerp(p, q, 0.5);
  for (let r = 30; r <= 120; r += 12)
    for (let k = 0; k < 16; k++) {
      const a = (k * Math.PI) / 8;
      const c = { x: mid.x + Math.cos(a) * r, y: mid.y + Math.sin(a) * r };
      out.push(clampToMap({ x: c.x - s.w / 2, y: c.y - s.h / 2, w: s.w, h: s.h }));
    }
  return out;
}

/** The first candidate that covers nothing taken; if none is free, the one that covers least. */
function place(candidates: Box[], taken: Box[]): Box {
  let best = candidates[0]!;
  let least = Infinity;
  for (const c of candidates) {
    const cover = taken.reduce((s, b) => s + overlapArea(c, b), 0);
    if (cover === 0) return c;
    if (cover < least) {
      least = cover;
      best = c;
    }
  }
  return best;
}

function clampToMap(b: Box): Box {
  const x = Math.min(Math.max(b.x, MAP.x + 2), MAP.x + MAP.width - 2 - b.w);
  const y = Math.min(Math.max(b.y, MAP.y + 2), MAP.y + MAP.height - 2 - b.h);
  return { ...b, x, y };
}

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

export function dist(p: XY, q: XY): number {
  return Math.hypot(q.x - p.x, q.y - p.y);
}

export function lerp(p: XY, q: XY, t: number): XY {
  return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
}

/** The segment moved sideways by d (to the left of p → q). */
export function offset(p: XY, q: XY, d: number): [XY, XY] {
  const len = Math.max(1e-9, dist(p, q));
  const nx = (-(q.y - p.y) / len) * d;
  const ny = ((q.x - p.x) / len) * d;
  return [
    { x: p.x + nx, y: p.y + ny },
    { x: q.x + nx, y: q.y + ny },
  ];
}

function centroid(pts: XY[]): XY {
  const n = pts.length;
  return { x: pts.reduce((s, p) => s + p.x, 0) / n, y: pts.reduce((s, p) => s + p.y, 0) / n };
}

/**
 * Moves labels apart along y so that no two overlap: each label, in order, steps away from the labels already
 * placed in its own direction (`dir`: -1 up, +1 down, the way its stack grows) by `step` until it is clear,
 * and stays inside the board. Labels stacked at one government already clear each other; this keeps the
 * stacks of two neighbouring governments (Beijing and an off-map Moscow) from covering each other's words.
 * Returns the new centre y of each box (boxes are centred on x, y).
 */
export function separateLabels(
  boxes: readonly (Box & { dir: -1 | 1 })[],
  step = 20,
  bounds: { top: number; bottom: number } = { top: 0, bottom: BOARD_HEIGHT },
): number[] {
  const placed: Box[] = [];
  return boxes.map((b) => {
    let y = b.y;
    const at = (yy: number): Box => ({ x: b.x - b.w / 2, y: yy - b.h / 2, w: b.w, h: b.h });
    for (let tries = 0; tries < 12 && placed.some((p) => overlapArea(at(y), p) > 0); tries++) {
      const next = y + b.dir * step;
      if (next - b.h / 2 < bounds.top || next + b.h / 2 > bounds.bottom) break;
      y = next;
    }
    placed.push(at(y));
    return y;
  });
}

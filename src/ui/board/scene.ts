/**
 * The board: a Phaser scene that draws Northeast Asia and the relations one government can see.
 * It holds visual objects only and draws whatever `BoardModel` it is given; no rule lives here.
 */
import * as Phaser from 'phaser';
import type { Atlas } from './atlas.ts';
import { CAPITALS, DMZ, fitProjection } from './geo.ts';
import type { LonLat, Projection } from './geo.ts';
import { ALL_LAYERS, PALETTE, trustBand } from './model.ts';
import type { BoardActor, BoardModel, Layers } from './model.ts';
import { Player } from './play.ts';
import type { PlayerHooks } from './play.ts';

export const BOARD_WIDTH = 640;
export const BOARD_HEIGHT = 436;
/**
 * Canvas pixels per board unit: 2 when the board is shown larger than its size or on a dense screen, so that
 * lines and text stay sharp; else 1, which costs a quarter of the pixels (it matters to software rendering).
 */
export function pixelsFor(shownWidth: number, deviceRatio: number): 1 | 2 {
  return (shownWidth || BOARD_WIDTH) * (deviceRatio || 1) > BOARD_WIDTH * 1.2 ? 2 : 1;
}
const TOP = 30; // the strip for the date and the tension gauge
const BOTTOM = 36; // the strip for the peace-process stages
const MAP = { x: 0, y: TOP, width: BOARD_WIDTH, height: BOARD_HEIGHT - TOP - BOTTOM };
const R = 16; // marker radius
const FONT = 'Inter, "Segoe UI", system-ui, sans-serif';
const INK = '#1b1f24';

const COLOURS = {
  sea: 0xcadce8,
  land: 0xf4f0e6,
  coast: 0x8c8574,
  border: 0x9b9386,
  ink: 0x1b1f24,
  paper: 0xffffff,
  dmz: 0x7a4b9c,
};

type XY = { x: number; y: number };

export class BoardScene extends Phaser.Scene {
  private project: Projection = fitProjection(MAP);
  /** The map and the strips, drawn once into a texture (tessellating coastlines every frame is slow). */
  private base?: Phaser.GameObjects.RenderTexture;
  private dynamic: Phaser.GameObjects.GameObject[] = [];
  private model: BoardModel | null = null;
  private layers: Layers = ALL_LAYERS;
  private atlas: Atlas | null = null;
  private labels: Phaser.GameObjects.Text[] = [];
  /** Plays the moves of a round over the board. */
  readonly player: Player;
  /** Log entries below this index have been shown (or were there when the board opened). */
  private seen = -1;

  constructor(
    hooks: PlayerHooks,
    private readonly px: 1 | 2 = 1,
  ) {
    super({ key: 'board' });
    this.player = new Player(this, hooks, (id) => this.where(id), px);
  }

  create(): void {
    this.cameras.main.setZoom(this.px).setOrigin(0, 0);
    this.base = this.add
      .renderTexture(0, 0, BOARD_WIDTH * this.px, BOARD_HEIGHT * this.px)
      .setOrigin(0, 0)
      .setScale(1 / this.px)
      .setDepth(-1);
    this.bakeMap();
    this.player.create();
    if (this.model) this.redraw();
    this.markReady();
  }

  /**
   * Says on the board's container when it can be seen: `data-ready` is "frame" once the first frame is drawn,
   * "map" once a frame with the coastlines is (the browser benchmark, `qpq bench --browser`, waits for it).
   */
  private markReady(): void {
    const host = this.game.canvas?.parentElement;
    if (!host) return;
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
      if (host.dataset.ready !== 'map') host.dataset.ready = this.atlas ? 'map' : 'frame';
    });
  }

  update(_time: number, delta: number): void {
    this.player.tick(delta);
  }

  /** Draws a new state of the board, and queues the moves this government has newly seen; safe before create. */
  show(model: BoardModel, layers: Layers = this.layers): void {
    const handover = this.model !== null && this.model.me !== model.me;
    this.model = model;
    this.layers = layers;
    // A new government at the screen (hot seat) must not watch what the last one saw.
    if (handover) this.player.skip();
    if (handover || this.seen < 0 || model.logSize < this.seen) this.seen = model.logSize;
    else {
      const fresh = model.moves.filter((m) => m.index >= this.seen);
      this.seen = model.logSize;
      if (fresh.length) this.player.enqueue(fresh);
    }
    if (this.base) this.redraw();
  }

  /** Natural Earth's coastlines and borders, once they have loaded. */
  setAtlas(atlas: Atlas): void {
    this.atlas = atlas;
    if (this.base) {
      this.bakeMap();
      this.markReady();
    }
  }

  private where(id: string): XY | null {
    return this.model ? (this.positions(this.model).get(id) ?? null) : null;
  }

  private text(
    x: number,
    y: number,
    s: string,
    size: number,
    opts: { bold?: boolean; colour?: string; bg?: string; origin?: [number, number] } = {},
  ): Phaser.GameObjects.Text {
    const t = this.add.text(x, y, s, {
      fontFamily: FONT,
      fontSize: `${size}px`,
      fontStyle: opts.bold ? 'bold' : 'normal',
      color: opts.colour ?? INK,
      resolution: this.px,
      ...(opts.bg ? { backgroundColor: opts.bg, padding: { x: 3, y: 1 } } : {}),
    });
    t.setOrigin(...(opts.origin ?? [0, 0]));
    this.dynamic.push(t);
    return t;
  }

  private bakeMap(): void {
    const g = this.add.graphics();
    this.drawMap(g);
    g.setScale(this.px);
    const rt = this.base!.clear().draw(g, 0, 0);
    // The place names go into the texture too: they never change, and live text objects cost frames.
    for (const t of this.labels) rt.draw(t.setScale(this.px).setPosition(t.x * this.px, t.y * this.px));
    // Drawing is deferred to render(): only then may the sources go.
    rt.render();
    for (const t of this.labels) t.destroy();
    this.labels = [];
    g.destroy();
  }

  private drawMap(g: Phaser.GameObjects.Graphics): void {
    g.fillStyle(COLOURS.sea, 1).fillRect(0, 0, BOARD_WIDTH, BOARD_HEIGHT);
    for (const t of this.labels) t.destroy();
    this.labels = [];
    if (this.atlas) {
      g.fillStyle(COLOURS.land, 1).lineStyle(0.75, COLOURS.coast, 1);
      for (const land of this.atlas.lands) {
        this.path(g, land);
        g.fillPath();
        g.strokePath();
      }
      g.lineStyle(1, COLOURS.border, 1);
      for (const b of this.atlas.borders) this.dashedPath(g, b, 4, 3, false);
      // Country and sea names, faint, under everything else.
      for (const [name, at, sea] of PLACE_NAMES) {
        const { x, y } = this.project(at);
        const t = this.add.text(x, y, name, {
          fontFamily: FONT,
          fontSize: sea ? '10px' : '11px',
          fontStyle: sea ? 'italic' : 'bold',
          color: sea ? '#4f6f86' : '#8a8270',
          resolution: this.px,
          align: 'center',
        });
        t.setOrigin(0.5, 0.5).setLetterSpacing(sea ? 1 : 3);
        this.labels.push(t);
      }
    }
    g.lineStyle(2, COLOURS.dmz, 1);
    this.dashedPath(g, DMZ, 3, 2);
    // The top and bottom strips.
    g.fillStyle(COLOURS.paper, 0.92)
      .fillRect(0, 0, BOARD_WIDTH, TOP)
      .fillRect(0, BOARD_HEIGHT - BOTTOM, BOARD_WIDTH, BOTTOM);
    g.lineStyle(1, COLOURS.coast, 1)
      .lineBetween(0, TOP, BOARD_WIDTH, TOP)
      .lineBetween(0, BOARD_HEIGHT - BOTTOM, BOARD_WIDTH, BOARD_HEIGHT - BOTTOM);
  }

  private path(g: Phaser.GameObjects.Graphics, pts: readonly LonLat[]): void {
    g.beginPath();
    pts.forEach((p, k) => {
      const { x, y } = this.project(p);
      if (k === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    });
    g.closePath();
  }

  private dashedPath(
    g: Phaser.GameObjects.Graphics,
    pts: readonly LonLat[],
    dash: number,
    gap: number,
    perSegment = true,
  ): void {
    if (perSegment) {
      for (let k = 1; k < pts.length; k++)
        dashed(g, this.project(pts[k - 1]!), this.project(pts[k]!), dash, gap);
      return;
    }
    // One dash pattern along the whole line, so that short segments do not all start with a dash.
    let phase = 0;
    for (let k = 1; k < pts.length; k++) {
      const p = this.project(pts[k - 1]!);
      const q = this.project(pts[k]!);
      const len = dist(p, q);
      let s = 0;
      while (s < len) {
        const inDash = phase < dash;
        const step = Math.min(len - s, inDash ? dash - phase : dash + gap - phase);
        if (inDash) g.lineBetween(...along(p, q, s / len), ...along(p, q, (s + step) / len));
        s += step;
        phase = (phase + step) % (dash + gap);
      }
    }
  }

  private positions(m: BoardModel): Map<string, XY> {
    const out = new Map<string, XY>();
    for (const a of m.actors) {
      const p = a.place;
      if (p.kind === 'map') out.set(a.id, this.project(p.at));
      else if (p.edge === 'right')
        out.set(a.id, { x: BOARD_WIDTH - 34, y: MAP.y + MAP.height * 0.42 + p.slot * 70 });
      else if (p.edge === 'top-left') out.set(a.id, { x: 46, y: MAP.y + 34 + p.slot * 70 });
      else out.set(a.id, { x: 60 + p.slot * 100, y: MAP.y + MAP.height - 40 });
    }
    return out;
  }

  private redraw(): void {
    const m = this.model!;
    for (const o of this.dynamic) o.destroy();
    this.dynamic = [];
    const g = this.add.graphics();
    this.dynamic.push(g);
    const at = this.positions(m);
    const L = this.layers;
    const chips: (() => void)[] = [];
    // The true capitals, where a marker is drawn apart from them.
    g.fillStyle(COLOURS.ink, 1);
    for (const c of [CAPITALS.pyongyang!, CAPITALS.seoul!]) {
      const { x, y } = this.project(c);
      g.fillCircle(x, y, 2.5);
    }

    this.drawTopStrip(g, m);
    this.drawStages(g, m);

    // Relations under the markers. Each kind keeps its own side of the line between two governments.
    if (L.alliances)
      for (const [a, b] of m.alliances) {
        const [p, q] = offset(at.get(a)!, at.get(b)!, -7);
        g.lineStyle(2, PALETTE.green, 1);
        const [p1, q1] = offset(p, q, -2);
        const [p2, q2] = offset(p, q, 2);
        g.lineBetween(p1.x, p1.y, q1.x, q1.y).lineBetween(p2.x, p2.y, q2.x, q2.y);
        chips.push(() => this.chip(chipAt(p, q, 0.5, 1, 40), 'A', PALETTE.green));
      }
    if (L.channels)
      for (const c of m.channels) {
        const [p, q] = offset(at.get(c.a)!, at.get(c.b)!, c.kind === 'hotline' ? -13 : 13);
        g.lineStyle(2, PALETTE.purple, 1);
        dashed(g, p, q, 2, 3);
        chips.push(() =>
          this.chip(
            chipAt(p, q, 0.35, c.kind === 'hotline' ? -1 : 1, 42),
            c.kind === 'hotline' ? 'H' : 'B',
            PALETTE.purple,
          ),
        );
      }
    if (L.trust)
      for (const t of m.trust) {
        const p = at.get(m.me)!;
        const q = at.get(t.to)!;
        const band = trustBand(t.value);
        g.lineStyle(1 + Math.round(t.value / 20), band.colour, 0.9);
        if (band.word === 'low') dashed(g, p, q, 10, 4);
        else g.lineBetween(p.x, p.y, q.x, q.y);
        const c = chipAt(p, q, 0.6, -1);
        chips.push(() =>
          this.text(c.x, c.y, String(Math.round(t.value)), 11, {
            bold: true,
            colour: '#ffffff',
            bg: band.css,
            origin: [0.5, 0.5],
          }),
        );
      }
    if (L.sanctions)
      for (const s of m.sanctions) {
        const [p, q] = offset(at.get(s.from)!, at.get(s.to)!, 7);
        g.lineStyle(1 + s.level, PALETTE.vermillion, 1);
        const end = lerp(q, p, (R + 2) / Math.max(1, dist(p, q)));
        dashed(g, p, end, 6, 4);
        arrowHead(g, p, end, PALETTE.vermillion);
        const c = chipAt(p, q, 0.4, 1);
        chips.push(() =>
          this.text(c.x, c.y, `S${s.level}`, 10, {
            bold: true,
            colour: '#ffffff',
            bg: '#D55E00',
            origin: [0.5, 0.5],
          }),
        );
      }

    for (const a of m.actors) this.drawActor(g, a, at.get(a.id)!);
    for (const c of chips) c();
  }

  private chip(c: XY, label: string, colour: number): void {
    const css = `#${colour.toString(16).padStart(6, '0')}`;
    this.text(c.x, c.y, label, 10, { bold: true, colour: '#ffffff', bg: css, origin: [0.5, 0.5] });
  }

  private drawActor(g: Phaser.GameObjects.Graphics, a: BoardActor, p: XY): void {
    if (a.place.kind === 'edge') {
      // An arrow toward where the capital really lies.
      const dir =
        a.place.edge === 'right'
          ? { x: 1, y: 0 }
          : a.place.edge === 'top-left'
            ? { x: -0.7, y: -0.7 }
            : { x: 0, y: 1 };
      const tip = { x: p.x + dir.x * (R + 14), y: p.y + dir.y * (R + 14) };
      g.lineStyle(2, COLOURS.ink, 1).lineBetween(p.x + dir.x * R, p.y + dir.y * R, tip.x, tip.y);
      arrowHead(g, { x: p.x, y: p.y }, tip, COLOURS.ink);
    }
    if (a.isMe) {
      g.fillStyle(PALETTE.yellow, 1).fillCircle(p.x, p.y, R + 5);
      g.lineStyle(2, COLOURS.ink, 1).strokeCircle(p.x, p.y, R + 5);
    }
    g.fillStyle(COLOURS.paper, 1).fillCircle(p.x, p.y, R);
    g.lineStyle(a.isMe ? 3 : 2, COLOURS.ink, 1).strokeCircle(p.x, p.y, R);
    this.text(p.x, p.y, a.id, a.id.length > 3 ? 9 : 10, { bold: true, origin: [0.5, 0.5] });
    const side =
      a.place.kind === 'map'
        ? a.place.label
        : a.place.edge === 'right'
          ? 'below'
          : a.place.edge === 'top-left'
            ? 'right'
            : 'above';
    const gap = R + (a.isMe ? 8 : 4);
    const edgeRight = a.place.kind === 'edge' && a.place.edge === 'right';
    const [x, y, ox] = edgeRight
      ? [p.x + R + 6, p.y + gap, 1]
      : side === 'left'
        ? [p.x - gap, p.y - 12, 1]
        : side === 'right'
          ? [p.x + gap, p.y - 12, 0]
          : side === 'above'
            ? [p.x, p.y - gap - 28, 0.5]
            : [p.x, p.y + gap, 0.5];
    const name = this.text(x, y, a.isMe ? `${a.name} (you)` : a.name, 12, {
      bold: true,
      bg: 'rgba(255,255,255,0.85)',
      origin: [ox, 0],
    });
    this.text(x, y + name.height, a.place.kind === 'edge' ? `${a.capital} (off map)` : a.capital, 10, {
      bg: 'rgba(255,255,255,0.85)',
      origin: [ox, 0],
    });
  }

  private drawTopStrip(g: Phaser.GameObjects.Graphics, m: BoardModel): void {
    this.text(
      10,
      TOP / 2,
      m.over ? `${m.date} · game over` : `${m.date} · Round ${m.round} of ${m.rounds}`,
      13,
      { bold: true, origin: [0, 0.5] },
    );
    const w = 200;
    const x0 = BOARD_WIDTH - w - 12;
    const y0 = 9;
    this.text(x0 - 8, TOP / 2, `Tension ${Math.round(m.tension)}`, 12, { bold: true, origin: [1, 0.5] });
    g.fillStyle(0xe4e4e4, 1).fillRect(x0, y0, w, 12);
    const band =
      m.tension >= m.crisisAt
        ? PALETTE.vermillion
        : m.tension >= m.crisisAt - 20
          ? PALETTE.orange
          : PALETTE.sky;
    g.fillStyle(band, 1).fillRect(x0, y0, (w * m.tension) / 100, 12);
    // Hatching past the crisis threshold, so it reads without colour.
    const cx = x0 + (w * m.crisisAt) / 100;
    g.lineStyle(1, COLOURS.ink, 0.5);
    for (let x = cx + 4; x < x0 + w; x += 6) g.lineBetween(x, y0 + 12, x + 4, y0);
    g.lineStyle(2, COLOURS.ink, 1)
      .strokeRect(x0, y0, w, 12)
      .lineBetween(cx, y0 - 3, cx, y0 + 15);
    this.text(cx + 3, y0 + 13, 'crisis', 8, { origin: [0, 0] });
  }

  private drawStages(g: Phaser.GameObjects.Graphics, m: BoardModel): void {
    const n = m.stages.length;
    const y = BOARD_HEIGHT - BOTTOM + 11;
    const left = 130;
    const right = BOARD_WIDTH - 60;
    const xs = m.stages.map((_, k) => (n === 1 ? (left + right) / 2 : left + ((right - left) * k) / (n - 1)));
    this.text(10, y + 6, 'Peace process', 12, { bold: true, origin: [0, 0.5] });
    g.lineStyle(2, COLOURS.ink, 0.6).lineBetween(xs[0]!, y, xs[n - 1]!, y);
    m.stages.forEach((name, k) => {
      const here = k === m.stage;
      g.fillStyle(k <= m.stage ? COLOURS.ink : COLOURS.paper, 1).fillCircle(xs[k]!, y, here ? 7 : 5);
      g.lineStyle(2, COLOURS.ink, 1).strokeCircle(xs[k]!, y, here ? 7 : 5);
      if (here) g.lineStyle(2, PALETTE.blue, 1).strokeCircle(xs[k]!, y, 10);
      this.text(xs[k]!, y + 11, here ? `▲ ${name}` : name, here ? 11 : 10, { bold: here, origin: [0.5, 0] });
    });
  }
}

/** Country and sea names: [text, where, is it a sea]. */
const PLACE_NAMES: [string, LonLat, boolean][] = [
  ['CHINA', [117.6, 36.4], false],
  ['RUSSIA', [134.6, 44.2], false],
  ['JAPAN', [136.4, 37.0], false],
  ['N. KOREA', [128.3, 40.75], false],
  ['S. KOREA', [128.2, 36.0], false],
  ['Sea of Japan\n(East Sea)', [134.2, 40.6], true],
  ['Yellow Sea', [123.4, 35.6], true],
];

function along(p: XY, q: XY, t: number): [number, number] {
  return [p.x + (q.x - p.x) * t, p.y + (q.y - p.y) * t];
}

/** Where a line's label goes: along the line, or beside it when the line is too short to hold it between markers. */
function chipAt(p: XY, q: XY, t: number, side: 1 | -1, away = 22): XY {
  const len = dist(p, q);
  if (len >= 100) return lerp(p, q, t);
  const [a, b] = offset(p, q, side * away);
  return lerp(a, b, 0.5);
}

function dist(p: XY, q: XY): number {
  return Math.hypot(q.x - p.x, q.y - p.y);
}

function lerp(p: XY, q: XY, t: number): XY {
  return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
}

/** The segment moved sideways by d pixels (to the left of p → q). */
function offset(p: XY, q: XY, d: number): [XY, XY] {
  const len = Math.max(1, dist(p, q));
  const nx = (-(q.y - p.y) / len) * d;
  const ny = ((q.x - p.x) / len) * d;
  return [
    { x: p.x + nx, y: p.y + ny },
    { x: q.x + nx, y: q.y + ny },
  ];
}

function dashed(g: Phaser.GameObjects.Graphics, p: XY, q: XY, dash: number, gap: number): void {
  const len = dist(p, q);
  if (len < 0.5) return;
  const ux = (q.x - p.x) / len;
  const uy = (q.y - p.y) / len;
  for (let s = 0; s < len; s += dash + gap) {
    const e = Math.min(len, s + dash);
    g.lineBetween(p.x + ux * s, p.y + uy * s, p.x + ux * e, p.y + uy * e);
  }
}

function arrowHead(g: Phaser.GameObjects.Graphics, from: XY, tip: XY, colour: number): void {
  const len = Math.max(1, dist(from, tip));
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const s = 8;
  g.fillStyle(colour, 1).fillTriangle(
    tip.x,
    tip.y,
    tip.x - ux * s - uy * s * 0.6,
    tip.y - uy * s + ux * s * 0.6,
    tip.x - ux * s + uy * s * 0.6,
    tip.y - uy * s - ux * s * 0.6,
  );
}

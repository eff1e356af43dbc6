/**
 * The board: a Phaser scene that draws Northeast Asia and the relations one government can see.
 * It holds visual objects only and draws whatever `BoardModel` it is given; no rule lives here.
 */
import * as Phaser from 'phaser';
import type { Atlas } from './atlas.ts';
import { CAPITALS, DMZ, fitProjection } from './geo.ts';
import type { LonLat, Projection } from './geo.ts';
import {
  BOARD_HEIGHT,
  BOARD_WIDTH,
  BOTTOM,
  DEAL_STYLE,
  MAP,
  R,
  TOP,
  dist,
  lerp,
  layoutBoard,
  markerPositions,
  offset,
} from './layout.ts';
import type { BoardLayout, Chip, Measure, Relation, Spot, XY } from './layout.ts';
import { ALL_LAYERS, PALETTE, trustBand } from './model.ts';
import type { BoardActor, BoardModel, Layers } from './model.ts';
import { Player } from './play.ts';
import type { PlayerHooks } from './play.ts';

export { BOARD_HEIGHT, BOARD_WIDTH } from './layout.ts';
/**
 * Canvas pixels per board unit: the board's shown width times the device's pixel ratio, over its width in
 * units, rounded up to a half, so that lines and text stay sharp on a large or dense screen; at least 1 and at
 * most 3 (software rendering pays for every pixel).
 */
export function pixelsFor(shownWidth: number, deviceRatio: number): number {
  const want = ((shownWidth || BOARD_WIDTH) * (deviceRatio || 1)) / BOARD_WIDTH;
  return Math.min(3, Math.max(1, Math.ceil(want * 2 - 0.2) / 2));
}
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

const hex = (css: string): number => parseInt(css.slice(1), 16);

export class BoardScene extends Phaser.Scene {
  private project: Projection = fitProjection(MAP);
  /** The map and the strips, drawn once into a texture (tessellating coastlines every frame is slow). */
  private base?: Phaser.GameObjects.RenderTexture;
  private dynamic: Phaser.GameObjects.GameObject[] = [];
  private model: BoardModel | null = null;
  private layers: Layers = ALL_LAYERS;
  private atlas: Atlas | null = null;
  private labels: Phaser.GameObjects.Text[] = [];
  /** Where things were put at the last redraw. */
  private layout: BoardLayout | null = null;
  private measure: Measure = canvasMeasure();
  /** Plays the moves of a round over the board. */
  readonly player: Player;
  /** Log entries below this index have been shown (or were there when the board opened). */
  private seen = -1;

  constructor(
    hooks: PlayerHooks,
    private readonly px: number = 1,
  ) {
    super({ key: 'board' });
    this.player = new Player(this, hooks, (id) => this.where(id), px);
  }

  create(): void {
    this.cameras.main.setZoom(this.px).setOrigin(0, 0);
    this.base = this.add
      .renderTexture(0, 0, Math.ceil(BOARD_WIDTH * this.px), Math.ceil(BOARD_HEIGHT * this.px))
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
    if (!this.model) return null;
    return this.layout?.spots.get(id)?.at ?? markerPositions(this.model).get(id) ?? null;
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

  private redraw(): void {
    const m = this.model!;
    for (const o of this.dynamic) o.destroy();
    this.dynamic = [];
    const under = this.add.graphics();
    const over = this.add.graphics();
    this.dynamic.push(under, over);
    const lay = layoutBoard(m, this.layers, this.measure);
    this.layout = lay;
    // The true capitals, where a marker is drawn apart from them.
    under.fillStyle(COLOURS.ink, 1);
    for (const c of [CAPITALS.pyongyang!, CAPITALS.seoul!]) {
      const { x, y } = this.project(c);
      under.fillCircle(x, y, 2.5);
    }
    this.drawTopStrip(under, m);
    this.drawStages(under, m);
    // Relations under the markers; badges and labels over everything, where the layout put them.
    for (const r of lay.relations) drawRelation(under, r);
    for (const a of m.actors) this.drawMarker(under, a, lay.spots.get(a.id)!);
    for (const r of lay.relations) if (r.chip) this.drawChip(over, r.chip);
    for (const a of m.actors) this.drawLabel(over, lay.spots.get(a.id)!);
  }

  private drawChip(g: Phaser.GameObjects.Graphics, c: Chip): void {
    const b = c.box;
    const centre = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
    if (dist(centre, c.anchor) > Math.max(b.w, b.h) / 2 + 8)
      g.lineStyle(1, hex(c.bg), 0.8).lineBetween(centre.x, centre.y, c.anchor.x, c.anchor.y);
    g.fillStyle(hex(c.bg), 1).fillRoundedRect(b.x, b.y, b.w, b.h, 2);
    this.text(b.x + b.w / 2, b.y + b.h / 2, c.text, c.size, {
      bold: true,
      colour: '#ffffff',
      origin: [0.5, 0.5],
    });
  }

  private drawLabel(g: Phaser.GameObjects.Graphics, s: Spot): void {
    const b = s.label;
    g.fillStyle(COLOURS.paper, 0.88).fillRoundedRect(b.x, b.y, b.w, b.h, 3);
    let y = b.y + 1;
    for (const l of s.lines) {
      this.text(b.x + b.w / 2, y, l.text, l.size, { bold: l.bold, origin: [0.5, 0] });
      y += Math.round(l.size * 1.25) + 2;
    }
  }

  private drawMarker(g: Phaser.GameObjects.Graphics, a: BoardActor, s: Spot): void {
    const p = s.at;
    const dir = s.toward ?? (a.place.kind === 'edge' ? { x: 0, y: 1 } : null);
    if (dir) {
      // An arrow toward where the capital really lies.
      const tip = { x: p.x + dir.x * (R + 14), y: p.y + dir.y * (R + 14) };
      g.lineStyle(2, COLOURS.ink, 1).lineBetween(p.x + dir.x * R, p.y + dir.y * R, tip.x, tip.y);
      arrowHead(g, { x: p.x, y: p.y }, tip, COLOURS.ink);
    }
    if (a.isMe) {
      g.fillStyle(PALETTE.yellow, 1).fillCircle(p.x, p.y, R + 5);
      g.lineStyle(2, COLOURS.ink, 1).strokeCircle(p.x, p.y, R + 5);
    }
    // Away from the table (an organisation before it joins or after it leaves): drawn faint.
    const alpha = a.present ? 1 : 0.45;
    g.fillStyle(COLOURS.paper, 1).lineStyle(a.isMe ? 3 : 2, COLOURS.ink, alpha);
    // An organisation is a rounded square, a government a circle.
    if (a.organisation)
      g.fillRoundedRect(p.x - R, p.y - R, 2 * R, 2 * R, 5).strokeRoundedRect(
        p.x - R,
        p.y - R,
        2 * R,
        2 * R,
        5,
      );
    else g.fillCircle(p.x, p.y, R).strokeCircle(p.x, p.y, R);
    this.text(p.x, p.y, a.id, a.id.length > 3 ? 9 : 10, { bold: true, origin: [0.5, 0.5] });
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

/** One relation's lines: the style says what it is without colour too (width, dashes, double lines, arrows). */
function drawRelation(g: Phaser.GameObjects.Graphics, r: Relation): void {
  for (const [p, q] of r.segments) {
    switch (r.kind) {
      case 'trust': {
        const band = trustBand(r.value!);
        g.lineStyle(1 + Math.round(r.value! / 20), band.colour, 0.9);
        if (band.word === 'low') dashed(g, p, q, 10, 4);
        else g.lineBetween(p.x, p.y, q.x, q.y);
        break;
      }
      case 'sanction': {
        g.lineStyle(1 + r.value!, PALETTE.vermillion, 1);
        const end = lerp(q, p, (R + 2) / Math.max(1, dist(p, q)));
        dashed(g, p, end, 6, 4);
        arrowHead(g, p, end, PALETTE.vermillion);
        break;
      }
      case 'hotline':
      case 'backchannel':
        g.lineStyle(2, PALETTE.purple, 1);
        dashed(g, p, q, 2, 3);
        break;
      case 'alliance': {
        g.lineStyle(2, PALETTE.green, 1);
        const [p1, q1] = offset(p, q, -2);
        const [p2, q2] = offset(p, q, 2);
        g.lineBetween(p1.x, p1.y, q1.x, q1.y).lineBetween(p2.x, p2.y, q2.x, q2.y);
        break;
      }
      case 'deal': {
        const style = DEAL_STYLE[r.deal!.state];
        g.lineStyle(r.deal!.active ? 3 : 2, hex(style.colour), r.deal!.active ? 1 : 0.7);
        pattern(g, p, q, style.dash);
        break;
      }
    }
  }
}

/** A line in a dash pattern (dash, gap, dash, gap…); solid when the pattern is empty. */
function pattern(g: Phaser.GameObjects.Graphics, p: XY, q: XY, dashes: number[]): void {
  if (!dashes.length) {
    g.lineBetween(p.x, p.y, q.x, q.y);
    return;
  }
  const len = dist(p, q);
  let s = 0;
  for (let k = 0; s < len; k++) {
    const d = dashes[k % dashes.length]!;
    const e = Math.min(len, s + d);
    if (k % 2 === 0) g.lineBetween(...along(p, q, s / len), ...along(p, q, e / len));
    s = e;
  }
}

/** Text widths as the browser measures them in the board's font. */
function canvasMeasure(): Measure {
  const ctx = document.createElement('canvas').getContext('2d');
  return (s, size, bold) => {
    if (!ctx) return [...s].length * size * 0.62;
    ctx.font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
    return ctx.measureText(s).width;
  };
}

/**
 * Plays a round's moves over the board: markers that travel between capitals, rings that pulse at an actor,
 * summits, the reveal of kept and broken promises, and event cards. The moves come from the player's log
 * (see `movesOf`); this file only draws them, at a speed the player picks, and can skip to the end.
 */
import type * as Phaser from 'phaser';
import type { BoardMove } from './model.ts';
import { PALETTE } from './model.ts';
import type { Cue } from './sound.ts';
import { separateLabels } from './layout.ts';

type XY = { x: number; y: number };

export interface PlayerHooks {
  /** While true (a modal dialog covers the board), the clock stands still. */
  hold(): boolean;
  /** False when the player asked for reduced motion: moves are shown in place, without travel or pulses. */
  motion(): boolean;
  sound(cue: Cue): void;
  /** Told when a beat starts or the queue empties: the caption to read and how many beats remain. */
  changed(state: { playing: boolean; caption: string; left: number }): void;
}

interface Beat {
  moves: BoardMove[];
  /** Milliseconds at speed 1. */
  length: number;
}

const LENGTH: Record<BoardMove['kind'], number> = {
  travel: 1400,
  pulse: 1300,
  summit: 1600,
  reveal: 1500,
  deal: 1400,
  card: 2800,
};
const GROUPED = new Set<BoardMove['kind']>(['travel', 'pulse', 'reveal', 'deal']);
const FONT = 'Inter, "Segoe UI", system-ui, sans-serif';
const R = 16;
const INK = 0x1b1f24;

const TONE: Record<BoardMove['tone'], { fill: number; css: string }> = {
  good: { fill: PALETTE.green, css: '#00684c' },
  bad: { fill: PALETTE.vermillion, css: '#a63f00' },
  neutral: { fill: PALETTE.blue, css: '#005a8c' },
};

/** Groups moves into beats: moves of one kind in a row play together (up to six), cards one at a time. */
export function beatsOf(moves: readonly BoardMove[]): Beat[] {
  const beats: Beat[] = [];
  for (const m of moves) {
    const last = beats[beats.length - 1];
    if (last && GROUPED.has(m.kind) && last.moves[0]!.kind === m.kind && last.moves.length < 6)
      last.moves.push(m);
    else beats.push({ moves: [m], length: LENGTH[m.kind] });
  }
  return beats;
}

export class Player {
  private queue: Beat[] = [];
  private beat: Beat | null = null;
  private clock = 0;
  private fx?: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  /** 1, 2 or 4. */
  speed = 1;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly hooks: PlayerHooks,
    private readonly where: (id: string) => XY | null,
    private readonly px: number = 1,
  ) {}

  create(): void {
    this.fx = this.scene.add.graphics().setDepth(10);
  }

  get playing(): boolean {
    return this.beat !== null || this.queue.length > 0;
  }

  enqueue(moves: readonly BoardMove[]): void {
    this.queue.push(...beatsOf(moves));
    if (!this.beat) this.report();
  }

  /** Ends every queued animation at once; the board already shows the state after them. */
  skip(): void {
    this.queue = [];
    this.endBeat();
    this.report();
  }

  tick(delta: number): void {
    if (!this.fx) return;
    if (!this.beat) {
      if (!this.queue.length || this.hooks.hold()) return;
      this.startBeat(this.queue.shift()!);
    }
    if (this.hooks.hold()) return;
    this.clock += Math.min(delta, 100) * this.speed;
    const beat = this.beat!;
    if (this.clock >= beat.length) {
      this.endBeat();
      if (this.queue.length && !this.hooks.hold()) this.startBeat(this.queue.shift()!);
      else this.report();
      return;
    }
    this.draw(beat, this.clock / beat.length);
  }

  private report(): void {
    const b = this.beat;
    this.hooks.changed({
      playing: this.playing,
      caption: b ? b.moves.map((m) => m.text).join(' ') : '',
      left: this.queue.length,
    });
  }

  private startBeat(beat: Beat): void {
    this.beat = beat;
    this.clock = 0;
    const first = beat.moves[0]!;
    this.hooks.sound(cueOf(beat));
    for (const m of beat.moves) {
      if (m.kind === 'card') this.texts.push(...this.card(m));
      else this.texts.push(this.tag(m));
    }
    if (first.kind !== 'card') this.texts.push(this.roundTag(first));
    this.report();
    this.draw(beat, 0);
  }

  private endBeat(): void {
    this.beat = null;
    for (const t of this.texts) t.destroy();
    this.texts = [];
    this.fx?.clear();
  }

  private label(s: string, css: string, size = 11): Phaser.GameObjects.Text {
    return this.scene.add
      .text(0, 0, s, {
        fontFamily: FONT,
        fontSize: `${size}px`,
        fontStyle: 'bold',
        color: '#ffffff',
        backgroundColor: css,
        padding: { x: 4, y: 2 },
        resolution: this.px,
      })
      .setOrigin(0.5, 0.5)
      .setDepth(12);
  }

  /** The marker's label, e.g. "Aid" or "✗ broke #3"; moved as the marker travels. */
  private tag(m: BoardMove): Phaser.GameObjects.Text {
    const t = this.label(m.label, TONE[m.tone].css);
    t.setData('move', m);
    return t;
  }

  private roundTag(m: BoardMove): Phaser.GameObjects.Text {
    return this.scene.add
      .text(634, 394, `Round ${m.round}: what you saw`, {
        fontFamily: FONT,
        fontSize: '11px',
        fontStyle: 'bold',
        color: '#1b1f24',
        backgroundColor: 'rgba(255,255,255,0.9)',
        padding: { x: 4, y: 2 },
        resolution: this.px,
      })
      .setOrigin(1, 1)
      .setDepth(12);
  }

  /** An event card: a heading and the log's sentence, over the middle of the map. */
  private card(m: BoardMove): Phaser.GameObjects.Text[] {
    const body = this.scene.add
      .text(320, 0, m.text, {
        fontFamily: FONT,
        fontSize: '13px',
        color: '#1b1f24',
        backgroundColor: '#fffdf5',
        padding: { x: 12, y: 10 },
        wordWrap: { width: 340 },
        lineSpacing: 3,
        resolution: this.px,
      })
      .setOrigin(0.5, 0)
      .setDepth(12);
    const head = this.label(`${m.label.toUpperCase()} · ROUND ${m.round}`, TONE[m.tone].css, 11).setOrigin(
      0.5,
      1,
    );
    body.setData('card', true);
    head.setData('card', true);
    return [head, body];
  }

  private draw(beat: Beat, p: number): void {
    const g = this.fx!;
    g.clear();
    const motion = this.hooks.motion();
    const tags = this.texts.filter((t) => t.getData('move'));
    // Which way each label's stack grows (up or down), for keeping neighbouring governments' labels apart.
    const dirs: (-1 | 1 | undefined)[] = [];
    beat.moves.forEach((m, k) => {
      const tag = tags[k];
      const tone = TONE[m.tone].fill;
      const from = m.from ? this.where(m.from) : null;
      const fade = p > 0.85 ? (1 - p) / 0.15 : 1;
      switch (m.kind) {
        case 'travel': {
          if (!from) break;
          const t = motion ? ease(Math.min(1, p / 0.7)) : 1;
          let last = from;
          m.to.forEach((id, j) => {
            const centre = this.where(id);
            if (!centre) return;
            // Stop at the rim of the target's marker, so that its name stays readable.
            const to = lerp(centre, from, Math.min(0.5, (R + 10) / Math.max(1, dist(from, centre))));
            const at = lerp(from, to, t);
            g.lineStyle(2, tone, 0.8 * fade);
            dotted(g, from, at);
            marker(g, at, tone, m.tone === 'bad', 7, fade);
            if (j === 0) last = lerp(from, at, 0.5);
          });
          // Moves along the same line stack their labels instead of covering each other.
          const same = beat.moves.slice(0, k).filter((o) => o.from === m.from && o.to[0] === m.to[0]).length;
          // The label rides the middle of the trail, clear of both governments' names.
          tag?.setPosition(last.x, last.y - 14 - same * 20).setAlpha(fade);
          dirs[k] = -1;
          break;
        }
        case 'pulse': {
          if (!from) break;
          rings(g, from, tone, motion ? p : 0.4, fade);
          const same = beat.moves.slice(0, k).filter((o) => o.from === m.from).length;
          // Labels stack above the marker, or below it near the top of the map.
          const below = from.y < 110;
          const y = below ? from.y + R + 16 + same * 20 : from.y - R - 26 - same * 20;
          tag?.setPosition(from.x, y).setAlpha(fade);
          dirs[k] = below ? 1 : -1;
          break;
        }
        case 'summit': {
          const to = this.where(m.to[0] ?? '');
          if (!from || !to) break;
          const mid = lerp(from, to, 0.5);
          const t = motion ? ease(Math.min(1, p / 0.5)) : 1;
          g.lineStyle(3, tone, fade);
          g.lineBetween(from.x, from.y, mid.x, mid.y).lineBetween(to.x, to.y, mid.x, mid.y);
          marker(g, lerp(from, mid, t), tone, false, 7, fade);
          marker(g, lerp(to, mid, t), tone, false, 7, fade);
          if (t >= 1) rings(g, mid, tone, motion ? (p - 0.5) * 2 : 0.4, fade);
          tag?.setPosition(mid.x, mid.y - 22).setAlpha(fade);
          dirs[k] = -1;
          break;
        }
        case 'reveal': {
          if (!from) break;
          const me = this.where(m.to[0] ?? '');
          if (me) {
            g.lineStyle(2, tone, 0.7 * fade);
            dotted(g, me, lerp(me, from, motion ? ease(Math.min(1, p / 0.4)) : 1));
          }
          g.lineStyle(4, tone, fade).strokeCircle(from.x, from.y, R + 6);
          const same = beat.moves.slice(0, k).filter((o) => o.from === m.from).length;
          tag?.setPosition(from.x, from.y + R + 16 + same * 20).setAlpha(fade);
          dirs[k] = 1;
          break;
        }
        case 'deal': {
          const pts = m.to.map((id) => this.where(id)).filter((x): x is XY => x !== null);
          if (pts.length < 2) break;
          const t = motion ? ease(Math.min(1, p / 0.5)) : 1;
          g.lineStyle(4, tone, fade);
          for (let a = 1; a < pts.length; a++) {
            const q = lerp(pts[0]!, pts[a]!, t);
            g.lineBetween(pts[0]!.x, pts[0]!.y, q.x, q.y);
          }
          for (const q of pts) g.strokeCircle(q.x, q.y, R + 5);
          const c = centroid(pts);
          tag?.setPosition(c.x, c.y + (k - (beat.moves.length - 1) / 2) * 20).setAlpha(fade);
          dirs[k] = 1;
          break;
        }
        case 'card': {
          if (from) rings(g, from, tone, motion ? p : 0.4, fade);
          const [head, body] = this.texts.filter((x) => x.getData('card'));
          if (!head || !body) break;
          const rise = motion ? 1 - ease(Math.min(1, p / 0.15)) : 0;
          const y = 150 + rise * 60;
          body.setPosition(320, y).setAlpha(fade);
          head.setPosition(320, y).setAlpha(fade);
          const b = body.getBounds();
          g.lineStyle(2, INK, fade).strokeRect(b.x, b.y, b.width, b.height);
          g.fillStyle(tone, fade).fillRect(b.x, b.y, 6, b.height);
          break;
        }
      }
    });
    const moved = beat.moves.flatMap((_, k) => {
      const tag = tags[k];
      const dir = dirs[k];
      return tag && dir ? [{ tag, dir }] : [];
    });
    const ys = separateLabels(
      moved.map(({ tag, dir }) => ({ x: tag.x, y: tag.y, w: tag.displayWidth, h: tag.displayHeight, dir })),
    );
    moved.forEach(({ tag }, i) => tag.setY(ys[i]!));
  }
}

function cueOf(beat: Beat): Cue {
  const m = beat.moves[0]!;
  if (m.kind === 'card') return m.tone === 'bad' ? 'bad' : 'card';
  if (m.kind === 'deal') return m.tone === 'bad' ? 'bad' : 'deal';
  if (m.kind === 'pulse' && /test|Provocation/.test(m.label)) return 'blast';
  if (m.kind === 'reveal' || m.kind === 'pulse') return m.tone === 'bad' ? 'bad' : 'good';
  return 'travel';
}

function ease(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

function lerp(p: XY, q: XY, t: number): XY {
  return { x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t };
}

function dist(p: XY, q: XY): number {
  return Math.hypot(q.x - p.x, q.y - p.y);
}

function centroid(pts: XY[]): XY {
  const n = pts.length;
  return { x: pts.reduce((s, p) => s + p.x, 0) / n, y: pts.reduce((s, p) => s + p.y, 0) / n };
}

function dotted(g: Phaser.GameObjects.Graphics, p: XY, q: XY): void {
  const len = Math.hypot(q.x - p.x, q.y - p.y);
  for (let s = 0; s < len; s += 7) {
    const a = lerp(p, q, s / len);
    const b = lerp(p, q, Math.min(len, s + 3) / len);
    g.lineBetween(a.x, a.y, b.x, b.y);
  }
}

/** A travelling marker: a circle for a friendly move, a diamond for a hostile one (shape as well as colour). */
function marker(
  g: Phaser.GameObjects.Graphics,
  at: XY,
  colour: number,
  hostile: boolean,
  r: number,
  a: number,
): void {
  g.fillStyle(colour, a).lineStyle(2, INK, a);
  if (hostile) {
    const d = r + 1;
    g.beginPath();
    g.moveTo(at.x, at.y - d);
    g.lineTo(at.x + d, at.y);
    g.lineTo(at.x, at.y + d);
    g.lineTo(at.x - d, at.y);
    g.closePath();
    g.fillPath();
    g.strokePath();
  } else g.fillCircle(at.x, at.y, r).strokeCircle(at.x, at.y, r);
}

/** Two rings growing out of a marker; `p` runs from 0 to 1 over the beat. */
function rings(g: Phaser.GameObjects.Graphics, at: XY, colour: number, p: number, a: number): void {
  for (const lag of [0, 0.35]) {
    const t = (p * 1.6 + lag) % 1;
    g.lineStyle(3, colour, (1 - t) * a).strokeCircle(at.x, at.y, R + 4 + t * 30);
  }
}

/**
 * One line chart of rounds (uPlot on a canvas), readable without colour: every line has its own colour from
 * the board's Okabe–Ito palette, its own dash pattern and marker shape, a short name at its end, and an entry
 * in a legend of named checkboxes that show or hide it. A sentence per line and a table of every value sit
 * beside the canvas for screen readers (and anyone who prefers numbers).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { PALETTE } from '../board/model.ts';
import { fill, h, uid } from '../kit/dom.ts';

export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'plus', 'cross', 'star', 'bar'] as const;
export type Marker = (typeof MARKERS)[number];

const css = (c: number): string => `#${c.toString(16).padStart(6, '0')}`;
/** One style per government, by its position in the scenario (the six first, any extra actor after). */
export const LINE_STYLES: readonly { colour: string; dash: number[]; marker: Marker }[] = [
  { colour: css(PALETTE.vermillion), dash: [], marker: 'circle' },
  { colour: css(PALETTE.blue), dash: [9, 4], marker: 'square' },
  { colour: css(PALETTE.sky), dash: [2, 3], marker: 'triangle' },
  { colour: css(PALETTE.orange), dash: [12, 3, 3, 3], marker: 'diamond' },
  { colour: css(PALETTE.purple), dash: [5, 5], marker: 'plus' },
  { colour: css(PALETTE.green), dash: [14, 4, 2, 4, 2, 4], marker: 'cross' },
  { colour: css(PALETTE.black), dash: [1, 5], marker: 'star' },
  { colour: '#8a7d00', dash: [16, 6], marker: 'bar' },
];
export const styleAt = (k: number): (typeof LINE_STYLES)[number] => LINE_STYLES[k % LINE_STYLES.length]!;

export interface Line {
  /** Full name, for the legend and the table. */
  name: string;
  /** A few letters, drawn at the end of the line. */
  short: string;
  values: number[];
  colour: string;
  dash: number[];
  marker: Marker;
  width?: number;
  /** A value in words, where a number would mislead (the stage, drawn from 0 to 100, is read by name). */
  text?: (v: number) => string;
}

export interface ChartSpec {
  title: string;
  /** What the numbers mean, in a sentence under the title. */
  note: string;
  /** x labels by index ("Start", "2018 Q1"...). */
  labels: string[];
  lines: Line[];
  /** Axis maximum (default 100). */
  max?: number;
  /** A dashed reference line, e.g. the crisis threshold. */
  threshold?: { value: number; label: string };
}

function markerPath(ctx: CanvasRenderingContext2D, m: Marker, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (m) {
    case 'circle':
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      break;
    case 'square':
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.1, y + r * 0.8);
      ctx.lineTo(x - r * 1.1, y + r * 0.8);
      ctx.closePath();
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.3);
      ctx.lineTo(x + r * 1.1, y);
      ctx.lineTo(x, y + r * 1.3);
      ctx.lineTo(x - r * 1.1, y);
      ctx.closePath();
      break;
    case 'plus':
      ctx.rect(x - r * 1.2, y - r * 0.4, r * 2.4, r * 0.8);
      ctx.rect(x - r * 0.4, y - r * 1.2, r * 0.8, r * 2.4);
      break;
    case 'cross': {
      const d = r * 0.35;
      ctx.moveTo(x - r, y - r + d);
      ctx.lineTo(x - r + d, y - r);
      ctx.lineTo(x, y - d);
      ctx.lineTo(x + r - d, y - r);
      ctx.lineTo(x + r, y - r + d);
      ctx.lineTo(x + d, y);
      ctx.lineTo(x + r, y + r - d);
      ctx.lineTo(x + r - d, y + r);
      ctx.lineTo(x, y + d);
      ctx.lineTo(x - r + d, y + r);
      ctx.lineTo(x - r, y + r - d);
      ctx.lineTo(x - d, y);
      ctx.closePath();
      break;
    }
    case 'star':
      for (let k = 0; k < 10; k++) {
        const a = (Math.PI / 5) * k - Math.PI / 2;
        const rr = k % 2 ? r * 0.5 : r * 1.3;
        ctx[k ? 'lineTo' : 'moveTo'](x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      ctx.closePath();
      break;
    case 'bar':
      ctx.rect(x - r * 1.3, y - r * 0.45, r * 2.6, r * 0.9);
      break;
  }
}

/** The marker and dash of a line as a small inline SVG, for the legend. */
export function swatch(line: Pick<Line, 'colour' | 'dash' | 'marker'>): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', '38');
  svg.setAttribute('height', '14');
  svg.setAttribute('viewBox', '0 0 38 14');
  svg.setAttribute('aria-hidden', 'true');
  const l = document.createElementNS(ns, 'line');
  for (const [k, v] of Object.entries({ x1: '1', y1: '7', x2: '37', y2: '7', stroke: line.colour }))
    l.setAttribute(k, v);
  l.setAttribute('stroke-width', '2');
  if (line.dash.length) l.setAttribute('stroke-dasharray', line.dash.join(' '));
  svg.append(l);
  const c = document.createElement('canvas');
  c.width = 14;
  c.height = 14;
  const ctx = c.getContext('2d');
  if (ctx) {
    markerPath(ctx, line.marker, 7, 7, 4);
    ctx.fillStyle = line.colour;
    ctx.fill();
    const img = document.createElementNS(ns, 'image');
    img.setAttribute('href', c.toDataURL());
    img.setAttribute('x', '12');
    img.setAttribute('y', '0');
    img.setAttribute('width', '14');
    img.setAttribute('height', '14');
    svg.append(img);
  }
  return svg;
}

const fmt = (x: number): string => String(Math.round(x));

/** One sentence per line: where it started and ended, and its low and high. */
export function describe(spec: ChartSpec): string[] {
  const last = spec.labels.length - 1;
  return spec.lines.map((l) => {
    const a = l.values[0] ?? 0;
    const b = l.values[last] ?? 0;
    const lo = Math.min(...l.values);
    const hi = Math.max(...l.values);
    const move = Math.round(b) > Math.round(a) ? 'rose' : Math.round(b) < Math.round(a) ? 'fell' : 'held';
    const f = l.text ?? fmt;
    return `${l.name} ${move} from ${f(a)} to ${f(b)} (lowest ${f(lo)}, highest ${f(hi)}).`;
  });
}

export interface Chart {
  element: HTMLElement;
  update(spec: ChartSpec): void;
}

/** The uPlot options for a chart `width` pixels wide, the lines in `hidden` left out. */
function chartOptions(spec: ChartSpec, hidden: ReadonlySet<string>, width: number): uPlot.Options {
  const max = spec.max ?? 100;
  const dpr = window.devicePixelRatio || 1;
  const shown = spec.lines.filter((l) => !hidden.has(l.name));
  return {
    width,
    height: Math.max(180, Math.min(260, Math.round(width * 0.42))),
    padding: [12, Math.max(28, 12 + 7 * Math.max(0, ...shown.map((l) => l.short.length))), 0, 0],
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [0, Math.max(1, spec.labels.length - 1)] }, y: { range: [0, max] } },
    axes: [
      {
        label: 'Round',
        labelSize: 16,
        size: 34,
        values: (_u, splits) =>
          splits.map((v) => (Number.isInteger(v) ? (v === 0 ? 'Start' : String(v)) : '')),
        incrs: [1, 2, 5, 10],
        stroke: '#1b1f24',
        grid: { stroke: '#e4e0d6', width: 1 },
      },
      {
        values: (_u, splits) => splits.map(fmt),
        stroke: '#1b1f24',
        grid: { stroke: '#e4e0d6', width: 1 },
        size: 36,
      },
    ],
    series: [
      {},
      ...spec.lines.map((l) => ({
        label: l.name,
        stroke: l.colour,
        width: l.width ?? 2,
        dash: l.dash,
        show: !hidden.has(l.name),
        points: { show: false },
      })),
      ...(spec.threshold
        ? [
            {
              label: spec.threshold.label,
              stroke: '#555d69',
              width: 1,
              dash: [3, 3],
              points: { show: false },
            },
          ]
        : []),
    ],
    hooks: {
      draw: [(u: uPlot) => drawMarkersAndEndLabels(u, spec, shown, dpr)],
    },
  };
}

/** Over the lines: a marker at every value, the lines' short names at their ends, and the threshold's label. */
function drawMarkersAndEndLabels(u: uPlot, spec: ChartSpec, shown: Line[], dpr: number): void {
  const ctx = u.ctx;
  ctx.save();
  const r = 3.6 * dpr;
  const ends: { y: number; line: Line }[] = [];
  for (const l of shown) {
    ctx.fillStyle = l.colour;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = dpr;
    l.values.forEach((v, k) => {
      markerPath(ctx, l.marker, u.valToPos(k, 'x', true), u.valToPos(v, 'y', true), r);
      ctx.fill();
      ctx.stroke();
    });
    const last = l.values.length - 1;
    ends.push({ y: u.valToPos(l.values[last] ?? 0, 'y', true), line: l });
  }
  // End labels: those that would overlap are gathered in a block centred on where they want to be.
  ends.sort((a, b) => a.y - b.y);
  const gap = 11 * dpr;
  const blocks: { top: number; items: typeof ends }[] = [];
  for (const e of ends) {
    blocks.push({ top: e.y, items: [e] });
    for (let n = blocks.length; n > 1; n = blocks.length) {
      const [a, b] = [blocks[n - 2]!, blocks[n - 1]!];
      if (a.top + a.items.length * gap <= b.top) break;
      a.items.push(...b.items);
      blocks.pop();
      const mean = a.items.reduce((t, x) => t + x.y, 0) / a.items.length;
      a.top = mean - ((a.items.length - 1) * gap) / 2;
    }
  }
  const placed = blocks.flatMap((bl) => bl.items.map((e, k) => ({ line: e.line, y: bl.top + k * gap })));
  const x = u.valToPos(spec.labels.length - 1, 'x', true) + 7 * dpr;
  ctx.font = `600 ${10 * dpr}px Inter, system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  for (const e of placed) {
    ctx.fillStyle = e.line.colour === '#f0e442' ? '#1b1f24' : e.line.colour;
    ctx.fillText(e.line.short, x, e.y);
  }
  if (spec.threshold) {
    ctx.fillStyle = '#555d69';
    ctx.font = `${10 * dpr}px Inter, system-ui, sans-serif`;
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'left';
    ctx.fillText(
      spec.threshold.label,
      u.bbox.left + 4 * dpr,
      u.valToPos(spec.threshold.value, 'y', true) - 2 * dpr,
    );
  }
  ctx.restore();
}

/** The chart's values as a table: a row per round, a column per line. */
function valuesTable(spec: ChartSpec): HTMLElement {
  return h(
    'table',
    { class: 'chart-values' },
    h('caption', { class: 'sr-only' }, `${spec.title}, by round`),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Round'),
        spec.lines.map((l) => h('th', { scope: 'col' }, l.name)),
      ),
    ),
    h(
      'tbody',
      null,
      spec.labels.map((label, k) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row' }, k === 0 ? label : `${k} (${label})`),
          spec.lines.map((l) => h('td', null, (l.text ?? fmt)(l.values[k] ?? 0))),
        ),
      ),
    ),
  );
}

/** A chart in a figure: title, note, legend toggles, canvas, a text summary and a table of values. */
export function lineChart(spec0: ChartSpec, controls?: HTMLElement): Chart {
  let spec = spec0;
  let plot: uPlot | null = null;
  const hidden = new Set<string>();
  const titleId = uid('chart-title');
  const host = h('div', { class: 'chart-canvas', 'aria-hidden': 'true' });
  const legend = h('div', {
    class: 'chart-legend',
    role: 'group',
    'aria-label': `${spec.title}: lines shown`,
  });
  const summary = h('ul', { class: 'chart-summary' });
  const table = h('div', { class: 'chart-table' });
  const title = h('h4', { id: titleId }, spec.title);
  const note = h('p', { class: 'hint' }, spec.note);
  const element = h(
    'figure',
    { class: 'debrief-chart', 'aria-labelledby': titleId },
    title,
    note,
    controls ?? null,
    legend,
    host,
    h('figcaption', { class: 'sr-only' }, h('p', null, `${spec.title}, in words:`), summary),
    h('details', { class: 'chart-data' }, h('summary', null, `${spec.title}: table of values`), table),
  );

  const ro = new ResizeObserver(() => draw());
  ro.observe(host);

  function options(width: number): uPlot.Options {
    return chartOptions(spec, hidden, width);
  }

  function data(): uPlot.AlignedData {
    const xs = spec.labels.map((_, k) => k);
    return [
      xs,
      ...spec.lines.map((l) => l.values),
      ...(spec.threshold ? [xs.map(() => spec.threshold!.value)] : []),
    ] as uPlot.AlignedData;
  }

  function draw(): void {
    const width = Math.floor(host.clientWidth);
    if (width < 50) return;
    if (plot && Math.abs(plot.width - width) < 2) return;
    plot?.destroy();
    plot = new uPlot(options(width), data(), host);
  }

  function texts(): void {
    title.textContent = spec.title;
    note.textContent = spec.note;
    legend.setAttribute('aria-label', `${spec.title}: lines shown`);
    fill(
      legend,
      spec.lines.map((l) => {
        const id = uid('series');
        return h(
          'label',
          { for: id, class: 'chart-key' },
          h('input', {
            type: 'checkbox',
            id,
            checked: !hidden.has(l.name),
            onchange: (e: Event) => {
              if ((e.target as HTMLInputElement).checked) hidden.delete(l.name);
              else hidden.add(l.name);
              plot?.destroy();
              plot = null;
              draw();
            },
          }),
          swatch(l),
          h('span', null, l.name),
        );
      }),
    );
    fill(
      summary,
      describe(spec).map((s) => h('li', null, s)),
    );
    fill(table, valuesTable(spec));
  }

  texts();
  queueMicrotask(draw);
  return {
    element,
    update(next: ChartSpec): void {
      spec = next;
      hidden.clear();
      texts();
      plot?.destroy();
      plot = null;
      draw();
    },
  };
}

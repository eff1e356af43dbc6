/** The debrief's charts: trust (several ways to read it), tension and the peace process, support, economy, programmes. */
import type { ActorVar, World } from '../../engine/index.ts';
import { h, uid } from '../kit/dom.ts';
import { lineChart, styleAt } from './chart.ts';
import type { ChartSpec, Line } from './chart.ts';
import { meanTrust, stagePct, stageWords, trustAt } from './data.ts';
import type { RoundPoint } from './data.ts';

/** A government's label on a chart line: its id, cut to four letters (DPRK, ROK, USA, …). */
const shortOf = (id: string): string => id.slice(0, 4);

function actorLines(
  world: World,
  points: readonly RoundPoint[],
  value: (p: RoundPoint, id: string) => number,
  /** Whether an actor has this line at all (an organisation without an economy has no economy line). */
  has: (a: World['actors'][number]) => boolean = () => true,
): Line[] {
  return world.actors.flatMap((a, k) =>
    has(a)
      ? [{ name: a.name, short: shortOf(a.id), values: points.map((p) => value(p, a.id)), ...styleAt(k) }]
      : [],
  );
}

/** The ways to read trust, for the chart's chooser. */
function trustSpec(world: World, points: readonly RoundPoint[], mode: string, labels: string[]): ChartSpec {
  const base = { labels, title: 'Trust' };
  if (mode === 'received')
    return {
      ...base,
      note: 'How far the other governments trust each one, on average (0–100). Seen keeping its word raises it; seen breaking it or provoking lowers it.',
      lines: actorLines(world, points, (p, id) => meanTrust(world, p, id, 'received')),
    };
  if (mode === 'given')
    return {
      ...base,
      note: 'How far each government trusts the others, on average (0–100).',
      lines: actorLines(world, points, (p, id) => meanTrust(world, p, id, 'given')),
    };
  const [way, who] = mode.split(':') as ['from' | 'to', string];
  const name = world.actors.find((a) => a.id === who)?.name ?? who;
  return {
    ...base,
    note:
      way === 'from'
        ? `How far ${name} trusts each other government (0–100).`
        : `How far each other government trusts ${name} (0–100).`,
    lines: world.actors
      .map((a, k) => ({ a, k }))
      .filter(({ a }) => a.id !== who)
      .map(({ a, k }) => ({
        name: way === 'from' ? `${name} → ${a.name}` : `${a.name} → ${name}`,
        short: shortOf(a.id),
        values: points.map((p) =>
          way === 'from' ? trustAt(world, p, who, a.id) : trustAt(world, p, a.id, who),
        ),
        ...styleAt(k),
      })),
  };
}

export function chartsSection(world: World, points: readonly RoundPoint[]): HTMLElement {
  const labels = points.map((p) => p.label);
  const varChart = (v: ActorVar, title: string, note: string): HTMLElement =>
    lineChart({
      title,
      note,
      labels,
      lines: actorLines(
        world,
        points,
        (p, id) => p.vars[id]![v],
        (a) => v !== 'economy' || !a.noEconomy,
      ),
    }).element;

  // Trust, with a chooser of the way to read it.
  const selectId = uid('trust-mode');
  const select = h(
    'select',
    { id: selectId },
    h('option', { value: 'received' }, 'Trust each government receives (mean of the others)'),
    h('option', { value: 'given' }, 'Trust each government gives (its mean trust in the others)'),
    h(
      'optgroup',
      { label: 'One government’s trust in each of the others' },
      world.actors.map((a) => h('option', { value: `from:${a.id}` }, `${a.name} → the others`)),
    ),
    h(
      'optgroup',
      { label: 'Each other government’s trust in one' },
      world.actors.map((a) => h('option', { value: `to:${a.id}` }, `The others → ${a.name}`)),
    ),
  ) as HTMLSelectElement;
  const trust = lineChart(
    trustSpec(world, points, 'received', labels),
    h('p', { class: 'chart-controls' }, h('label', { for: selectId }, 'Show: '), select),
  );
  select.addEventListener('change', () => trust.update(trustSpec(world, points, select.value, labels)));

  const tension = lineChart({
    title: 'Tension and the peace process',
    note: `Tension (0–100; a crisis past ${world.rules.crisisAt}, a clash possible near the top) and how far the peace process has come, stage by stage from “${world.stages[0] ?? ''}” (0, at the bottom) to “${world.stages[world.stages.length - 1] ?? ''}” (${world.stages.length - 1}, at the top).`,
    labels,
    lines: [
      { name: 'Tension', short: 'Tension', values: points.map((p) => p.tension), ...styleAt(0), width: 2.5 },
      {
        name: 'Peace process',
        short: 'Peace',
        values: points.map((p) => stagePct(world, p.stage)),
        // Drawn from 0 to 100 beside tension, read as the stage itself: its name and its number from 0.
        text: (v) => stageWords(world, v),
        ...styleAt(1),
      },
    ],
    threshold: { value: world.rules.crisisAt, label: `crisis at ${world.rules.crisisAt}` },
  }).element;

  // Programmes: every government's nuclear and missile levels that are ever above zero.
  const programmes: Line[] = [];
  world.actors.forEach((a, k) => {
    for (const [v, word, dash] of [
      ['nuclear', 'nuclear', []],
      ['missile', 'missiles', [7, 4]],
    ] as const) {
      const values = points.map((p) => p.vars[a.id]![v]);
      if (values.some((x) => x > 0))
        programmes.push({
          name: `${a.name}: ${word}`,
          short: `${shortOf(a.id)} ${v === 'nuclear' ? 'nuc' : 'mis'}`,
          values,
          ...styleAt(k),
          dash: [...dash],
        });
    }
  });

  return h(
    'section',
    { class: 'debrief-charts', id: 'debrief-charts', 'aria-labelledby': 'debrief-charts-h' },
    h('h3', { id: 'debrief-charts-h', tabindex: '-1' }, 'How the game moved, round by round'),
    h(
      'p',
      { class: 'hint' },
      'Each line is one government, with its own colour, dash pattern, marker and name at the line’s end.',
      h(
        'span',
        { class: 'screen-only' },
        ' Tick a name to show or hide its line; each chart’s values are in the table beneath it.',
      ),
    ),
    h(
      'div',
      { class: 'chart-grid' },
      trust.element,
      tension,
      varChart(
        'support',
        'Support at home',
        'Domestic support for each leader (0–100). Concessions cost it with a hawkish public; provocations can rally it.',
      ),
      varChart(
        'economy',
        'Economy',
        'Economic health (0–100). Sanctions drain it; lifelines, aid and incentives feed it.',
      ),
      programmes.length
        ? lineChart({
            title: 'Weapons programmes',
            note: 'Nuclear (solid) and missile (dashed) programme levels (0–100). Tests raise them; freezes, moratoria and dismantling hold them down.',
            labels,
            lines: programmes,
          }).element
        : null,
      varChart(
        'security',
        'Security',
        'How safe each government feels (0–100). Tests and drills lower it; guarantees raise it.',
      ),
    ),
  );
}

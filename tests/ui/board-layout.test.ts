/**
 * The board's layout: every label and badge finds a spot that covers no other label, badge or marker and stays
 * inside the map, for every shipped scenario and every government at the screen, at the start and after four
 * rounds of play; off-map governments sit at the edge in their capital's direction; deals are drawn in the
 * state the player saw.
 */
import { describe, expect, it } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import { closePhaseMut, collectMut, playerView, startGame, waitingPhase } from '../../src/engine/index.ts';
import type { GameState, World } from '../../src/engine/index.ts';
import { bearingOnMap } from '../../src/ui/board/geo.ts';
import {
  MAP,
  R,
  estimateWidth,
  layoutBoard,
  markerPositions,
  overlapArea,
  separateLabels,
} from '../../src/ui/board/layout.ts';
import type { Box } from '../../src/ui/board/layout.ts';
import { ALL_LAYERS, boardModel, dealState } from '../../src/ui/board/model.ts';
import { relationLines, spotName } from '../../src/ui/board/hotspots.ts';
import type { BoardModel } from '../../src/ui/board/model.ts';

const SCENARIOS = [
  'panmunjom-2018',
  'hanoi-2019',
  'missile-crisis-2017',
  'present-day',
  'six-party-talks',
  'tutorial',
];

function play(world: World, seed: string, rounds: number): GameState {
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('objective')]));
  const choose = computerChooser(world, seed, seats);
  const s = startGame(world, seed);
  for (let p = waitingPhase(s); p && s.round <= rounds; p = waitingPhase(s)) {
    for (const a of world.actors) collectMut(world, s, a.id, choose(s, a.id, p));
    closePhaseMut(world, s);
  }
  return s;
}

function modelOf(id: string, rounds: number, me: string): BoardModel {
  const { world, scenario } = readScenario(id);
  const capitals = Object.fromEntries(Object.entries(scenario.actors).map(([k, a]) => [k, a.capital]));
  const s = play(world, `layout-${id}`, rounds);
  return boardModel(world, capitals, playerView(world, s, me));
}

/** Every box the layout placed, named for the failure message. */
function boxes(m: BoardModel): [string, Box][] {
  const lay = layoutBoard(m, ALL_LAYERS, estimateWidth);
  const out: [string, Box][] = [];
  for (const [id, s] of lay.spots) {
    const r = R + (m.actors.find((a) => a.id === id)!.isMe ? 6 : 2);
    out.push([`marker ${id}`, { x: s.at.x - r, y: s.at.y - r, w: 2 * r, h: 2 * r }]);
    out.push([`label ${s.lines.map((l) => l.text).join(' / ')}`, s.label]);
  }
  for (const r of lay.relations) if (r.chip) out.push([`${r.kind} badge "${r.chip.text}"`, r.chip.box]);
  return out;
}

describe('the board layout', () => {
  for (const id of SCENARIOS) {
    const { world } = readScenario(id);
    for (const rounds of [0, 4])
      it(`in ${id} after ${rounds} rounds: no label or badge covers another, all inside the map`, () => {
        for (const a of world.actors) {
          const all = boxes(modelOf(id, rounds, a.id));
          for (const [name, b] of all) {
            expect(b.x, `${name} (seen by ${a.id})`).toBeGreaterThanOrEqual(MAP.x);
            expect(b.y, `${name} (seen by ${a.id})`).toBeGreaterThanOrEqual(MAP.y);
            expect(b.x + b.w, `${name} (seen by ${a.id})`).toBeLessThanOrEqual(MAP.x + MAP.width);
            expect(b.y + b.h, `${name} (seen by ${a.id})`).toBeLessThanOrEqual(MAP.y + MAP.height);
          }
          for (let i = 0; i < all.length; i++)
            for (let j = i + 1; j < all.length; j++) {
              const [n1, b1] = all[i]!;
              const [n2, b2] = all[j]!;
              if (n1.startsWith('marker') && n2.startsWith('marker')) continue;
              expect(overlapArea(b1, b2), `${n1} covers ${n2} (seen by ${a.id})`).toBe(0);
            }
        }
      });
  }

  it('puts Washington east and Moscow west-north-west of the map, at its edge', () => {
    const m = modelOf('panmunjom-2018', 0, 'ROK');
    const at = markerPositions(m);
    const usa = at.get('USA')!;
    const rus = at.get('RUS')!;
    expect(usa.x).toBeGreaterThan(MAP.x + MAP.width - 60);
    expect(rus.x).toBeLessThan(MAP.x + 60);
    expect(rus.y).toBeLessThan(MAP.y + MAP.height / 2);
    // The marker lies near the ray from the map's centre in the capital's direction (within 10°: it may slide
    // along the edge to keep clear of a neighbour).
    const c = { x: MAP.x + MAP.width / 2, y: MAP.y + MAP.height / 2 };
    for (const [p, capital] of [
      [rus, [37.62, 55.75]],
      [usa, [-77.04, 38.9]],
    ] as const) {
      const d = bearingOnMap(capital);
      const v = { x: p.x - c.x, y: p.y - c.y };
      const angle = Math.acos((v.x * d.x + v.y * d.y) / Math.hypot(v.x, v.y));
      expect(angle).toBeLessThan((10 * Math.PI) / 180);
    }
    expect(m.actors.find((a) => a.id === 'USA')!.place.kind).toBe('edge');
    expect(m.actors.find((a) => a.id === 'PRC')!.place.kind).toBe('map');
  });

  it('draws deals in force in the state the player saw them', () => {
    const { world, scenario } = readScenario('panmunjom-2018');
    const capitals = Object.fromEntries(Object.entries(scenario.actors).map(([k, a]) => [k, a.capital]));
    const s = play(world, 'layout-deals', 6);
    let drawn = 0;
    for (const a of world.actors) {
      const view = playerView(world, s, a.id);
      const m = boardModel(world, capitals, view);
      for (const d of m.deals) {
        const g = view.agreements.find((x) => x.id === d.id)!;
        expect(d.state).toBe(dealState(g));
        if (g.status === 'broken' || g.status === 'abandoned') expect(d.state).toBe('broken');
        expect(g.status === 'active' || (g.status !== 'completed' && (g.ended ?? 0) >= view.round - 1)).toBe(
          true,
        );
        drawn++;
      }
      const lay = layoutBoard(m, ALL_LAYERS, estimateWidth);
      expect(lay.relations.filter((r) => r.kind === 'deal').length).toBe(m.deals.length);
      const hidden = layoutBoard(m, { ...ALL_LAYERS, deals: false }, estimateWidth);
      expect(hidden.relations.some((r) => r.kind === 'deal')).toBe(false);
    }
    expect(drawn).toBeGreaterThan(0);
  });

  it('lists each deal on the relations card with its terms, who does what', () => {
    // Five rounds of normal players in the Panmunjom thaw: some deal with South Korea is in force.
    const m = modelOf('panmunjom-2018', 5, 'ROK');
    const deal = m.deals.find((d) => d.active && d.parties.includes('ROK'));
    expect(deal, 'a deal of South Korea in force after five rounds').toBeDefined();
    const partner = deal!.parties.find((p) => p !== 'ROK')!;
    const line = relationLines(m, partner).find((l) => l.startsWith(`Deal #${deal!.id} `))!;
    expect(line).toMatch(/Terms: .+: .+/);
    for (const t of deal!.terms) expect(line).toContain(t);
    expect(deal!.terms.some((t) => t.startsWith('You: '))).toBe(true);
  });

  it('names each capital for screen readers, and says when an organisation is away from the table', () => {
    const m = modelOf('six-party-talks', 0, 'ROK');
    expect(relationLines(m, 'DPRK').join(' ')).toMatch(/Your trust in North Korea: \d+ of 100/);
    expect(spotName(m, 'DPRK')).toMatch(
      /^North Korea: trust \d+ from you \((low|guarded|high)\), its trust in you hidden; .*in force with you; relations( and offer)?$/,
    );
    const un = m.actors.find((a) => a.id === 'UN')!;
    expect(un.organisation).toBe(true);
    expect(un.place.kind).toBe('edge');
    const away = {
      ...m,
      actors: m.actors.map((a) => (a.id === 'UN' ? { ...a, present: false, joins: 5 } : a)),
    };
    expect(spotName(away, 'UN')).toMatch(/^UN Security Council \(away from the table\): .*; relations$/);
    const lay = layoutBoard(away, ALL_LAYERS, estimateWidth);
    expect(lay.spots.get('UN')!.lines[1]!.text).toBe('New York (off map) · away');
  });
});

describe('move labels of neighbouring governments', () => {
  it('are pushed apart in the way each stack grows, and stay on the board', () => {
    // Moscow's stack grows down from the top of the map and Beijing's up from below it: at one height they cover.
    const moscow = { x: 40, y: 80, w: 70, h: 16, dir: 1 as const };
    const moscow2 = { ...moscow, y: 100 };
    const beijing = { x: 45, y: 100, w: 80, h: 16, dir: -1 as const };
    const ys = separateLabels([moscow, moscow2, beijing]);
    const box = (b: Box & { dir: number }, y: number): Box => ({
      x: b.x - b.w / 2,
      y: y - b.h / 2,
      w: b.w,
      h: b.h,
    });
    const boxes = [box(moscow, ys[0]!), box(moscow2, ys[1]!), box(beijing, ys[2]!)];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlapArea(boxes[i]!, boxes[j]!)).toBe(0);
    expect(ys.slice(0, 2)).toEqual([80, 100]); // the first placed keep their places
    expect(ys[2]).toBeLessThan(100); // Beijing's label moved up, its own stack's way
    // A label that cannot move further without leaving the board stays where it is rather than leave it.
    expect(separateLabels([moscow, { ...moscow, dir: -1 }], 20, { top: 75, bottom: 436 })).toEqual([80, 80]);
  });
});

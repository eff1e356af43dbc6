/**
 * What the board draws, derived from one player's view: positions, labels and relations, already decided.
 * The scene reads only this; it knows no rules and no engine types beyond ids.
 */
import type { ActorId, PlayerView, World } from '../../engine/index.ts';
import { CAPITALS } from './geo.ts';
import type { LonLat } from './geo.ts';

export type Placement =
  | { kind: 'map'; at: LonLat; label: 'left' | 'right' | 'below' | 'above' }
  /** Off the map: drawn at the frame's edge with an arrow pointing where it lies. */
  | { kind: 'edge'; edge: 'right' | 'top-left' | 'bottom'; slot: number };

export interface BoardActor {
  id: ActorId;
  name: string;
  capital: string;
  place: Placement;
  isMe: boolean;
  leader: string;
}

export interface BoardModel {
  me: ActorId;
  actors: BoardActor[];
  /** How far I trust each other government (0..100). */
  trust: { to: ActorId; value: number }[];
  sanctions: { from: ActorId; to: ActorId; level: number }[];
  channels: { a: ActorId; b: ActorId; kind: 'hotline' | 'backchannel' }[];
  alliances: [ActorId, ActorId][];
  tension: number;
  crisisAt: number;
  stage: number;
  stages: readonly string[];
  round: number;
  rounds: number;
  date: string;
  over: boolean;
}

export interface Layers {
  trust: boolean;
  sanctions: boolean;
  channels: boolean;
  alliances: boolean;
}

export const ALL_LAYERS: Layers = { trust: true, sanctions: true, channels: true, alliances: true };

/** Where the six governments sit, and which side their label goes so that neighbours do not collide. */
// The two Korean capitals are 200 km apart: their markers are drawn a little apart (still inside each country)
// so that the relations between them have room. The true capitals are marked with a dot.
const PLACES: Record<string, Placement> = {
  DPRK: { kind: 'map', at: [125.15, 39.75], label: 'left' },
  ROK: { kind: 'map', at: [127.7, 36.95], label: 'right' },
  PRC: { kind: 'map', at: CAPITALS.beijing!, label: 'below' },
  JPN: { kind: 'map', at: CAPITALS.tokyo!, label: 'below' },
  USA: { kind: 'edge', edge: 'right', slot: 0 },
  RUS: { kind: 'edge', edge: 'top-left', slot: 0 },
};

function placeOf(id: ActorId, capital: string, extra: number): Placement {
  const known = PLACES[id];
  if (known) return known;
  const at = CAPITALS[capital.toLowerCase()];
  if (at) return { kind: 'map', at, label: 'below' };
  return { kind: 'edge', edge: 'bottom', slot: extra };
}

export function boardModel(world: World, capitals: Record<ActorId, string>, view: PlayerView): BoardModel {
  let extra = 0;
  const actors = view.actors.map((a) => {
    const capital = capitals[a.id] ?? a.name;
    const place = placeOf(a.id, capital, extra);
    if (place.kind === 'edge' && place.edge === 'bottom') extra++;
    return { id: a.id, name: a.name, capital, place, isMe: a.id === view.me, leader: a.leader.name };
  });
  const sanctions: BoardModel['sanctions'] = [];
  for (const [from, row] of Object.entries(view.sanctions))
    for (const [to, level] of Object.entries(row)) if (level > 0) sanctions.push({ from, to, level });
  return {
    me: view.me,
    actors,
    trust: Object.entries(view.myTrust).map(([to, value]) => ({ to, value })),
    sanctions,
    channels: view.channels.map((c) => ({ a: c.a, b: c.b, kind: c.channel })),
    alliances: view.alliances.map(([a, b]) => [a, b]),
    tension: view.tension,
    crisisAt: world.rules.crisisAt,
    stage: view.stage,
    stages: world.stages,
    round: view.round,
    rounds: view.rounds,
    date: view.date,
    over: view.end !== null,
  };
}

/** Trust in three bands, each with a word as well as a colour and a line style. */
export function trustBand(value: number): { word: string; colour: number; css: string } {
  if (value >= 50) return { word: 'high', colour: PALETTE.blue, css: '#0072B2' };
  if (value >= 20) return { word: 'guarded', colour: PALETTE.orange, css: '#E69F00' };
  return { word: 'low', colour: PALETTE.vermillion, css: '#D55E00' };
}

/** Okabe–Ito, safe for the common colour-vision deficiencies. */
export const PALETTE = {
  black: 0x000000,
  orange: 0xe69f00,
  sky: 0x56b4e9,
  green: 0x009e73,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  vermillion: 0xd55e00,
  purple: 0xcc79a7,
} as const;

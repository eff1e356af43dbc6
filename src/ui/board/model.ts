/**
 * What the board draws, derived from one player's view: positions, labels and relations, already decided.
 * The scene reads only this; it knows no rules and no engine types beyond ids.
 */
import type { ActorId, AgreementView, PlayerView, World } from '../../engine/index.ts';
import { logTexts } from '../../text/index.ts';
import { refusalsOf, termText } from '../kit/text.ts';
import { CAPITALS, inFrame } from './geo.ts';
import type { LonLat } from './geo.ts';

export type Placement =
  /** On the map, at this place (the marker's centre). */
  | { kind: 'map'; at: LonLat }
  /**
   * Off the map: drawn at the frame's edge, in the direction its capital lies on this map's projection
   * (`toward`, the capital's longitude and latitude), or in a row along the bottom when the capital is unknown.
   */
  | { kind: 'edge'; toward: LonLat | null; slot: number };

export interface BoardActor {
  id: ActorId;
  name: string;
  capital: string;
  place: Placement;
  isMe: boolean;
  leader: string;
  /** An organisation (the UN), not a government. */
  organisation: boolean;
  /** At the table this round (an organisation may join late or leave early). */
  present: boolean;
  /** When an organisation comes to the table or leaves it, if the scenario says. */
  joins?: number;
  leaves?: number;
}

/** A signed deal as this government sees it: kept so far, disputed (a step seen broken or contested), or broken. */
export type DealState = 'kept' | 'disputed' | 'broken';

export interface BoardDeal {
  id: number;
  parties: ActorId[];
  state: DealState;
  /** Still running (else it was broken last round or this one, and is shown one round more). */
  active: boolean;
  /** Steps done of all. */
  done: number;
  steps: number;
  /** Who does what, in words: "North Korea: Freeze a nuclear site", "You: Humanitarian aid → North Korea". */
  terms: string[];
}

export interface BoardModel {
  me: ActorId;
  actors: BoardActor[];
  /** How far I trust each other government (0..100). */
  trust: { to: ActorId; value: number }[];
  sanctions: { from: ActorId; to: ActorId; level: number }[];
  channels: { a: ActorId; b: ActorId; kind: 'hotline' | 'backchannel' }[];
  alliances: [ActorId, ActorId][];
  /** Deals in force, and those broken last round or this one. */
  deals: BoardDeal[];
  /** Governments I may make direct offers to. */
  contacts: ActorId[];
  /** The trust that opens direct offers without a channel. */
  contactTrust: number;
  /** Governments kept apart from me by a refusal (`World.refusals`): why each signs nothing with me, in words. */
  refusals: { id: ActorId; text: string }[];
  /** The phase: offers are made only while it is "proposing". */
  phase: string;
  tension: number;
  crisisAt: number;
  stage: number;
  stages: readonly string[];
  round: number;
  rounds: number;
  date: string;
  over: boolean;
  /** How many log entries this government has seen; moves with a lower index are old news. */
  logSize: number;
  /** What happened lately, as this government saw it, ready to animate (see `movesOf`). */
  moves: BoardMove[];
}

/** One thing to show on the board, derived from one entry of the player's log. */
export interface BoardMove {
  /** The entry's position in the player's log. */
  index: number;
  round: number;
  /**
   * travel: a marker goes from `from` to each of `to` (offers, aid, sanctions, answers);
   * pulse: rings at `from` (tests, exercises, unilateral steps); summit: both sides meet;
   * reveal: what I saw a party do with a promise (kept or broke), at that party;
   * deal: an agreement signed, completed or broken, among its parties; card: an event, election or crisis.
   */
  kind: 'travel' | 'pulse' | 'summit' | 'reveal' | 'deal' | 'card';
  from?: ActorId;
  to: ActorId[];
  /** A short label on the marker, so that nothing is told by colour alone. */
  label: string;
  tone: 'good' | 'bad' | 'neutral';
  /** The log's sentence: the caption while it plays. */
  text: string;
}

export interface Layers {
  trust: boolean;
  sanctions: boolean;
  channels: boolean;
  alliances: boolean;
  deals: boolean;
}

export const ALL_LAYERS: Layers = {
  trust: true,
  sanctions: true,
  channels: true,
  alliances: true,
  deals: true,
};

/**
 * Markers placed by hand: the two Korean capitals are 200 km apart, so their markers are drawn a little apart
 * (still inside each country) to leave the relations between them room. The true capitals are marked with a dot.
 */
const PLACES: Record<string, LonLat> = {
  DPRK: [125.15, 39.75],
  ROK: [127.7, 36.95],
};

function placeOf(id: ActorId, capital: string, extra: number): Placement {
  const at = PLACES[id] ?? CAPITALS[capital.toLowerCase()];
  if (at && inFrame(at)) return { kind: 'map', at };
  return { kind: 'edge', toward: at ?? null, slot: extra };
}

/** How a deal looks to `me`: broken once it ended broken or abandoned, disputed once a step was. */
export function dealState(g: AgreementView): DealState {
  if (g.status === 'broken' || g.status === 'abandoned') return 'broken';
  if (g.strikes > 0 || g.record.some((r) => r.disputed || Object.values(r.saw).includes(false)))
    return 'disputed';
  return 'kept';
}

export function boardModel(world: World, capitals: Record<ActorId, string>, view: PlayerView): BoardModel {
  let extra = 0;
  const actors = view.actors.map((a) => {
    const capital = capitals[a.id] ?? a.name;
    const place = placeOf(a.id, capital, extra);
    if (place.kind === 'edge' && !place.toward) extra++;
    const def = world.actors.find((x) => x.id === a.id);
    return {
      id: a.id,
      name: a.name,
      capital,
      place,
      isMe: a.id === view.me,
      leader: a.leader.name,
      organisation: def?.organisation === true,
      present: a.present !== false,
      ...(def?.joins !== undefined ? { joins: def.joins } : {}),
      ...(def?.leaves !== undefined ? { leaves: def.leaves } : {}),
    };
  });
  const sanctions: BoardModel['sanctions'] = [];
  for (const [from, row] of Object.entries(view.sanctions))
    for (const [to, level] of Object.entries(row)) if (level > 0) sanctions.push({ from, to, level });
  const ids = new Set(actors.map((a) => a.id));
  const deals = view.agreements
    // In force, or broken (or walked away from) last round or this one; a deal carried out leaves the map.
    .filter(
      (g) =>
        g.status === 'active' || (g.status !== 'completed' && g.ended !== null && g.ended >= view.round - 1),
    )
    .filter((g) => g.parties.filter((p) => ids.has(p)).length >= 2)
    .map((g) => ({
      id: g.id,
      parties: g.parties.filter((p) => ids.has(p)),
      state: dealState(g),
      active: g.status === 'active',
      done: g.done,
      steps: g.steps,
      terms: g.terms.map((t) => termText(world, t, view.me)),
    }));
  return {
    me: view.me,
    actors,
    trust: Object.entries(view.myTrust).map(([to, value]) => ({ to, value })),
    sanctions,
    channels: view.channels.map((c) => ({ a: c.a, b: c.b, kind: c.channel })),
    alliances: view.alliances.map(([a, b]) => [a, b]),
    deals,
    contacts: [...view.contacts],
    contactTrust: world.rules.contactTrust,
    refusals: refusalsOf(world, view.me),
    phase: view.phase,
    tension: view.tension,
    crisisAt: world.rules.crisisAt,
    stage: view.stage,
    stages: world.stages,
    round: view.round,
    rounds: view.rounds,
    date: view.date,
    over: view.end !== null,
    logSize: view.log.length,
    moves: movesOf(view, view.round - 1, world),
  };
}

const HOSTILE = new Set([
  'impose-sanctions',
  'cut-lifeline',
  'hold-exercises',
  'missile-defence',
  'missile-test',
  'nuclear-test',
  'border-provocation',
  'cyber-operation',
  'arms-cooperation',
]);

const SHORT: Record<string, string> = {
  'humanitarian-aid': 'Aid',
  'cultural-exchange': 'Exchange',
  'family-reunions': 'Reunions',
  hotline: 'Hotline',
  backchannel: 'Backchannel',
  summit: 'Summit',
  'convene-talks': 'Talks',
  mediate: 'Mediation',
  'appeal-to-un': 'UN appeal',
  'public-diplomacy': 'Diplomacy',
  'lift-sanctions': 'Sanctions −',
  'impose-sanctions': 'Sanctions +',
  'economic-incentives': 'Incentives',
  'economic-lifeline': 'Lifeline',
  'cut-lifeline': 'Lifeline cut',
  'security-guarantee': 'Guarantee',
  'suspend-exercises': 'Drills off',
  'hold-exercises': 'Exercises',
  'joint-patrols': 'Patrols',
  'missile-defence': 'Missile defence',
  'intelligence-sharing': 'Intel',
  'arms-cooperation': 'Arms',
  'missile-moratorium': 'Moratorium',
  'freeze-site': 'Freeze',
  'dismantle-site': 'Dismantle',
  'allow-inspections': 'Inspections',
  'missile-test': 'Missile test',
  'nuclear-test': 'Nuclear test',
  'border-provocation': 'Provocation',
  'cyber-operation': 'Cyber',
};

/**
 * The moves to animate from the player's log entries of `fromRound` on: only what this government saw
 * (the view's log is already filtered), read from each entry's kind, actor, target and ref.
 */
export function movesOf(view: PlayerView, fromRound: number, world: World): BoardMove[] {
  const out: BoardMove[] = [];
  const ids = new Set(view.actors.map((a) => a.id));
  const known = (id: ActorId | undefined): id is ActorId => id !== undefined && ids.has(id);
  // The log's own sentences: an event seen before is named, not told again, on its card.
  const texts = logTexts(view.log, { world, me: view.me });
  for (let index = view.log.length - 1; index >= 0; index--) {
    const e = view.log[index]!;
    if (e.round < fromRound) break;
    const base = { index, round: e.round, text: texts[index]! };
    switch (e.kind) {
      case 'offer': {
        const o = view.offers.find((x) => x.id === e.ref);
        const to = (o ? [...o.parties] : []).filter((p) => p !== e.actor && known(p));
        if (known(e.actor) && to.length)
          out.push({ ...base, kind: 'travel', from: e.actor, to, label: `Offer #${e.ref}`, tone: 'neutral' });
        break;
      }
      case 'rejected': {
        const o = view.offers.find((x) => x.id === e.ref);
        if (known(e.actor) && o && known(o.from) && o.from !== e.actor)
          out.push({
            ...base,
            kind: 'travel',
            from: e.actor,
            to: [o.from],
            label: `No to #${e.ref}`,
            tone: 'bad',
          });
        break;
      }
      case 'action': {
        if (!known(e.actor)) break;
        const id = e.ref;
        const label = SHORT[id] ?? id;
        const tone = HOSTILE.has(id) ? 'bad' : 'good';
        if (id === 'summit' && known(e.target))
          out.push({ ...base, kind: 'summit', from: e.actor, to: [e.target], label, tone });
        else if (known(e.target) && e.target !== e.actor)
          out.push({ ...base, kind: 'travel', from: e.actor, to: [e.target], label, tone });
        else out.push({ ...base, kind: 'pulse', from: e.actor, to: [], label, tone });
        break;
      }
      case 'compliance': {
        if (!known(e.actor)) break;
        const broke = !e.kept;
        out.push({
          ...base,
          kind: 'reveal',
          from: e.actor,
          to: [view.me],
          label: broke ? `✗ broke #${e.ref}` : `✓ kept #${e.ref}`,
          tone: broke ? 'bad' : 'good',
        });
        break;
      }
      case 'agreement':
      case 'completed':
      case 'broken':
      case 'disputed':
      case 'walked-away': {
        const g = view.agreements.find((x) => x.id === e.ref);
        const parties = (g?.parties ?? []).filter(known);
        const broke = e.kind === 'broken' || e.kind === 'walked-away';
        const bad = broke || e.kind === 'disputed';
        const label = {
          agreement: `Deal #${e.ref} signed`,
          completed: `Deal #${e.ref} done`,
          broken: `Deal #${e.ref} broken`,
          'walked-away': `Deal #${e.ref} broken`,
          disputed: `Deal #${e.ref} disputed`,
        }[e.kind];
        out.push({
          ...base,
          kind: parties.length >= 2 ? 'deal' : 'card',
          to: parties,
          label,
          tone: bad ? 'bad' : 'good',
        });
        break;
      }
      case 'event':
      case 'election':
      case 'leader':
      case 'hardline':
      case 'crisis':
      case 'clash': {
        const actor = 'actor' in e ? e.actor : undefined;
        out.push({
          ...base,
          kind: 'card',
          ...(known(actor) ? { from: actor } : {}),
          // A clash is drawn between the flashpoint pair it broke out on.
          to: e.kind === 'clash' && e.target && known(actor) ? [e.target] : [],
          label:
            e.kind === 'crisis' || e.kind === 'clash' ? 'Crisis' : e.kind === 'event' ? 'Event' : 'Politics',
          tone: e.kind === 'crisis' || e.kind === 'clash' ? 'bad' : 'neutral',
        });
        break;
      }
      default:
        break;
    }
  }
  return out.reverse();
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

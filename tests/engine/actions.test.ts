/**
 * Actions, family by family. A unilateral action: one government takes it in the commitment phase of a fresh
 * game (every seat proposed and answered nothing) and the resolution phase runs. A joint action (it takes two)
 * cannot be taken alone, so it runs as the actor's term of a one-step deal with the target, whose own term is a
 * public-diplomacy campaign (its effects touch only the partner's support, influence and economy), verified
 * without error so that the step completes. Each row asserts what the catalogue entry says must change;
 * expected numbers are read from the catalogue, and the rows fix directions.
 */
import { describe, expect, test } from 'vitest';
import {
  applyAction,
  applyReadings,
  beginRound,
  canTalk,
  checkInput,
  clamp,
  engagementRecord,
  mayTake,
  react,
  resolve,
  seedState,
  startGame,
  stateFacts,
  submit,
  unmet,
  whatIfCopy,
} from '../../src/engine/index.ts';
import type {
  ActionDef,
  ActorId,
  ActorVar,
  Effect,
  GameState,
  Reading,
  Term,
} from '../../src/engine/index.ts';
import { ACTOR_VARS, ACTION_FAMILIES } from '../../src/engine/types.ts';
import {
  CATALOGUE_WORLD as WORLD,
  IDS,
  actionDef,
  collected,
  commitment,
  copy,
  hawk,
  ix,
  offer,
  others,
  pairOf,
  readingFx,
  resolveWith,
  roundStartsAt,
  setPair,
  signed,
  submitAll,
  tensionFx,
  term,
  varFx,
  varOf,
  withRules,
} from './helpers.ts';

const START = startGame(WORLD, 'actions');
const BASE = submitAll(WORLD, submitAll(WORLD, START));
/** Deals in these tests are verified without error, so a kept step is never disputed. */
const EXACT = withRules(WORLD, { accuracy: { ...WORLD.rules.accuracy, inspections: 1 } });
const PARTNER_TERM = 'public-diplomacy';

interface Ctx {
  def: ActionDef;
  before: GameState;
  after: GameState;
  /** after - before */
  v: (id: ActorId, variable: ActorVar) => number;
  trust: (from: ActorId, to: ActorId) => number;
  sanctions: (from: ActorId, to: ActorId) => number;
  lifeline: (from: ActorId, to: ActorId) => number;
  tension: number;
  /** The share of a tension effect felt for an action between these two (1 between rivals or when untargeted). */
  between: number;
  /** The tension change the catalogue gives this action here. */
  tensionNow: number;
  stage: number;
  /** Asserts a change of exactly `delta`, as far as the 0..100 bounds allow. */
  varMoved: (id: ActorId, variable: ActorVar, delta: number) => void;
  trustMoved: (from: ActorId, to: ActorId, delta: number) => void;
}

interface Row {
  name: string;
  by: ActorId;
  action: string;
  target?: ActorId;
  /** For a joint action: the partner's term of the deal (default: the partner's public-diplomacy campaign). */
  partner?: Term;
  /** Edits the starting state (a copy of a fresh game at its proposing phase) before anything happens. */
  prepare?: (s: GameState) => void;
  check: (c: Ctx) => void;
}

/** The states just before and just after the resolution in which the action happens. */
function runAction(
  by: ActorId,
  action: string,
  target: ActorId | undefined,
  prepare?: (s: GameState) => void,
  partner?: Term,
): { before: GameState; after: GameState } {
  const def = actionDef(action);
  const start = copy(START);
  prepare?.(start);
  roundStartsAt(start, start.stage); // each action is seen on its own: the round began at the stage prepared
  if (!def.joint) {
    const before = submitAll(WORLD, submitAll(WORLD, start));
    return {
      before,
      after: resolveWith(WORLD, before, {
        [by]: commitment([target === undefined ? { action } : { action, target }]),
      }),
    };
  }
  const other = partner ?? term(target!, PARTNER_TERM);
  if (!canTalk(WORLD, start, ix(by), ix(other.by)))
    setPair(start, 'trust', by, other.by, WORLD.rules.contactTrust);
  const { s: before } = signed(
    EXACT,
    offer([term(by, action, target), other], 'inspections', 1),
    by,
    'actions',
    start,
  );
  return { before, after: resolveWith(EXACT, before) };
}

const betweenOf = (s: GameState, by: ActorId, target: ActorId | undefined): number =>
  target === undefined || pairOf(s, 'rivalry', by, target) === 1 ? 1 : WORLD.rules.nonRivalTension;

function run(row: Row): Ctx {
  const { before, after } = runAction(row.by, row.action, row.target, row.prepare, row.partner);
  const between = betweenOf(before, row.by, row.target);
  const def = actionDef(row.action);
  const moved = (b: number, a: number, delta: number): void => {
    expect(a).toBeCloseTo(clamp(b + delta), 9);
  };
  return {
    def,
    before,
    after,
    v: (id, x) => varOf(after, id, x) - varOf(before, id, x),
    trust: (f, t) => pairOf(after, 'trust', f, t) - pairOf(before, 'trust', f, t),
    sanctions: (f, t) => pairOf(after, 'sanctions', f, t) - pairOf(before, 'sanctions', f, t),
    lifeline: (f, t) => pairOf(after, 'lifeline', f, t) - pairOf(before, 'lifeline', f, t),
    tension: after.tension - before.tension,
    between,
    tensionNow: def.effects.some((e) => e.kind === 'tension') ? tensionFx(def) * between : 0,
    stage: after.stage - before.stage,
    varMoved: (id, x, delta) => moved(varOf(before, id, x), varOf(after, id, x), delta),
    trustMoved: (f, t, delta) => moved(pairOf(before, 'trust', f, t), pairOf(after, 'trust', f, t), delta),
  };
}

const check = (row: Row): void => row.check(run(row));

// ---------------------------------------------------------------------------------------------

const ENGAGEMENT: Row[] = [
  {
    name: 'humanitarian aid (ROK to DPRK) raises the DPRK economy and support, costs the ROK economy, builds DPRK trust, eases tension',
    by: 'ROK',
    action: 'humanitarian-aid',
    target: 'DPRK',
    check: ({ def, v, trust, tension, tensionNow, varMoved, trustMoved }) => {
      expect(varFx(def, 'target', 'economy')).toBeGreaterThan(0);
      varMoved('DPRK', 'economy', varFx(def, 'target', 'economy'));
      varMoved('DPRK', 'support', varFx(def, 'target', 'support'));
      varMoved('ROK', 'economy', -def.cost.economy!);
      // A first shipment earns no trust: engagement's goodwill is a record (see the engagement record tests).
      expect(readingFx(def, 'target')).toBeGreaterThan(0);
      trustMoved('DPRK', 'ROK', 0);
      expect(trust('USA', 'ROK')).toBe(0);
      expect(tension).toBeCloseTo(tensionNow, 9);
      expect(tension).toBeLessThan(0);
      expect(v('USA', 'economy')).toBe(0);
    },
  },
  {
    name: 'humanitarian aid coexists with sanctions: China aids the DPRK and its sanctions level stays where it was',
    by: 'PRC',
    action: 'humanitarian-aid',
    target: 'DPRK',
    check: ({ sanctions, trustMoved, before }) => {
      expect(pairOf(before, 'sanctions', 'PRC', 'DPRK')).toBeGreaterThan(0);
      expect(sanctions('PRC', 'DPRK')).toBe(0);
      trustMoved('DPRK', 'PRC', 0); // a first shipment: no record yet
    },
  },
  {
    name: 'cultural exchange (USA with DPRK, a deal term) eases tension and adds US influence for a little economy',
    by: 'USA',
    action: 'cultural-exchange',
    target: 'DPRK',
    check: ({ def, tension, tensionNow, varMoved }) => {
      expect(tension).toBeCloseTo(tensionNow, 9);
      expect(tension).toBeLessThan(0);
      varMoved('USA', 'influence', varFx(def, 'self', 'influence'));
      varMoved('USA', 'economy', -def.cost.economy!);
    },
  },
  {
    name: 'family reunions (ROK and DPRK each hosting the other, a deal) raise support on both sides and ease tension twice over',
    by: 'ROK',
    action: 'family-reunions',
    target: 'DPRK',
    partner: term('DPRK', 'family-reunions', 'ROK'),
    check: ({ def, tension, tensionNow, varMoved }) => {
      varMoved('DPRK', 'support', varFx(def, 'target', 'support'));
      varMoved('ROK', 'support', varFx(def, 'target', 'support'));
      varMoved('ROK', 'economy', -def.cost.economy!);
      expect(tension).toBeCloseTo(2 * tensionNow, 9);
    },
  },
];

const CHANNEL: Row[] = [
  {
    name: 'a hotline (USA with DPRK, a deal term) opens the channel both ways, eases tension, and lets either side propose at any trust',
    by: 'USA',
    action: 'hotline',
    target: 'DPRK',
    check: ({ before, after, tension, tensionNow }) => {
      expect(pairOf(before, 'hotline', 'USA', 'DPRK')).toBe(0);
      expect(pairOf(after, 'hotline', 'USA', 'DPRK')).toBe(1);
      expect(pairOf(after, 'hotline', 'DPRK', 'USA')).toBe(1);
      expect(tension).toBeCloseTo(tensionNow, 9);
      const distrust = (s: GameState): GameState => {
        const c = copy(s);
        setPair(c, 'trust', 'USA', 'DPRK', 0, true);
        return c;
      };
      expect(canTalk(WORLD, distrust(before), ix('USA'), ix('DPRK'))).toBe(false);
      expect(canTalk(WORLD, distrust(after), ix('USA'), ix('DPRK'))).toBe(true);
      expect(canTalk(WORLD, distrust(after), ix('DPRK'), ix('USA'))).toBe(true);
    },
  },
  {
    name: 'a backchannel (USA to DPRK) opens quietly: both ways, no tension change, and only the two governments see it happen',
    by: 'USA',
    action: 'backchannel',
    target: 'DPRK',
    check: ({ def, after, tension, trust, trustMoved }) => {
      expect(pairOf(after, 'backchannel', 'USA', 'DPRK')).toBe(1);
      expect(pairOf(after, 'backchannel', 'DPRK', 'USA')).toBe(1);
      expect(tension).toBe(0);
      trustMoved('DPRK', 'USA', readingFx(def, 'target'));
      expect(trust('JPN', 'USA')).toBe(0);
      const entry = after.log.find((e) => e.kind === 'action' && e.ref === 'backchannel')!;
      expect([...entry.to!].sort()).toEqual(['DPRK', 'USA']);
    },
  },
];

const DIPLOMACY: Row[] = [
  {
    name: 'a summit between rivals (DPRK with USA, a deal term) wins the leader influence and support at home; with the completed deal it still moves the stage only one step in the round',
    by: 'DPRK',
    action: 'summit',
    target: 'USA',
    check: ({ def, before, stage, tension, tensionNow, between, varMoved }) => {
      expect(between).toBe(1);
      expect(before.stage).toBe(1);
      expect(stage).toBe(1);
      expect(tension).toBeCloseTo(tensionNow, 9);
      varMoved('DPRK', 'influence', varFx(def, 'self', 'influence'));
      varMoved('DPRK', 'support', varFx(def, 'self', 'support'));
    },
  },
  {
    // Between allies, so that the completed deal itself does not move the stage.
    name: 'a summit between allies (ROK with USA) raises the stage by one and eases tension a little, but wins nothing at home',
    by: 'ROK',
    action: 'summit',
    target: 'USA',
    check: ({ def, before, stage, tension, tensionNow, between, v }) => {
      expect(between).toBeLessThan(1);
      expect(before.stage).toBe(1);
      expect(stage).toBe(1);
      expect(tension).toBeCloseTo(tensionNow, 9);
      expect(v('ROK', 'influence')).toBe(0);
      expect(v('ROK', 'support')).toBe(0);
      expect(v('ROK', 'economy')).toBe(-def.cost.economy!);
    },
  },
  {
    name: 'a summit cannot take the peace process past Talks (its at-most)',
    by: 'ROK',
    action: 'summit',
    target: 'USA',
    prepare: (s) => (s.stage = 2),
    check: ({ stage, after }) => {
      expect(WORLD.stages[after.stage]).toBe('Talks');
      expect(stage).toBe(0);
    },
  },
  {
    // Regression: the at-most cap used to clamp the stage down, so a summit during an agreement undid it.
    name: 'a summit at the Agreement stage leaves the stage where it is rather than pulling it back to Talks',
    by: 'ROK',
    action: 'summit',
    target: 'USA',
    prepare: (s) => (s.stage = 3),
    check: ({ stage }) => expect(stage).toBe(0),
  },
  {
    name: 'convening six-party talks (PRC) opens the forum for its rounds, nets influence after its cost, and everyone trusts China a little more',
    by: 'PRC',
    action: 'convene-talks',
    check: ({ def, before, after, v, varMoved, trustMoved }) => {
      const forum = def.effects.find((e) => e.kind === 'forum');
      expect(before.forum).toBe(0);
      expect(after.forum).toBe(forum?.kind === 'forum' ? forum.rounds : NaN);
      varMoved('PRC', 'influence', varFx(def, 'self', 'influence') - def.cost.influence!);
      expect(v('PRC', 'influence')).toBeGreaterThan(0);
      for (const o of others('PRC')) trustMoved(o, 'PRC', readingFx(def, 'all'));
    },
  },
  {
    name: 'offering to mediate (RUS) adds influence and eases tension; everyone trusts Russia a little more',
    by: 'RUS',
    action: 'mediate',
    check: ({ def, tension, tensionNow, varMoved, trustMoved }) => {
      varMoved('RUS', 'influence', varFx(def, 'self', 'influence'));
      expect(tension).toBeCloseTo(tensionNow, 9);
      for (const o of others('RUS')) trustMoved(o, 'RUS', readingFx(def, 'all'));
    },
  },
  {
    name: 'an appeal to the UN (JPN against DPRK) lowers DPRK influence, pleases the Japanese public for one influence, and costs DPRK trust in Japan',
    by: 'JPN',
    action: 'appeal-to-un',
    target: 'DPRK',
    check: ({ def, varMoved, trustMoved }) => {
      varMoved('DPRK', 'influence', varFx(def, 'target', 'influence'));
      varMoved('JPN', 'support', varFx(def, 'self', 'support'));
      varMoved('JPN', 'influence', -def.cost.influence!);
      expect(readingFx(def, 'target')).toBeLessThan(0);
      trustMoved('DPRK', 'JPN', readingFx(def, 'target'));
    },
  },
  {
    name: 'a public-diplomacy campaign (USA) raises support and influence for one economy and moves nobody’s trust',
    by: 'USA',
    action: 'public-diplomacy',
    check: ({ def, before, after, varMoved }) => {
      varMoved('USA', 'support', varFx(def, 'self', 'support'));
      varMoved('USA', 'influence', varFx(def, 'self', 'influence'));
      varMoved('USA', 'economy', -def.cost.economy!);
      expect(after.trust).toEqual(before.trust);
    },
  },
];

const LIFTERS: ActorId[] = ['USA', 'JPN', 'ROK', 'PRC', 'RUS'];

const ECONOMIC: Row[] = [
  {
    name: 'imposing sanctions (ROK on DPRK) raises the level by one and tension; the DPRK and its ally China trust the ROK less, the USA not at all',
    by: 'ROK',
    action: 'impose-sanctions',
    target: 'DPRK',
    check: ({ def, sanctions, tension, tensionNow, trust, varMoved, trustMoved }) => {
      expect(sanctions('ROK', 'DPRK')).toBe(1);
      expect(tension).toBeCloseTo(tensionNow, 9);
      varMoved('ROK', 'support', varFx(def, 'self', 'support') * hawk('ROK'));
      trustMoved('DPRK', 'ROK', readingFx(def, 'target'));
      trustMoved('PRC', 'ROK', readingFx(def, 'target-allies'));
      expect(trust('USA', 'ROK')).toBe(0);
    },
  },
  {
    name: 'lifting sanctions (USA on DPRK) lowers the level by one; the DPRK trusts the USA more, its allies Seoul and Tokyo less',
    by: 'USA',
    action: 'lift-sanctions',
    target: 'DPRK',
    check: ({ def, sanctions, trustMoved }) => {
      expect(sanctions('USA', 'DPRK')).toBe(-1);
      trustMoved('DPRK', 'USA', readingFx(def, 'target'));
      trustMoved('ROK', 'USA', readingFx(def, 'allies'));
      trustMoved('JPN', 'USA', readingFx(def, 'allies'));
    },
  },
  ...LIFTERS.map((by): Row => ({
    name: `lifting sanctions costs ${by} support scaled by its public's hawkishness (${WORLD.actors[ix(by)]!.hawkishness})`,
    by,
    action: 'lift-sanctions',
    target: 'DPRK',
    check: ({ def, v }) => {
      expect(varFx(def, 'self', 'support')).toBeLessThan(0);
      expect(v(by, 'support')).toBeCloseTo(varFx(def, 'self', 'support') * hawk(by), 9);
    },
  })),
  {
    name: 'phased economic incentives (JPN to DPRK) feed the DPRK economy, cost Japan economy and (hawkish) support, and build DPRK trust',
    by: 'JPN',
    action: 'economic-incentives',
    target: 'DPRK',
    check: ({ def, varMoved, trustMoved }) => {
      varMoved('DPRK', 'economy', varFx(def, 'target', 'economy'));
      varMoved('JPN', 'economy', -def.cost.economy!);
      varMoved('JPN', 'support', varFx(def, 'self', 'support') * hawk('JPN'));
      trustMoved('DPRK', 'JPN', readingFx(def, 'target'));
    },
  },
  {
    name: 'an economic lifeline (PRC to DPRK) raises the lifeline level; the DPRK trusts China more, China’s rivals (USA, JPN) less, the ROK no differently',
    by: 'PRC',
    action: 'economic-lifeline',
    target: 'DPRK',
    check: ({ def, lifeline, trust, varMoved, trustMoved }) => {
      expect(lifeline('PRC', 'DPRK')).toBe(1);
      varMoved('PRC', 'influence', varFx(def, 'self', 'influence'));
      varMoved('PRC', 'economy', -def.cost.economy!);
      trustMoved('DPRK', 'PRC', readingFx(def, 'target'));
      trustMoved('USA', 'PRC', readingFx(def, 'rivals'));
      trustMoved('JPN', 'PRC', readingFx(def, 'rivals'));
      expect(trust('ROK', 'PRC')).toBe(0);
    },
  },
  {
    name: 'cutting the lifeline (RUS to DPRK) lowers the lifeline level; the DPRK trusts Russia less, Russia’s rivals more',
    by: 'RUS',
    action: 'cut-lifeline',
    target: 'DPRK',
    check: ({ def, lifeline, varMoved, trustMoved }) => {
      expect(lifeline('RUS', 'DPRK')).toBe(-1);
      varMoved('RUS', 'influence', varFx(def, 'self', 'influence'));
      trustMoved('DPRK', 'RUS', readingFx(def, 'target'));
      trustMoved('USA', 'RUS', readingFx(def, 'rivals'));
    },
  },
];

const SECURITY: Row[] = [
  {
    name: 'a security guarantee (USA to DPRK) raises DPRK security, costs US support by hawkishness, eases tension; the DPRK trusts the USA more, US allies a little less',
    by: 'USA',
    action: 'security-guarantee',
    target: 'DPRK',
    check: ({ def, tension, tensionNow, varMoved, trustMoved }) => {
      varMoved('DPRK', 'security', varFx(def, 'target', 'security'));
      varMoved('USA', 'support', varFx(def, 'self', 'support') * hawk('USA'));
      expect(tension).toBeCloseTo(tensionNow, 9);
      trustMoved('DPRK', 'USA', readingFx(def, 'target'));
      trustMoved('ROK', 'USA', readingFx(def, 'allies'));
    },
  },
  {
    name: 'suspending exercises (USA toward DPRK) raises DPRK security, lowers the allies’ (ROK, JPN) security, and cuts tension',
    by: 'USA',
    action: 'suspend-exercises',
    target: 'DPRK',
    check: ({ def, tension, tensionNow, v, varMoved }) => {
      varMoved('DPRK', 'security', varFx(def, 'target', 'security'));
      varMoved('ROK', 'security', varFx(def, 'allies', 'security'));
      varMoved('JPN', 'security', varFx(def, 'allies', 'security'));
      expect(v('USA', 'security')).toBe(0);
      expect(tension).toBeCloseTo(tensionNow, 9);
    },
  },
  {
    name: 'holding exercises (ROK toward DPRK) raises ROK and US security, lowers DPRK security, raises tension; the DPRK reads target and rival readings',
    by: 'ROK',
    action: 'hold-exercises',
    target: 'DPRK',
    check: ({ def, tension, tensionNow, v, varMoved, trustMoved }) => {
      varMoved('ROK', 'security', varFx(def, 'self', 'security'));
      varMoved('USA', 'security', varFx(def, 'allies', 'security'));
      expect(v('JPN', 'security')).toBe(0);
      varMoved('DPRK', 'security', varFx(def, 'target', 'security'));
      expect(tension).toBeCloseTo(tensionNow, 9);
      trustMoved('DPRK', 'ROK', readingFx(def, 'target') + readingFx(def, 'rivals'));
      trustMoved('USA', 'ROK', readingFx(def, 'allies'));
    },
  },
  {
    name: 'joint patrols (ROK with DPRK, a deal term) cut tension at a small cost in ROK security',
    by: 'ROK',
    action: 'joint-patrols',
    target: 'DPRK',
    check: ({ def, tension, tensionNow, varMoved }) => {
      expect(tension).toBeCloseTo(tensionNow, 9);
      varMoved('ROK', 'security', varFx(def, 'self', 'security'));
    },
  },
  {
    name: 'missile defence (JPN) raises Japan’s security for economy and tension; Japan’s rivals (DPRK, PRC, RUS) trust it less, the USA not at all',
    by: 'JPN',
    action: 'missile-defence',
    check: ({ def, tension, tensionNow, trust, varMoved, trustMoved }) => {
      varMoved('JPN', 'security', varFx(def, 'self', 'security'));
      varMoved('JPN', 'economy', -def.cost.economy!);
      expect(tension).toBeCloseTo(tensionNow, 9);
      for (const r of ['DPRK', 'PRC', 'RUS']) trustMoved(r, 'JPN', readingFx(def, 'rivals'));
      expect(trust('USA', 'JPN')).toBe(0);
    },
  },
  {
    name: 'intelligence sharing (USA with JPN, a deal term) raises both governments’ security',
    by: 'USA',
    action: 'intelligence-sharing',
    target: 'JPN',
    check: ({ def, tension, varMoved }) => {
      varMoved('USA', 'security', varFx(def, 'self', 'security'));
      varMoved('JPN', 'security', varFx(def, 'target', 'security'));
      expect(tension).toBe(0);
    },
  },
  {
    name: 'military-technical cooperation (RUS with DPRK, a deal term) raises DPRK missiles, Russian influence and economy, and tension',
    by: 'RUS',
    action: 'arms-cooperation',
    target: 'DPRK',
    check: ({ def, tension, tensionNow, varMoved }) => {
      varMoved('DPRK', 'missile', varFx(def, 'target', 'missile'));
      varMoved('RUS', 'influence', varFx(def, 'self', 'influence'));
      varMoved('RUS', 'economy', varFx(def, 'self', 'economy'));
      expect(tension).toBeCloseTo(tensionNow, 9);
      expect(tension).toBeGreaterThan(0);
    },
  },
];

const PROGRAMME: Row[] = [
  {
    name: 'a missile-test moratorium (DPRK) cuts tension, costs support by hawkishness, and every government trusts the DPRK more',
    by: 'DPRK',
    action: 'missile-moratorium',
    check: ({ def, tension, tensionNow, varMoved, trustMoved }) => {
      expect(tension).toBeCloseTo(tensionNow, 9);
      varMoved('DPRK', 'support', varFx(def, 'self', 'support') * hawk('DPRK'));
      for (const o of others('DPRK')) trustMoved(o, 'DPRK', readingFx(def, 'all'));
    },
  },
  {
    name: 'freezing a site (DPRK) lowers the nuclear level and security, costs support, cuts tension, and buys trust from all',
    by: 'DPRK',
    action: 'freeze-site',
    check: ({ def, tension, tensionNow, varMoved, trustMoved }) => {
      expect(varFx(def, 'self', 'nuclear')).toBeLessThan(0);
      varMoved('DPRK', 'nuclear', varFx(def, 'self', 'nuclear'));
      varMoved('DPRK', 'security', varFx(def, 'self', 'security'));
      varMoved('DPRK', 'support', varFx(def, 'self', 'support') * hawk('DPRK'));
      expect(tension).toBeCloseTo(tensionNow, 9);
      for (const o of others('DPRK')) trustMoved(o, 'DPRK', readingFx(def, 'all'));
    },
  },
  {
    name: 'dismantling a site (DPRK) lowers the nuclear level more than a freeze, and buys more trust',
    by: 'DPRK',
    action: 'dismantle-site',
    check: ({ def, v, varMoved, trustMoved }) => {
      const freeze = actionDef('freeze-site');
      expect(varFx(def, 'self', 'nuclear')).toBeLessThan(varFx(freeze, 'self', 'nuclear'));
      expect(readingFx(def, 'all')).toBeGreaterThan(readingFx(freeze, 'all'));
      varMoved('DPRK', 'nuclear', varFx(def, 'self', 'nuclear'));
      expect(v('DPRK', 'nuclear')).toBeLessThan(0);
      trustMoved('PRC', 'DPRK', readingFx(def, 'all'));
    },
  },
  {
    name: 'allowing inspections (DPRK) lowers the nuclear level a little and buys trust from all',
    by: 'DPRK',
    action: 'allow-inspections',
    check: ({ def, varMoved, trustMoved }) => {
      varMoved('DPRK', 'nuclear', varFx(def, 'self', 'nuclear'));
      for (const o of others('DPRK')) trustMoved(o, 'DPRK', readingFx(def, 'all'));
    },
  },
];

const PROVOCATION: Row[] = [
  {
    name: 'a missile test raises DPRK missile and tension, lowers every other government’s security, and lowers every other government’s trust in the DPRK (rivals’ most)',
    by: 'DPRK',
    action: 'missile-test',
    prepare: (s) => others('DPRK').forEach((o) => setPair(s, 'trust', o, 'DPRK', 50)),
    check: ({ def, before, tension, tensionNow, trust, varMoved, trustMoved }) => {
      expect(varFx(def, 'self', 'missile')).toBeGreaterThan(0);
      varMoved('DPRK', 'missile', varFx(def, 'self', 'missile'));
      varMoved('DPRK', 'support', varFx(def, 'self', 'support') * hawk('DPRK'));
      expect(tension).toBeCloseTo(tensionNow, 9);
      expect(tension).toBeGreaterThan(0);
      for (const o of others('DPRK')) {
        varMoved(o, 'security', varFx(def, 'others', 'security'));
        expect(pairOf(before, 'trust', o, 'DPRK')).toBeGreaterThan(0);
        expect(trust(o, 'DPRK')).toBeLessThan(0);
      }
      trustMoved('PRC', 'DPRK', readingFx(def, 'all'));
      trustMoved('ROK', 'DPRK', readingFx(def, 'all') + readingFx(def, 'rivals'));
      trustMoved('USA', 'DPRK', readingFx(def, 'all') + readingFx(def, 'rivals'));
    },
  },
  {
    name: 'a nuclear test raises the nuclear level and tension sharply; every other government loses security and trust in the DPRK',
    by: 'DPRK',
    action: 'nuclear-test',
    check: ({ def, tension, tensionNow, varMoved, trustMoved }) => {
      varMoved('DPRK', 'nuclear', varFx(def, 'self', 'nuclear'));
      varMoved('DPRK', 'economy', varFx(def, 'self', 'economy') - def.cost.economy!);
      expect(tension).toBeCloseTo(tensionNow, 9);
      expect(tensionFx(def)).toBeGreaterThan(tensionFx(actionDef('missile-test')));
      for (const o of others('DPRK')) {
        varMoved(o, 'security', varFx(def, 'others', 'security'));
        trustMoved(o, 'DPRK', readingFx(def, 'all'));
      }
    },
  },
  {
    name: 'a border provocation (DPRK at ROK) lowers ROK security and raises tension; the ROK and its ally the USA trust the DPRK less, Japan no differently',
    by: 'DPRK',
    action: 'border-provocation',
    target: 'ROK',
    check: ({ def, tension, tensionNow, trust, varMoved, trustMoved }) => {
      varMoved('ROK', 'security', varFx(def, 'target', 'security'));
      varMoved('DPRK', 'support', varFx(def, 'self', 'support') * hawk('DPRK'));
      expect(tension).toBeCloseTo(tensionNow, 9);
      trustMoved('ROK', 'DPRK', readingFx(def, 'target'));
      trustMoved('USA', 'DPRK', readingFx(def, 'target-allies'));
      expect(trust('JPN', 'DPRK')).toBe(0);
    },
  },
];

const INTELLIGENCE: Row[] = [
  {
    name: 'a cyber operation (DPRK at ROK) takes effect whether or not it is detected, and no third government ever sees it',
    by: 'DPRK',
    action: 'cyber-operation',
    target: 'ROK',
    check: ({ def, after, trust, varMoved }) => {
      varMoved('DPRK', 'economy', varFx(def, 'self', 'economy'));
      varMoved('ROK', 'economy', varFx(def, 'target', 'economy'));
      varMoved('ROK', 'security', varFx(def, 'target', 'security'));
      const entry = after.log.find((e) => e.kind === 'action' && e.ref === 'cyber-operation')!;
      expect(entry.to).not.toBeNull();
      for (const o of ['USA', 'PRC', 'RUS', 'JPN']) {
        expect(entry.to).not.toContain(o);
        expect(trust(o, 'DPRK')).toBe(0);
      }
      expect(trust('ROK', 'DPRK')).toBe(entry.to!.includes('ROK') ? readingFx(def, 'target') : 0);
    },
  },
];

const TABLES: Record<(typeof ACTION_FAMILIES)[number], Row[]> = {
  engagement: ENGAGEMENT,
  channel: CHANNEL,
  diplomacy: DIPLOMACY,
  economic: ECONOMIC,
  security: SECURITY,
  programme: PROGRAMME,
  provocation: PROVOCATION,
  intelligence: INTELLIGENCE,
};

describe.each(ACTION_FAMILIES.map((f) => [f, TABLES[f]] as const))('%s actions', (family, rows) => {
  test.each(rows)('$name', (row) => {
    expect(actionDef(row.action).family).toBe(family);
    check(row);
  });
});

test('every catalogue action has at least one named row in its family table', () => {
  const covered = new Set(Object.values(TABLES).flatMap((rows) => rows.map((r) => r.action)));
  expect(WORLD.actions.map((a) => a.id).filter((id) => !covered.has(id))).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Every action, every government that may take it, every target: an independent reading of the catalogue.

interface Application {
  def: ActionDef;
  self: number;
  target: number;
}

/**
 * What the catalogue says one resolution must do, variable by variable and pair by pair. `apps` are the actions
 * taken: one unilateral action, or the terms of a completed one-step deal (whose readings are not modelled here).
 */
function expectFollowsCatalogue(
  apps: readonly Application[],
  deal: boolean,
  before: GameState,
  after: GameState,
  where: string,
): void {
  const n = WORLD.actors.length;
  const last = WORLD.stages.length - 1;
  const allied = (a: number, b: number): boolean => a !== b && before.alliance[a * n + b] === 1;
  const subject = (who: string, i: number, { self, target }: Application): boolean =>
    who === 'self'
      ? i === self
      : who === 'target'
        ? i === target
        : who === 'allies'
          ? allied(self, i)
          : who === 'target-allies'
            ? target >= 0 && i !== self && allied(target, i)
            : i !== self;

  for (let i = 0; i < n; i++)
    for (const v of ACTOR_VARS) {
      let delta = 0;
      for (const app of apps) {
        if (i === app.self) delta -= app.def.cost[v] ?? 0;
        const rivals = app.target >= 0 && before.rivalry[app.self * n + app.target] === 1;
        for (const e of app.def.effects)
          if (e.kind === 'var' && e.var === v && subject(e.who, i, app) && (!e.rivalsOnly || rivals))
            delta += e.delta * (e.scaleByHawkishness ? WORLD.actors[i]!.hawkishness / 50 : 1);
      }
      expect(after.actors[i]![v], `${where}: ${IDS[i]} ${v}`).toBeCloseTo(
        clamp(before.actors[i]![v] + delta),
        9,
      );
    }

  let tension = 0;
  for (const app of apps) {
    const between =
      app.target < 0 || before.rivalry[app.self * n + app.target] === 1 ? 1 : WORLD.rules.nonRivalTension;
    for (const e of app.def.effects) if (e.kind === 'tension') tension += e.delta * between;
  }
  expect(after.tension, `${where}: tension`).toBeCloseTo(clamp(before.tension + tension), 9);

  const tables = ['sanctions', 'lifeline', 'hotline', 'backchannel'] as const;
  const expected = Object.fromEntries(tables.map((t) => [t, before[t].slice()])) as Record<
    (typeof tables)[number],
    number[]
  >;
  let forum = before.forum;
  let stage = before.stage;
  for (const { def, self, target } of apps)
    for (const e of def.effects) {
      if (e.kind === 'sanctions' || e.kind === 'lifeline')
        expected[e.kind][self * n + target] = clamp(expected[e.kind][self * n + target]! + e.delta, 0, 3);
      if (e.kind === 'channel')
        expected[e.channel][self * n + target] = expected[e.channel][target * n + self] = e.open ? 1 : 0;
      if (e.kind === 'forum') forum = Math.max(forum, e.rounds);
      // A capped stage effect raises the stage at most to its cap, and never lowers it.
      if (e.kind === 'stage')
        stage =
          e.delta > 0
            ? Math.max(stage, Math.min(stage + e.delta, e.atMost ?? last, last))
            : clamp(stage + e.delta, 0, last);
    }
  const rivals = apps.some((a) => apps.some((b) => before.rivalry[a.self * n + b.self] === 1));
  if (deal && rivals) stage = clamp(stage + WORLD.rules.stageOnComplete, 0, last);
  // A round moves the stage at most one step from where it began (the harness begins it at before.stage).
  stage = clamp(stage, before.stage - 1, before.stage + 1);
  expect(Object.fromEntries(tables.map((t) => [t, after[t]])), where).toEqual(expected);
  expect(after.forum, `${where}: forum`).toBe(forum);
  expect(after.stage, `${where}: stage`).toBe(stage);
  if (deal) return;

  // A unilateral action: who saw it, and what each witness read into it.
  const { def, self, target } = apps[0]!;
  const entry = after.log.filter((e) => e.kind === 'action').at(-1)!;
  expect(entry.ref, where).toBe(def.id);
  if (def.visibility === 'public') expect(entry.to, where).toBeNull();
  if (def.visibility === 'target')
    expect([...entry.to!].sort(), where).toEqual([IDS[self], IDS[target]].sort());
  if (def.visibility === 'secret')
    expect(
      entry.to!.filter((x) => x !== IDS[self] && x !== IDS[target]),
      where,
    ).toEqual([]);
  const seen = (i: number): boolean => entry.to === null || entry.to.includes(IDS[i]!);
  const observer = (group: string, i: number): boolean =>
    i !== self &&
    (group === 'target'
      ? i === target
      : group === 'allies'
        ? allied(self, i)
        : group === 'target-allies'
          ? target >= 0 && allied(target, i)
          : group === 'rivals'
            ? before.rivalry[self * n + i] === 1
            : true);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let delta = 0;
      // Engagement's goodwill counts by the giver's record toward the target (nothing for a first gesture).
      const record =
        def.family === 'engagement' && target >= 0 ? engagementRecord(WORLD, before, self, target) : 1;
      if (j === self && seen(i))
        for (const r of def.readings)
          if (observer(r.observers, i)) delta += r.trust * (r.trust > 0 ? record : 1);
      expect(after.trust[i * n + j], `${where}: trust ${IDS[i]}->${IDS[j]}`).toBeCloseTo(
        clamp(before.trust[i * n + j]! + delta),
        9,
      );
    }
}

describe('every catalogue action, by every government that may take it, at every target, does what its entry says', () => {
  test.each(WORLD.actions.map((a) => [a.id, a] as const))('%s', (_, def) => {
    let cases = 0;
    for (const by of IDS) {
      if (!mayTake(def, by)) continue;
      for (const target of def.targeted ? others(by) : [undefined]) {
        const where = `${def.id} by ${by}${target ? ` at ${target}` : ''}`;
        if (target !== undefined && def.targets && !def.targets.includes(target)) {
          const bad = checkInput(WORLD, BASE, by, commitment([{ action: def.id, target }]));
          expect(bad?.code, where).toBe(def.joint ? 'NOT_PERMITTED' : 'BAD_TARGET');
          continue;
        }
        if (def.joint) {
          if (unmet(def, stateFacts(WORLD, START), by, target)) continue;
        } else {
          const bad = checkInput(
            WORLD,
            BASE,
            by,
            commitment([target === undefined ? { action: def.id } : { action: def.id, target }]),
          );
          if (bad) {
            expect(['UNAVAILABLE', 'UNAFFORDABLE'], where).toContain(bad.code);
            continue;
          }
        }
        const { before, after } = runAction(by, def.id, target);
        const apps: Application[] = [{ def, self: ix(by), target: target === undefined ? -1 : ix(target) }];
        if (def.joint) apps.push({ def: actionDef(PARTNER_TERM), self: ix(target!), target: -1 });
        expectFollowsCatalogue(apps, def.joint, before, after, where);
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(0);
  });
});

describe('joint actions and requirements', () => {
  test.each(WORLD.actions.filter((a) => a.joint).map((a) => [a.id, a] as const))(
    '%s takes two: taken alone it is NOT_PERMITTED',
    (_, def) => {
      const by = IDS.find((id) => mayTake(def, id))!;
      const bad = checkInput(
        WORLD,
        BASE,
        by,
        commitment([def.targeted ? { action: def.id, target: others(by)[0]! } : { action: def.id }]),
      );
      expect(bad?.code).toBe('NOT_PERMITTED');
    },
  );

  const UNAVAILABLE: {
    name: string;
    by: ActorId;
    action: string;
    target?: ActorId;
    prepare: (s: GameState) => void;
  }[] = [
    {
      name: 'imposing sanctions already at level 3',
      by: 'ROK',
      action: 'impose-sanctions',
      target: 'DPRK',
      prepare: (s) => setPair(s, 'sanctions', 'ROK', 'DPRK', 3),
    },
    {
      name: 'lifting sanctions that are not there',
      by: 'RUS',
      action: 'lift-sanctions',
      target: 'DPRK',
      prepare: (s) => setPair(s, 'sanctions', 'RUS', 'DPRK', 0),
    },
    {
      name: 'extending a lifeline already at level 3',
      by: 'PRC',
      action: 'economic-lifeline',
      target: 'DPRK',
      prepare: (s) => setPair(s, 'lifeline', 'PRC', 'DPRK', 3),
    },
    {
      name: 'cutting a lifeline that is not there',
      by: 'PRC',
      action: 'cut-lifeline',
      target: 'DPRK',
      prepare: (s) => setPair(s, 'lifeline', 'PRC', 'DPRK', 0),
    },
    {
      name: 'opening a backchannel that is already open',
      by: 'USA',
      action: 'backchannel',
      target: 'DPRK',
      prepare: (s) => setPair(s, 'backchannel', 'USA', 'DPRK', 1, true),
    },
    {
      name: 'convening talks already convened',
      by: 'PRC',
      action: 'convene-talks',
      prepare: (s) => (s.forum = 2),
    },
    {
      name: 'freezing a site when no programme is left',
      by: 'DPRK',
      action: 'freeze-site',
      prepare: (s) => (s.actors[ix('DPRK')]!.nuclear = 0),
    },
  ];
  test.each(UNAVAILABLE)(
    '$name is UNAVAILABLE, and available once the condition holds',
    ({ by, action, target, prepare }) => {
      const input = commitment([target === undefined ? { action } : { action, target }]);
      const s = copy(BASE);
      const before = checkInput(WORLD, s, by, input);
      prepare(s);
      expect(before).toBeNull();
      expect(checkInput(WORLD, s, by, input)?.code).toBe('UNAVAILABLE');
    },
  );

  test('requirements hold when a term is promised, so a step can find its level already at a bound: sanctions stay at 3, a lifeline at 0', () => {
    const { s, id } = signed(
      EXACT,
      offer([term('ROK', 'impose-sanctions', 'DPRK'), term('PRC', 'cut-lifeline', 'DPRK')]),
      'ROK',
      'bounds',
      START,
    );
    const bound = copy(s);
    setPair(bound, 'sanctions', 'ROK', 'DPRK', 3);
    setPair(bound, 'lifeline', 'PRC', 'DPRK', 0);
    const after = resolveWith(EXACT, bound);
    expect(after.agreements.find((g) => g.id === id)!.status).toBe('completed');
    expect(pairOf(after, 'sanctions', 'ROK', 'DPRK')).toBe(3);
    expect(pairOf(after, 'lifeline', 'PRC', 'DPRK')).toBe(0);
  });

  test('an unavailable action cannot be promised in an offer either', () => {
    const s = copy(START);
    setPair(s, 'sanctions', 'ROK', 'DPRK', 0);
    const bad = submit(WORLD, s, 'ROK', {
      phase: 'proposing',
      offers: [offer([term('ROK', 'lift-sanctions', 'DPRK'), term('DPRK', 'missile-moratorium')])],
    });
    expect(bad.ok ? null : bad.rejection.code).toBe('UNAVAILABLE');
  });
});

// ---------------------------------------------------------------------------------------------
// The vocabulary of effects and readings, on a synthetic action (so that groups no catalogue entry uses yet are covered).

const synthetic = (effects: Effect[], readings: Reading[] = []): ActionDef => ({
  ...actionDef('cultural-exchange'),
  family: 'diplomacy', // not engagement, whose goodwill counts by a record
  id: 'synthetic',
  cost: {},
  effects,
  readings,
});
const whoMoved = (before: GameState, after: GameState): ActorId[] =>
  IDS.filter((id) => varOf(after, id, 'influence') !== varOf(before, id, 'influence'));

describe('effect subjects and observer groups', () => {
  const SUBJECTS = [
    { name: 'self: the actor', who: 'self', by: 'USA', at: 'ROK', expected: ['USA'] },
    { name: 'target: the target', who: 'target', by: 'USA', at: 'ROK', expected: ['ROK'] },
    { name: 'allies: the actor’s allies', who: 'allies', by: 'USA', at: 'DPRK', expected: ['ROK', 'JPN'] },
    {
      name: 'target-allies: the target’s allies (China for the DPRK)',
      who: 'target-allies',
      by: 'USA',
      at: 'DPRK',
      expected: ['PRC'],
    },
    {
      name: 'target-allies never includes the actor, even when allied with the target',
      who: 'target-allies',
      by: 'USA',
      at: 'ROK',
      expected: [],
    },
    {
      name: 'others: everyone but the actor',
      who: 'others',
      by: 'USA',
      at: 'ROK',
      expected: ['DPRK', 'ROK', 'PRC', 'RUS', 'JPN'],
    },
  ] as const;
  test.each(SUBJECTS)('$name', ({ who, by, at, expected }) => {
    const before = copy(BASE);
    const after = copy(BASE);
    for (const a of after.actors) a.influence = 50;
    for (const a of before.actors) a.influence = 50;
    applyAction(
      WORLD,
      after,
      synthetic([{ kind: 'var', who, var: 'influence', delta: 5 }]),
      ix(by),
      ix(at),
      1,
      true,
    );
    expect(whoMoved(before, after).sort()).toEqual([...expected].sort());
  });

  const GROUPS = [
    { observers: 'target', expected: ['DPRK'] },
    { observers: 'allies', expected: ['ROK', 'JPN'] },
    { observers: 'target-allies', expected: ['PRC'] },
    { observers: 'rivals', expected: ['DPRK', 'PRC', 'RUS'] },
    { observers: 'all', expected: ['DPRK', 'ROK', 'PRC', 'RUS', 'JPN'] },
  ] as const;
  test.each(GROUPS)(
    'a reading for $observers changes the trust in the actor (USA, at DPRK) of exactly those who saw it',
    ({ observers, expected }) => {
      const s = copy(BASE);
      s.trust = s.trust.map(() => 50);
      const saw = IDS.map(() => true);
      applyReadings(WORLD, s, synthetic([], [{ observers, trust: 5 }]), ix('USA'), ix('DPRK'), saw, 1);
      expect(IDS.filter((id) => pairOf(s, 'trust', id, 'USA') !== 50).sort()).toEqual([...expected].sort());
      expect(s.trust.filter((t) => t !== 50)).toHaveLength(expected.length);
      const blind = copy(BASE);
      blind.trust = blind.trust.map(() => 50);
      applyReadings(
        WORLD,
        blind,
        synthetic([], [{ observers, trust: 5 }]),
        ix('USA'),
        ix('DPRK'),
        IDS.map((id) => id === 'USA'),
        1,
      );
      expect(blind.trust.every((t) => t === 50)).toBe(true);
    },
  );

  test('discrete effects wait for the last step: a phased step moves no level, channel, forum or stage', () => {
    const effects: Effect[] = [
      { kind: 'sanctions', delta: 1 },
      { kind: 'lifeline', delta: 1 },
      { kind: 'channel', channel: 'hotline', open: true },
      { kind: 'forum', rounds: 3 },
      { kind: 'stage', delta: 1 },
      { kind: 'var', who: 'self', var: 'influence', delta: 4 },
    ];
    const s = copy(BASE);
    roundStartsAt(s, s.stage);
    applyAction(WORLD, s, synthetic(effects), ix('RUS'), ix('JPN'), 0.5, false);
    for (const t of ['sanctions', 'lifeline', 'hotline', 'backchannel'] as const)
      expect(s[t]).toEqual(BASE[t]);
    expect([s.forum, s.stage]).toEqual([BASE.forum, BASE.stage]);
    expect(varOf(s, 'RUS', 'influence') - varOf(BASE, 'RUS', 'influence')).toBeCloseTo(2, 9);
    applyAction(WORLD, s, synthetic(effects), ix('RUS'), ix('JPN'), 0.5, true);
    expect([
      pairOf(s, 'sanctions', 'RUS', 'JPN'),
      pairOf(s, 'lifeline', 'RUS', 'JPN'),
      pairOf(s, 'hotline', 'JPN', 'RUS'),
      s.forum,
      s.stage,
    ]).toEqual([
      pairOf(BASE, 'sanctions', 'RUS', 'JPN') + 1,
      pairOf(BASE, 'lifeline', 'RUS', 'JPN') + 1,
      1,
      3,
      BASE.stage + 1,
    ]);
  });

  test('convening talks never shortens talks already convened', () => {
    const s = { ...copy(BASE), forum: 3 };
    applyAction(WORLD, s, synthetic([{ kind: 'forum', rounds: 2 }]), ix('PRC'), -1, 1, true);
    expect(s.forum).toBe(3);
  });
});

// ---------------------------------------------------------------------------------------------

describe('visibility of secret actions', () => {
  test('a secret cyber operation is detected by its target at about the secret-detection rate, and only then costs trust', () => {
    const def = actionDef('cyber-operation');
    const ready = collected(WORLD, BASE, { DPRK: commitment([{ action: def.id, target: 'ROK' }]) });
    const N = 400;
    let seen = 0;
    for (let k = 0; k < N; k++) {
      const after = resolveWith(
        WORLD,
        { ...BASE, rng: seedState(`cyber-${k}`) },
        { DPRK: commitment([{ action: def.id, target: 'ROK' }]) },
      );
      const entry = after.log.find((e) => e.kind === 'action' && e.ref === def.id)!;
      const detected = entry.to!.includes('ROK');
      if (detected) seen++;
      expect(pairOf(after, 'trust', 'ROK', 'DPRK') - pairOf(ready, 'trust', 'ROK', 'DPRK')).toBe(
        detected ? readingFx(def, 'target') : 0,
      );
    }
    const rate = seen / N;
    // Binomial: sd = sqrt(p(1-p)/N) ~ 0.025 at p = 0.4; allow four of them.
    expect(Math.abs(rate - WORLD.rules.secretDetection)).toBeLessThan(0.1);
  });

  test('actions are applied in the resolution phase, not when they are submitted', () => {
    const r = submit(WORLD, BASE, 'DPRK', commitment([{ action: 'missile-test' }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.actors).toEqual(BASE.actors);
    expect(r.value.tension).toBe(BASE.tension);
  });
});

test('closing the commitment phase through submit is resolution, then reaction, then the next round’s events', () => {
  const inputs = {
    DPRK: commitment([{ action: 'missile-test' }]),
    USA: commitment([{ action: 'impose-sanctions', target: 'PRC' }]),
  };
  const all = collected(WORLD, BASE, inputs);
  const last = WORLD.actors[WORLD.actors.length - 1]!.id;
  const almost = collected(WORLD, BASE, inputs);
  almost.inbox[ix(last)] = null;
  const viaSubmit = submit(WORLD, almost, last, all.inbox[ix(last)]);
  expect(viaSubmit.ok).toBe(true);
  if (!viaSubmit.ok) return;
  expect(viaSubmit.value).toEqual(beginRound(WORLD, react(WORLD, resolve(WORLD, all))));
  expect(viaSubmit.value.round).toBe(BASE.round + 1);
  expect(viaSubmit.value.phase).toBe('proposing');
  // The discrete effect outlasts the reaction and the next round's events.
  expect(pairOf(viaSubmit.value, 'sanctions', 'USA', 'PRC')).toBe(
    pairOf(BASE, 'sanctions', 'USA', 'PRC') + 1,
  );
});

describe('what-if copies', () => {
  test('every action of the catalogue, by every government toward every other, leaves the original untouched', () => {
    const s = BASE;
    const before = JSON.stringify(s);
    let changed = 0;
    for (const def of WORLD.actions)
      for (const by of IDS)
        for (const at of def.targeted ? IDS.filter((x) => x !== by) : [undefined]) {
          const c = whatIfCopy(s);
          applyAction(WORLD, c, def, ix(by), at === undefined ? -1 : ix(at), 1, true);
          if (JSON.stringify(c) !== before) changed++;
        }
    expect(JSON.stringify(s)).toBe(before);
    // The copies did change: the check above is not vacuous.
    expect(changed).toBeGreaterThan(WORLD.actions.length);
  });
});

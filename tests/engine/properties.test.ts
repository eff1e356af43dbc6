/**
 * Invariants over whole seeded games played by computer players (fast-check, seeded, modest run counts):
 * bounds, determinism, replay, JSON round trips, the secrecy of the player view, and the purity of `submit`.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  REJECTION_CODES,
  hashValue,
  playerView,
  replay,
  runGame,
  startGame,
  submit,
} from '../../src/engine/index.ts';
import type { GameState, PhaseInput, RoundSnapshot } from '../../src/engine/index.ts';
import { ACTOR_VARS, PHASES } from '../../src/engine/types.ts';
import { IDS, WORLD, copy, ix, play, statesAlong } from './helpers.ts';
import type { StrategyId } from './helpers.ts';

const FC = { seed: 20180612, numRuns: 10 };
const strategy = fc.constantFrom<StrategyId>('random', 'reciprocal');
const seats = fc.array(strategy, { minLength: IDS.length, maxLength: IDS.length });
const seed = fc.integer({ min: 0, max: 1_000_000 }).map((k) => `prop-${k}`);

/** A few recorded games and every state along them (after each input), shared by the properties below. */
const GAMES = [
  { seed: 'along-1', seats: 'random' as const },
  { seed: 'along-2', seats: 'reciprocal' as const },
  { seed: 'along-3', seats: ['random', 'reciprocal'] as StrategyId[] },
].map((g) => {
  const p = play(WORLD, g.seed, g.seats);
  return { ...p, seed: g.seed, states: statesAlong(WORLD, g.seed, p.inputs) };
});
const anyState = fc
  .constantFrom(...GAMES.map((_, i) => i))
  .chain((g) => fc.nat({ max: GAMES[g]!.states.length - 1 }).map((k) => ({ g, k })));

/** Every bound the state must keep, as a list of violations (empty when all hold). */
function outOfBounds(s: GameState): string[] {
  const n = IDS.length;
  const bad: string[] = [];
  const range = (x: number, lo: number, hi: number, what: string): void => {
    if (!(Number.isFinite(x) && x >= lo && x <= hi)) bad.push(`${what} = ${x}`);
  };
  s.actors.forEach((a, i) => {
    for (const v of ACTOR_VARS) range(a[v], 0, 100, `${IDS[i]} ${v}`);
    range(a.leader.stance, 0, 100, `${IDS[i]} stance`);
  });
  if (s.trust.length !== n * n) bad.push('trust size');
  s.trust.forEach((t, k) => range(t, 0, 100, `trust ${k}`));
  for (const table of ['sanctions', 'lifeline'] as const)
    s[table].forEach((x, k) =>
      Number.isInteger(x) ? range(x, 0, 3, `${table} ${k}`) : bad.push(`${table} ${k} = ${x}`),
    );
  for (const table of ['hotline', 'backchannel'] as const)
    for (let a = 0; a < n; a++)
      for (let b = 0; b < n; b++) {
        const x = s[table][a * n + b]!;
        if ((x !== 0 && x !== 1) || x !== s[table][b * n + a]) bad.push(`${table} ${a}-${b}`);
      }
  range(s.tension, 0, 100, 'tension');
  if (!Number.isInteger(s.stage)) bad.push(`stage = ${s.stage}`);
  range(s.stage, 0, WORLD.stages.length - 1, 'stage');
  range(s.forum, 0, Infinity, 'forum');
  for (const g of s.agreements) {
    if (g.done > g.steps) bad.push(`agreement ${g.id} done ${g.done} of ${g.steps}`);
    if (g.status === 'active' && g.strikes >= WORLD.rules.phasedStrikes)
      bad.push(`agreement ${g.id} active with ${g.strikes} strikes`);
    if (g.status === 'completed' && g.done !== g.steps) bad.push(`agreement ${g.id} completed at ${g.done}`);
  }
  return bad;
}

function snapshotOutOfBounds(h: RoundSnapshot): string[] {
  const bad: string[] = [];
  for (const [id, vars] of Object.entries(h.vars))
    for (const v of ACTOR_VARS)
      if (!(vars[v] >= 0 && vars[v] <= 100)) bad.push(`round ${h.round} ${id} ${v} = ${vars[v]}`);
  h.trust.forEach((t, k) => (t >= 0 && t <= 100 ? null : bad.push(`round ${h.round} trust ${k} = ${t}`)));
  if (!(h.tension >= 0 && h.tension <= 100)) bad.push(`round ${h.round} tension ${h.tension}`);
  if (!(h.stage >= 0 && h.stage <= WORLD.stages.length - 1)) bad.push(`round ${h.round} stage ${h.stage}`);
  return bad;
}

describe('whole games', () => {
  test('every variable stays within its bounds in every round of games between random and reciprocal players', () => {
    fc.assert(
      fc.property(seed, seats, (sd, st) => {
        const { final } = play(WORLD, sd, st);
        expect(final.end).not.toBeNull();
        expect(outOfBounds(final)).toEqual([]);
        expect(final.history.length).toBe(final.end!.round);
        expect(final.history.flatMap(snapshotOutOfBounds)).toEqual([]);
      }),
      FC,
    );
  });

  test('every state between inputs is in bounds too', () => {
    for (const g of GAMES)
      expect(g.states.flatMap((s, k) => outOfBounds(s).map((x) => `${g.seed} #${k}: ${x}`))).toEqual([]);
  });

  test('the same seed and the same players give the identical game', () => {
    fc.assert(
      fc.property(seed, seats, (sd, st) => {
        const a = play(WORLD, sd, st);
        const b = play(WORLD, sd, st);
        expect(b.final).toStrictEqual(a.final);
        expect(b.inputs).toStrictEqual(a.inputs);
        expect(hashValue(b.final)).toBe(hashValue(a.final));
      }),
      { ...FC, numRuns: 5 },
    );
  });

  test('the same inputs through submit, one by one, end in the state the batch path reaches', () => {
    for (const g of GAMES) {
      expect(g.states.at(-1)).toEqual(g.final);
      expect(hashValue(g.states.at(-1))).toBe(hashValue(g.final));
    }
  });

  test('replay(world, record) reproduces the final state exactly', () => {
    fc.assert(
      fc.property(seed, seats, (sd, st) => {
        const { final, record } = play(WORLD, sd, st);
        const again = replay(WORLD, copy(record));
        expect(again).toStrictEqual(final);
        expect(hashValue(again)).toBe(hashValue(final));
      }),
      { ...FC, numRuns: 6 },
    );
  });

  test('replay refuses a record of another scenario or with inputs left over', () => {
    const { record } = GAMES[0]!;
    expect(() => replay(WORLD, { ...record, scenario: { ...record.scenario, hash: 'other' } })).toThrow(
      /record/i,
    );
    expect(() => replay(WORLD, { ...record, inputs: [...record.inputs, record.inputs[0]!] })).toThrow();
  });

  test('different seeds give different games', () => {
    const hashes = new Set(
      ['a', 'b', 'c', 'd'].map((sd) => hashValue(play(WORLD, `differ-${sd}`, 'random').final)),
    );
    expect(hashes.size).toBe(4);
  });
});

describe('saving mid-game', () => {
  test('the state survives a JSON round trip unchanged at any point, and the game continues from it identically', () => {
    fc.assert(
      fc.property(anyState, ({ g, k }) => {
        const { states, inputs, final } = GAMES[g]!;
        const s = states[k]!;
        const saved = JSON.parse(JSON.stringify(s)) as GameState;
        expect(saved).toEqual(s);
        expect(hashValue(saved)).toBe(hashValue(s));
        let cur = saved;
        for (const r of inputs.slice(k)) {
          const res = submit(WORLD, cur, r.actor, r.input);
          if (!res.ok) throw new Error(res.rejection.code);
          cur = res.value;
        }
        expect(cur).toEqual(final);
        expect(hashValue(cur)).toBe(hashValue(final));
      }),
      { ...FC, numRuns: 25 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Secrecy of the player view

const FAKE: Record<'proposing' | 'responding' | 'commitment', PhaseInput> = {
  proposing: {
    phase: 'proposing',
    offers: [
      { terms: [{ by: 'PRC', action: 'summit', target: 'RUS' }], verification: 'none', steps: 4, expires: 4 },
    ],
  },
  responding: { phase: 'responding', answers: [{ offer: 12345, reply: 'reject' }] },
  commitment: {
    phase: 'commitment',
    decisions: [{ agreement: 999, honour: false }],
    actions: [{ action: 'nuclear-test' }],
  },
};
const flip = (r: Record<string, boolean>, keep: string): Record<string, boolean> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === keep ? v : !v]));

/** The state with everything `me` must not know changed: others' inputs, trust rows (short of whether they would talk), observations, true compliance, private log lines and offers, channels between others. */
function scramble(s: GameState, me: string): GameState {
  const n = IDS.length;
  const mi = ix(me);
  const c = copy(s);
  c.inbox = c.inbox.map((x, i) => (i === mi || x === null ? x : FAKE[x.phase]));
  // Others' trust changes, but stays on its side of contact-trust: whether a government would open talks with
  // another is public (the view's `talking`), how far it trusts it is not.
  const T = WORLD.rules.contactTrust;
  const hide = (x: number): number => (x < T ? (x + 17) % T : T + ((x - T + 17) % (101 - T)));
  const rows = (t: number[]): number[] => t.map((x, k) => (Math.floor(k / n) === mi ? x : hide(x)));
  c.trust = rows(c.trust);
  c.history = c.history.map((h) => ({ ...h, trust: rows(h.trust) }));
  c.agreements = c.agreements.map((g) => ({
    ...g,
    record: g.record.map((r) => ({
      ...r,
      honoured: flip(r.honoured, me),
      observed: Object.fromEntries(
        Object.entries(r.observed).map(([o, seen]) => [o, o === me ? seen : flip(seen, '')]),
      ),
    })),
  }));
  c.log = c.log.map((e) =>
    e.to !== null && !e.to.includes(me) ? { round: e.round, to: e.to, kind: 'event', ref: 'scrambled' } : e,
  );
  c.offers = c.offers.map((o) =>
    o.parties.includes(me) || o.mediator === me
      ? o
      : { ...o, verification: o.verification === 'none' ? 'inspections' : 'none', accepted: [] },
  );
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++)
      if (a !== mi && b !== mi && a !== b) c.backchannel[a * n + b] = 1 - c.backchannel[a * n + b]!;
  // When others last took each action (a secret one included).
  c.recent = Object.fromEntries(
    Object.entries(c.recent).map(([key, r]) => [key, key.startsWith(`${me}>`) ? r : r + 100]),
  );
  c.recent[`${IDS[(mi + 1) % n]}>cyber-operation>${me}`] = s.round;
  return c;
}

describe('the player view', () => {
  test('before the end, the view never carries another government’s secrets: changing them leaves the view unchanged', () => {
    let changed = 0;
    fc.assert(
      fc.property(anyState, fc.constantFrom(...IDS), ({ g, k }, me) => {
        const s = GAMES[g]!.states[k]!;
        if (s.end) return;
        const hidden = scramble(s, me);
        if (JSON.stringify(hidden) !== JSON.stringify(s)) changed++;
        expect(JSON.stringify(playerView(WORLD, hidden, me))).toBe(JSON.stringify(playerView(WORLD, s, me)));
      }),
      { ...FC, numRuns: 60 },
    );
    expect(changed).toBeGreaterThan(40);
  });

  test('the view does show what is mine: changing my own trust row or my own input changes it', () => {
    const s = GAMES[1]!.states.find(
      (x) => x.round === 3 && x.inbox.some((i) => i !== null) && x.phase === 'commitment',
    )!;
    const me = IDS[s.inbox.findIndex((i) => i !== null)]!;
    const mine = copy(s);
    mine.trust[ix(me) * IDS.length + ((ix(me) + 1) % IDS.length)] = 99.5;
    expect(JSON.stringify(playerView(WORLD, mine, me))).not.toBe(JSON.stringify(playerView(WORLD, s, me)));
    const input = copy(s);
    input.inbox[ix(me)] = FAKE.commitment;
    expect(playerView(WORLD, input, me).myInput).toEqual(FAKE.commitment);
  });

  test('before the end no scores and no true compliance are shown; at the end everything is revealed for the debrief', () => {
    const { final, states } = GAMES[1]!;
    const mid = states[Math.floor(states.length / 2)]!;
    const before = playerView(WORLD, mid, 'USA');
    expect(before.scores).toBeNull();
    expect(before.agreements.every((g) => g.truth === null)).toBe(true);
    const after = playerView(WORLD, final, 'USA');
    expect(after.scores).not.toBeNull();
    expect(after.agreements.map((g) => g.truth)).toEqual(final.agreements.map((g) => g.record));
    expect(after.log).toEqual(final.log);
  });
});

// ---------------------------------------------------------------------------------------------
// Invalid input

const ACTIONS = WORLD.actions.map((a) => a.id);
const someone = fc.constantFrom(...IDS, 'UN', '');
const garbage = fc.oneof(
  fc.anything(),
  fc.record(
    {
      phase: fc.constantFrom(...PHASES, 'x'),
      offers: fc.anything(),
      answers: fc.anything(),
      decisions: fc.anything(),
      actions: fc.anything(),
    },
    { requiredKeys: ['phase'] },
  ),
  fc.record({
    phase: fc.constant('proposing'),
    offers: fc.array(
      fc.record({
        terms: fc.array(
          fc.record({
            by: someone,
            action: fc.constantFrom(...ACTIONS, 'nope'),
            target: fc.option(someone, { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        verification: fc.constantFrom('none', 'partial', 'inspections', 'maybe'),
        steps: fc.integer({ min: -1, max: 6 }),
        expires: fc.integer({ min: -1, max: 6 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
  fc.record({
    phase: fc.constant('responding'),
    answers: fc.array(
      fc.record({
        offer: fc.integer({ min: -1, max: 60 }),
        reply: fc.constantFrom('accept', 'reject', 'counter', 'maybe'),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    phase: fc.constant('commitment'),
    decisions: fc.array(
      fc.record({
        agreement: fc.integer({ min: -1, max: 60 }),
        honour: fc.oneof(fc.boolean(), fc.constant(1)),
      }),
      { maxLength: 3 },
    ),
    actions: fc.array(
      fc.record({
        action: fc.constantFrom(...ACTIONS, 'nope'),
        target: fc.option(someone, { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  }),
);

describe('invalid input', () => {
  test('an input submit rejects never changes the state, and every rejection carries a known code', () => {
    let rejected = 0;
    let total = 0;
    fc.assert(
      fc.property(anyState, someone, garbage, ({ g, k }, actor, input) => {
        const s = GAMES[g]!.states[k]!;
        const before = structuredClone(s);
        const r = submit(WORLD, s, actor, input);
        total++;
        expect(s).toStrictEqual(before);
        if (r.ok) return;
        rejected++;
        expect(REJECTION_CODES).toContain(r.rejection.code);
        expect(typeof r.rejection.message).toBe('string');
      }),
      { seed: 1953, numRuns: 400 },
    );
    expect(rejected / total).toBeGreaterThan(0.8);
  });

  test('a valid input does not change the state it is applied to either (submit is pure)', () => {
    for (const g of GAMES)
      for (let k = 0; k < g.inputs.length; k += 7) {
        const s = g.states[k]!;
        const before = structuredClone(s);
        const r = submit(WORLD, s, g.inputs[k]!.actor, g.inputs[k]!.input);
        expect(r.ok).toBe(true);
        expect(s).toStrictEqual(before);
      }
  });

  test('a batch game is unaffected by rejected inputs tried along the way', () => {
    const { seed: sd, inputs, final } = GAMES[0]!;
    let k = 0;
    const end = runGame(WORLD, startGame(WORLD, sd), (s, actor) => {
      expect(submit(WORLD, s, actor, { phase: 'nonsense' }).ok).toBe(false);
      return inputs[k++]!.input;
    });
    expect(end).toStrictEqual(final);
  });
});

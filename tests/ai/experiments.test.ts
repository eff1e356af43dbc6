/**
 * The experiment protocol itself (issue 16), without playing a statistical run: treatments change only the world,
 * each claim names at least three scenarios, the interval comes from the spread across batches, and the verdict
 * reads the whole table. The published verdicts are asserted in the experiments project
 * (tests/experiments/claims-1-2-5.test.ts and claims-3-4-6-10.test.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  EXPERIMENTS,
  PLAYERS,
  PLAYER_KINDS,
  experimentById,
  gamesFor,
  leaderChangeRound,
  playUnit,
  rowOf,
  summariseClaim,
  t95,
  unitKey,
  unitsOf,
} from '../../src/ai/experiments.ts';
import type { UnitResult } from '../../src/ai/experiments.ts';
import { DIFFICULTIES, computerChooser, seatStrategies } from '../../src/ai/index.ts';
import { seatsFor } from '../../src/ai/simulate.ts';
import { indexOf, mayBroker, newGame, pairIndex, runGame, startGame } from '../../src/engine/index.ts';
import { runExperimentCommand } from '../../src/cli/experiment.ts';
import { DEFAULT_STRATEGY } from '../../src/cli/simulate.ts';
import {
  KEPT_RUNS,
  RESULTS_END,
  RESULTS_START,
  combineRuns,
  quotedCommand,
  replaceResults,
  resultsMarkdown,
  spliceResults,
} from '../../src/cli/experiment-markdown.ts';
import type { ExperimentRun } from '../../src/cli/experiment-markdown.ts';
import { worldLoader } from '../../src/cli/files.ts';

const load = worldLoader();

describe('the protocol', () => {
  it('covers every claim of the design once, each on at least three shipped scenarios', () => {
    expect(EXPERIMENTS.map((e) => e.claim).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const e of EXPERIMENTS) {
      expect(new Set(e.scenarios).size, e.id).toBeGreaterThanOrEqual(3);
      for (const id of e.scenarios) expect(() => load(id), `${e.id}: ${id}`).not.toThrow();
    }
  });

  it('plays a claim’s cells at its own multiple of the run’s size where it has one, and every other cell at the run’s size', () => {
    const opts = { games: 40, hardGames: 8, seeds: 5, seed: 1 };
    const powered = EXPERIMENTS.filter((e) => (e.hardPower ?? 1) !== 1);
    // The hard players' multiple: multilateral talks (session 13), the lifeline (session 16), the trust deficit and
    // mediation (session 18).
    expect(powered.map((e) => [e.id, e.hardPower])).toEqual([
      ['trust-deficit', 16],
      ['lifeline', 16],
      ['mediation', 16],
      ['multilateral', 4],
    ]);
    // The easy and normal players' multiple: verification (session 14), whose effect is a hundredth of the steps, and
    // the lifeline (session 16).
    const easyNormal = EXPERIMENTS.filter((e) => (e.power ?? 1) !== 1);
    expect(easyNormal.map((e) => [e.id, e.power])).toEqual([
      ['verification', 4],
      ['lifeline', 4],
    ]);
    expect(gamesFor(opts, 'hard', 'lifeline')).toBe(128);
    expect(gamesFor(opts, 'normal', 'lifeline')).toBe(160);
    expect(gamesFor(opts, 'easy', 'verification')).toBe(160);
    expect(gamesFor(opts, 'normal', 'verification')).toBe(160);
    expect(gamesFor({ ...opts, games: 2 }, 'normal', 'verification')).toBe(8);
    expect(gamesFor(opts, 'hard', 'verification')).toBe(8);
    expect(gamesFor(opts, 'normal')).toBe(40);
    expect(gamesFor(opts, 'hard', 'multilateral')).toBe(32);
    expect(gamesFor({ ...opts, hardGames: 2 }, 'hard', 'multilateral')).toBe(8);
    expect(gamesFor(opts, 'normal', 'multilateral')).toBe(40);
    expect(gamesFor(opts, 'easy', 'multilateral')).toBe(40);
    expect(gamesFor(opts, 'hard', 'mediation')).toBe(128);
    expect(gamesFor(opts, 'hard', 'trust-deficit')).toBe(128);
    expect(gamesFor(opts, 'normal', 'trust-deficit')).toBe(40);
    expect(gamesFor(opts, 'hard', 'phasing')).toBe(8);
    expect(gamesFor(opts, 'hard')).toBe(8);
  });

  it('measures with every difficulty’s players, Normal’s being the default batch players', () => {
    expect(Object.keys(PLAYERS)).toEqual(['easy', 'normal', 'hard']);
    expect(DEFAULT_STRATEGY).toBe(PLAYERS.normal);
    expect(PLAYERS.easy).toBe(DIFFICULTIES.easy.strategy);
    expect(PLAYERS.normal).toBe(DIFFICULTIES.normal.strategy);
    expect(PLAYERS.hard).toBe(DIFFICULTIES.hard.strategy);
  });

  it.each(EXPERIMENTS.map((e) => [e.id, e] as const))(
    '%s: the arms are worlds only, differing from the shipped one, and nothing is denied to everyone',
    (_, e) => {
      for (const id of e.scenarios) {
        const base = load(id);
        const arms = e.arms(base);
        expect(arms).toHaveLength(2);
        for (const arm of arms) {
          // An arm is a label and a world: no protocol rewrites a player's input.
          expect(Object.keys(arm).sort()).toEqual(['label', 'world']);
          expect(arm.world.actors.map((a) => a.id)).toEqual(base.actors.map((a) => a.id));
          // An action denied is denied to named governments, never taken off the catalogue for all: the actions
          // every government could take in the shipped world, some government can still take in each arm,
          // unless the treatment is exactly that action's use (mediation, talks, lifting sanctions).
          expect(arm.world.actions.map((d) => d.id)).toEqual(base.actions.map((d) => d.id));
        }
        expect(arms[0].world.hash === arms[1].world.hash && arms[0].world === arms[1].world).toBe(false);
      }
    },
  );

  it('the trust deficit lowers the others’ starting trust in the DPRK by the readings of a nuclear and a missile test, and nothing else', () => {
    const base = load('panmunjom-2018');
    const [a, b] = experimentById('trust-deficit')!.arms(base);
    expect(b.world).toBe(base);
    const s0 = newGame(base, 0);
    const s1 = newGame(a.world, 0);
    const n = base.actors.length;
    const at = (s: typeof s0, from: string, to: string): number =>
      s.trust[pairIndex(n, indexOf(base, from), indexOf(base, to))]!;
    for (const x of base.actors.map((y) => y.id).filter((y) => y !== 'DPRK')) {
      // A nuclear test costs every observer 10 points, a missile test 6 and its rivals 3 more (the catalogue).
      const cost = 10 + 6 + (base.initial.rivalries.some((p) => p.includes('DPRK') && p.includes(x)) ? 3 : 0);
      expect(at(s1, x, 'DPRK'), x).toBe(Math.max(0, at(s0, x, 'DPRK') - cost));
      expect(at(s1, 'DPRK', x), x).toBe(at(s0, 'DPRK', x));
    }
    const { trust: _t0, ...rest0 } = s0;
    const { trust: _t1, ...rest1 } = s1;
    expect(rest1).toEqual(rest0);
    expect(a.world.actions).toBe(base.actions);
  });

  it('the leadership treatment applies in each of its scenarios: the hardliner takes office in its round', () => {
    const e = experimentById('leadership-change')!;
    expect(leaderChangeRound(load('panmunjom-2018'), 'ROK')).toBe(6);
    // The present day's acting president's term ends in round 6 with an election, after which no leader event
    // fires: the change comes a round earlier.
    expect(leaderChangeRound(load('present-day'), 'ROK')).toBe(5);
    for (const id of e.scenarios) {
      const [a] = e.arms(load(id));
      const round = leaderChangeRound(a.world, 'ROK');
      const strategies = seatStrategies(seatsFor(a.world, {}, 'reciprocal'));
      const end = runGame(a.world, startGame(a.world, 'l'), computerChooser(a.world, 'l', strategies));
      const took = end.log.filter((x) => x.kind === 'leader' && x.actor === 'ROK' && x.round === round);
      expect(JSON.stringify(took), id).toContain('experiment-new-leader');
    }
  });

  it('mediation denies only the brokering: offering to mediate stays open to the same governments in both worlds', () => {
    const e = experimentById('mediation')!;
    for (const id of e.scenarios) {
      const base = load(id);
      const [a, b] = e.arms(base);
      expect(a.world.rules.mediatedDeals, id).toBe(true);
      expect(b.world.rules.mediatedDeals, id).toBe(false);
      expect(b.world.actions, id).toEqual(a.world.actions);
      expect({ ...b.world.rules, mediatedDeals: true }, id).toEqual(a.world.rules);
      // The claim applies: someone may mediate there.
      expect(mayBroker(a.world, 'PRC') || mayBroker(a.world, 'RUS') || mayBroker(a.world, 'ROK'), id).toBe(
        true,
      );
    }
  });

  it('multilateral talks are absent from the second world: nobody may convene them and no scheduled round does', () => {
    const e = experimentById('multilateral')!;
    for (const id of e.scenarios) {
      const base = load(id);
      const [a, b] = e.arms(base);
      const forums = (w: typeof base): number =>
        w.events.reduce((n, ev) => n + ev.effects.filter((x) => x.kind === 'forum').length, 0);
      const convene = b.world.actions.find((d) => d.id === 'convene-talks')!;
      expect(convene.by, id).toEqual([]);
      expect(forums(b.world), id).toBe(0);
      expect(
        b.world.events.map((ev) => ev.id),
        id,
      ).toEqual(a.world.events.map((ev) => ev.id));
    }
    // At the Six-Party Talks the scheduled Beijing rounds convene the talks as shipped.
    expect(experimentById('multilateral')!.scenarios).toContain('six-party-talks');
    const [six] = e.arms(load('six-party-talks'));
    expect(six.world.events.some((ev) => ev.effects.some((x) => x.kind === 'forum'))).toBe(true);
  });

  it('a batch is deterministic for its seed', () => {
    const u = { claim: 'verification', scenario: 'panmunjom-2018', players: 'easy' as const, batch: 0 };
    expect(playUnit(load, u, 2, 5)).toEqual(playUnit(load, u, 2, 5));
  });
});

describe('the table and the verdict', () => {
  const e = experimentById('lifeline')!; // predicts lower
  const batch = (d: number[]): UnitResult => ({ a: d.map((x) => x), b: d.map(() => 0) });

  it('the effect is the mean of the batches’ mean paired differences, its interval Student’s t from their spread', () => {
    const row = rowOf(e, 'easy', 'panmunjom-2018', [batch([-2, -4]), batch([-2]), batch([-4, -4])]);
    // Batch means −3, −2, −4: mean −3, sd 1, t(2) = 4.303.
    expect(row.effect).toBeCloseTo(-3, 3);
    expect(row.ci95).toBeCloseTo(4.303 / Math.sqrt(3), 2);
    expect(row.batches).toBe(3);
    expect(row.games).toBe(5);
    expect(row.batchEffects).toEqual([-3, -2, -4]);
    expect(row.significant).toBe(true);
    expect(row.holds).toBe(true);
  });

  it('an effect of the wrong sign is significant but does not hold; one batch gives no interval', () => {
    const wrong = rowOf(e, 'easy', 'x', [batch([2]), batch([3]), batch([2.5])]);
    expect(wrong.significant).toBe(true);
    expect(wrong.holds).toBe(false);
    const one = rowOf(e, 'easy', 'x', [batch([-5]), { a: [], b: [] }]);
    expect(one.ci95).toBe(Infinity);
    expect(one.significant).toBe(false);
    expect(t95(1)).toBeCloseTo(12.706, 3);
    expect(t95(100)).toBe(1.96);
  });

  it('robust when every cell holds, conditional when some do, not shown when none does', () => {
    const opts = { games: 1, seeds: 3, seed: 1, players: PLAYER_KINDS };
    const verdictWith = (holds: (players: string, scenario: string) => boolean): string => {
      const results = new Map<string, UnitResult>();
      for (const u of unitsOf(e, opts))
        results.set(unitKey(u), batch([holds(u.players, u.scenario) ? -10 - u.batch : u.batch - 1]));
      return summariseClaim(e, load, opts, results).verdict;
    };
    expect(verdictWith(() => true)).toBe('robust');
    expect(verdictWith((p) => p === 'normal')).toBe('conditional');
    expect(verdictWith(() => false)).toBe('not-shown');
  });

  it('says where a conditional claim holds, in words', () => {
    const opts = { games: 1, seeds: 3, seed: 1, players: ['easy', 'normal'] as const };
    const results = new Map<string, UnitResult>();
    for (const u of unitsOf(e, { ...opts, players: [...opts.players] }))
      results.set(unitKey(u), batch(u.players === 'normal' ? [-2 - u.batch] : [u.batch - 1]));
    const r = summariseClaim(e, load, { ...opts, players: [...opts.players] }, results);
    expect(r.verdict).toBe('conditional');
    expect(r.where).toContain(
      'Holds with normal players (objective) on panmunjom-2018, hanoi-2019 and missile-crisis-2017',
    );
    expect(r.where).toContain(`No significant effect with easy players (${PLAYERS.easy})`);
    expect(r.why).toBe(e.why);
  });
});

describe('qpq experiment', () => {
  const run = async (args: string[]): Promise<{ code: number; err: string }> => {
    let err = '';
    const e = process.stderr.write;
    process.stderr.write = ((s: string) => ((err += s), true)) as typeof e;
    try {
      return { code: await runExperimentCommand(args), err };
    } finally {
      process.stderr.write = e;
    }
  };
  it.each([
    [['nosuch'], 'unknown experiment "nosuch"'],
    [[], 'name an experiment or use --all'],
    [['lifeline', '--seeds', '1'], '--seeds must be a whole number from 2 to 100, not "1"'],
    [['lifeline', '--games', '0'], '--games must be a whole number from 1 to 10000, not "0"'],
    [['lifeline', '--players', 'normal,expert'], 'unknown players "expert"'],
    [
      ['lifeline', '--scenarios', 'present-day'],
      '--scenarios: "present-day" is not measured by the claims named',
    ],
    [['lifeline', '--json', '--markdown'], 'choose one of --json and --markdown'],
  ])('refuses %j, saying why', async (args, msg) => {
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.err).toContain(msg);
  });
});

describe('the Results section of docs/experiments.md', () => {
  const e = experimentById('lifeline')!;
  const opts = { games: 1, seeds: 3, seed: 1, players: ['easy', 'normal'] as const };
  const results = new Map<string, UnitResult>();
  for (const u of unitsOf(e, { ...opts, players: [...opts.players] }))
    results.set(unitKey(u), {
      a: [u.players === 'normal' ? -2 - u.batch : u.batch - 1],
      b: [0],
    });
  const claim = summariseClaim(e, load, { ...opts, players: [...opts.players] }, results);

  it('is generated from a run: the verdicts, where each holds, and every cell of every table', () => {
    const md = resultsMarkdown({ elapsedMs: 90_000, workers: 2, claims: [claim] }, 'qpq experiment lifeline');
    expect(md).toContain(
      '`qpq experiment lifeline`: seed 1; easy, normal players: 3 batches of 1 paired games a cell',
    );
    expect(md).toContain('**Seed 1: 0 robust, 1 conditional, 0 not shown**, of 1 claims.');
    expect(md).toContain(
      '| 5 | `lifeline` | conditional | normal: panmunjom-2018, hanoi-2019, missile-crisis-2017 | — |',
    );
    expect(md).toContain('### 5. `lifeline`: conditional');
    // One row per cell, with its effect and interval as the JSON has them.
    const rows = md.split('\n').filter((l) => /^\| (easy|normal) \(/.test(l));
    expect(rows).toHaveLength(claim.robustness.length);
    expect(rows[3]).toContain('| normal (objective) | panmunjom-2018 |');
    expect(rows[3]).toContain('−3.00 ±');
    expect(rows[3]).toMatch(/\| yes \|$/);
    expect(md).toContain(`Why: ${e.why}`);
  });

  it('with runs of other seeds, says which seeds each cell holds on, and counts only cells that hold on all', () => {
    const seed2 = {
      ...claim,
      seed: '2',
      robustness: claim.robustness.map((x) =>
        x.scenario === 'hanoi-2019' ? { ...x, holds: false, significant: false } : x,
      ),
    };
    const md = resultsMarkdown({ elapsedMs: 1, workers: 1, claims: [claim] }, 'qpq experiment lifeline', [
      { elapsedMs: 1, workers: 1, claims: [seed2] },
    ]);
    expect(md).toContain(
      '| 5 | `lifeline` | conditional | normal: panmunjom-2018, hanoi-2019, missile-crisis-2017 | — | conditional | normal: panmunjom-2018, missile-crisis-2017 |',
    );
    expect(md).toMatch(/\| normal \(objective\) \| panmunjom-2018 \|.*\| yes \| 1, 2 \|/);
    expect(md).toMatch(/\| normal \(objective\) \| hanoi-2019 \|.*\| yes \| 1 \|/);
    expect(md).toContain(`| easy (${PLAYERS.easy}) | hanoi-2019 |`);
    expect(md).toMatch(new RegExp(`\\| easy \\(${PLAYERS.easy}\\) \\| hanoi-2019 \\|.*\\| no \\| — \\|`));
  });

  it('joins runs of one seed made with different players into one table, and reads the verdict again', () => {
    const part = (players: readonly string[]): typeof claim => ({
      ...claim,
      robustness: claim.robustness.filter((x) => players.includes(x.players)),
    });
    const onlyEasy = { ...part(['easy']), verdict: 'not-shown' as const };
    const [one] = combineRuns([
      { elapsedMs: 1, workers: 1, claims: [onlyEasy] },
      { elapsedMs: 2, workers: 2, claims: [part(['normal'])] },
    ]);
    expect(one!.elapsedMs).toBe(3);
    expect(one!.claims[0]!.robustness).toEqual(claim.robustness);
    expect(one!.claims[0]!.verdict).toBe('conditional');
    expect(one!.claims[0]!.where).toBe(claim.where);
    // A claim played again with some players (at a new size) replaces those players' rows, not doubles them.
    const again = { ...part(['normal']), games: claim.games * 4 };
    again.robustness = again.robustness.map((r) => ({ ...r, games: r.games * 4, holds: true }));
    const [redone] = combineRuns([
      { elapsedMs: 1, workers: 1, claims: [claim] },
      { elapsedMs: 1, workers: 1, claims: [again] },
    ]);
    const rows = redone!.claims[0]!.robustness;
    expect(rows).toHaveLength(claim.robustness.length);
    expect(rows.filter((r) => r.players === 'normal')).toEqual(again.robustness);
    expect(rows.filter((r) => r.players !== 'normal')).toEqual(
      claim.robustness.filter((r) => r.players !== 'normal'),
    );
    expect(redone!.claims[0]!.games).toBe(claim.games * 4);
    expect(redone!.claims[0]!.hardGames).toBe(claim.hardGames);
    // Another seed stays apart.
    expect(
      combineRuns([
        { elapsedMs: 1, workers: 1, claims: [claim] },
        { elapsedMs: 1, workers: 1, claims: [{ ...claim, seed: '2' }] },
      ]),
    ).toHaveLength(2);
  });

  it('gives the size most claims were measured at, and names a claim measured at another', () => {
    const m = experimentById('mediation')!;
    const bigger = { ...opts, games: 4, players: ['easy', 'normal'] as ('easy' | 'normal')[] };
    const other = new Map<string, UnitResult>();
    for (const u of unitsOf(m, bigger)) other.set(unitKey(u), { a: [1, 1, 1, 1], b: [0, 0, 0, 0] });
    const wide = summariseClaim(m, load, bigger, other);
    const md = resultsMarkdown({ elapsedMs: 1, workers: 1, claims: [claim, claim, wide] }, 'qpq experiment');
    expect(md).toContain(
      'easy, normal players: 3 batches of 1 paired games a cell (mediation: 3 batches of 4); ',
    );
  });

  it('splices claims run again into a page, keeping the others, and counts the verdicts again', () => {
    const m = experimentById('mediation')!;
    const mres = new Map<string, UnitResult>();
    for (const u of unitsOf(m, { ...opts, players: [...opts.players] }))
      mres.set(unitKey(u), { a: [1], b: [0] });
    const med = summariseClaim(m, load, { ...opts, players: [...opts.players] }, mres);
    const seed2 = (c: typeof claim): typeof claim => ({ ...c, seed: '2' });
    const page = (md: string): string =>
      `# Page\n\nby hand\n\n${RESULTS_START}\n\n${md}\n${RESULTS_END}\n\nafter\n`;
    const before = page(
      resultsMarkdown({ elapsedMs: 1, workers: 1, claims: [claim, med] }, 'the whole run', [
        { elapsedMs: 1, workers: 1, claims: [seed2(claim), seed2(med)] },
      ]),
    );
    expect(before).toContain('**Seed 1: 1 robust, 1 conditional, 0 not shown**');
    // Mediation again, now failing everywhere on seed 1.
    const fails = {
      ...med,
      verdict: 'not-shown' as const,
      robustness: med.robustness.map((x) => ({ ...x, holds: false, significant: false, effect: 0 })),
    };
    const again = resultsMarkdown({ elapsedMs: 1, workers: 1, claims: [fails] }, 'mediation again', [
      { elapsedMs: 1, workers: 1, claims: [seed2(med)] },
    ]);
    const after = spliceResults(before, again, 'Mediation was run again.');
    expect(after).toContain('**Seed 1: 0 robust, 1 conditional, 1 not shown**, of 2 claims.');
    expect(after).toContain('**Over every seed: 0 robust, 1 conditional, 1 not shown.**');
    expect(after).toMatch(/### 7\. `mediation`: not shown/);
    expect(after).not.toMatch(/### 7\. `mediation`: robust/);
    // The other claim's section and the hand-written text around the markers are as they were.
    const lifeline = (s: string): string => s.slice(s.indexOf('### 5.'), s.indexOf('### 7.'));
    expect(lifeline(after)).toBe(lifeline(before));
    expect(after.startsWith('# Page\n\nby hand\n')).toBe(true);
    expect(after.endsWith(`${RESULTS_END}\n\nafter\n`)).toBe(true);
    expect(after).toMatch(/`the whole run`[^\n]*\n[^\n]*\n\nMediation was run again\.\n/);
    // A claim the page does not have, or a run without the page's other seeds, is refused.
    const phasing = { ...med, id: 'phasing', claim: 6 };
    expect(() =>
      spliceResults(
        before,
        resultsMarkdown({ elapsedMs: 1, workers: 1, claims: [phasing] }, 'x', [
          { elapsedMs: 1, workers: 1, claims: [seed2(phasing)] },
        ]),
        'n',
      ),
    ).toThrow(/"phasing" is not on the page/);
    expect(() =>
      spliceResults(before, resultsMarkdown({ elapsedMs: 1, workers: 1, claims: [fails] }, 'x'), 'n'),
    ).toThrow(/other columns/);
  });

  it('replaces only the text between the page’s markers, and says so when they are missing', () => {
    const page = `# Title\n\nby hand\n\n${RESULTS_START}\n\nold tables\n${RESULTS_END}\n\nafter\n`;
    const out = replaceResults(page, 'new tables\n');
    expect(out).toBe(`# Title\n\nby hand\n\n${RESULTS_START}\n\nnew tables\n\n${RESULTS_END}\n\nafter\n`);
    expect(() => replaceResults('# no markers', 'x')).toThrow(/no .* markers/);
  });
});

describe('the published Results section', () => {
  it('is exactly what the kept runs in docs/runs make, with the claims’ words as they are now', async () => {
    const pageFile = fileURLToPath(new URL('../../docs/experiments.md', import.meta.url));
    const page = readFileSync(pageFile, 'utf8');
    const dir = new URL('../../docs/runs/', import.meta.url);
    // Every kept run is one the page is made from, and every one it is made from is kept.
    expect(readdirSync(dir).sort()).toEqual([...KEPT_RUNS].sort());
    const runs = KEPT_RUNS.map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as ExperimentRun);
    const command = quotedCommand(page);
    expect(command, 'the page quotes no command').toBeDefined();
    const [run, ...others] = combineRuns(runs) as [ExperimentRun, ...ExperimentRun[]];
    const made = replaceResults(page, resultsMarkdown(run, command!, others));
    const formatted = await prettier.format(made, {
      ...(await prettier.resolveConfig(pageFile)),
      filepath: pageFile,
    });
    expect(formatted === page, 'docs/experiments.md differs from what docs/runs make: regenerate it').toBe(
      true,
    );
  });
});

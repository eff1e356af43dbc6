/**
 * How the planner's lookahead reads the offers put to Normal players, by kind (two-way, three-way): plays Normal
 * (objective) games, and at every answer weighs each waiting offer as the planner's lookahead would (accept it,
 * the rest answered as the Normal player does, against reject it, over several sampled futures with tit-for-tat
 * stand-ins), read to the end of the round and to the end of the next. The share it would take up is printed
 * beside the Normal player's. Claim 10's why (docs/experiments.md) quotes it:
 *
 *   node --import tsx scripts/planner-answers.ts six-party-talks 6 4         # scenario, games, samples
 *   QPQ_EXACT=1 node --import tsx scripts/planner-answers.ts six-party-talks 6 4   # every step observed exactly
 *
 * It does not change any game: the futures are played on copies, with draws from a generator of their own.
 */
import { beliefState } from '../src/ai/belief.ts';
import { computerChooser, strategyById } from '../src/ai/index.ts';
import { playAhead } from '../src/ai/planner.ts';
import { readScenario } from '../src/cli/files.ts';
import {
  closePhaseMut,
  collectMut,
  playerView,
  pursuedScore,
  rngFrom,
  seedState,
  startGame,
  waitingPhase,
} from '../src/engine/index.ts';
import type { PhaseInput, World } from '../src/engine/index.ts';

const [scenario = 'six-party-talks', games = '6', samples = '4'] = process.argv.slice(2);
const shipped = readScenario(scenario).world;
const world: World = process.env.QPQ_EXACT
  ? {
      ...shipped,
      rules: { ...shipped.rules, accuracy: { none: 1, partial: 1, inspections: 1 } },
      hash: `${shipped.hash}+exact`,
    }
  : shipped;
const K = Number(samples);
const READS = { 'this round': 0, 'next round': 1 } as const;
type Tally = { offers: number; normal: number } & Record<keyof typeof READS, number>;
const tally: Record<string, Tally> = {};
const objective = strategyById('objective');
const draws = rngFrom(seedState(`planner-answers:${scenario}`));

for (let g = 0; g < Number(games); g++) {
  const seed = `planner-answers:${g}`;
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, objective]));
  const choose = computerChooser(world, seed, seats);
  const s = startGame(world, seed);
  for (let phase = waitingPhase(s); phase; phase = waitingPhase(s)) {
    for (const a of world.actors) {
      const input = choose(s, a.id, phase);
      if (input.phase === 'responding' && input.answers.length) {
        const view = playerView(world, s, a.id);
        for (const ans of input.answers) {
          const o = view.offers.find((x) => x.id === ans.offer)!;
          if (o.mediator) continue;
          const kind = o.parties.length === 2 ? 'two-way' : `${o.parties.length}-way`;
          const t = (tally[kind] ??= { offers: 0, normal: 0, 'this round': 0, 'next round': 0 });
          t.offers++;
          if (ans.reply === 'accept') t.normal++;
          const as = (reply: 'accept' | 'reject'): PhaseInput => ({
            phase: 'responding',
            answers: input.answers.map((x) => (x.offer === o.id ? { ...x, reply } : x)),
          });
          for (const [read, extra] of Object.entries(READS) as [keyof typeof READS, number][]) {
            let gain = 0;
            for (let k = 0; k < K; k++) {
              const belief = beliefState(world, view, draws);
              const dice = Math.floor(draws.next() * 2 ** 32);
              const score = (mine: PhaseInput) =>
                pursuedScore(
                  world,
                  playAhead(world, belief, a.id, mine, view.round + extra, dice),
                  a.id,
                  belief,
                );
              gain += score(as('accept')) - score(as('reject'));
            }
            // An even score (the deal not signed in any future) leaves the Normal player's answer, as the planner does.
            if (gain > 1e-9 || (Math.abs(gain) <= 1e-9 && ans.reply === 'accept')) t[read]++;
          }
        }
      }
      collectMut(world, s, a.id, input);
    }
    closePhaseMut(world, s);
  }
}
const pct = (x: number, n: number) => `${Math.round((100 * x) / Math.max(1, n))} %`;
for (const [kind, t] of Object.entries(tally))
  console.log(
    `${scenario}${process.env.QPQ_EXACT ? ' (exact observation)' : ''}: ${kind} offers ${t.offers}; taken up by the Normal player ${pct(t.normal, t.offers)}, by the lookahead read to the end of this round ${pct(t['this round'], t.offers)}, of the next ${pct(t['next round'], t.offers)}`,
  );

/**
 * "What may this seat do now" (`seatOptions`) is the one answer the controls and the computer players read, so
 * it must agree with the input check the engine applies: over random games, every action, target, term,
 * answer and step it offers passes `checkInput`, and every one it refuses is refused there with the code its
 * reason maps to (`REASON_REJECTION`). A plain JSON copy of the view gives the same answer.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  REASON_REJECTION,
  checkInput,
  findAction,
  playerView,
  seatOptions,
  signingCost,
} from '../../src/engine/index.ts';
import type {
  ActionChoice,
  ActionOption,
  ActorId,
  GameState,
  OptionReason,
  PhaseInput,
  Term,
  World,
} from '../../src/engine/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import { WORLD, copy, play, statesAlong } from './helpers.ts';
import type { StrategyId } from './helpers.ts';

const FC = { seed: 20261206, numRuns: 100 };
/** The Six-Party Talks add an organisation that joins late and actions only its members' consent allows. */
const SIX = readScenario('six-party-talks').world;
const GAMES = [
  { world: WORLD, seed: 'options-1', seats: 'random' as const },
  { world: WORLD, seed: 'options-2', seats: 'reciprocal' as const },
  { world: WORLD, seed: 'options-3', seats: ['random', 'reciprocal'] as StrategyId[] },
  { world: SIX, seed: 'options-4', seats: 'random' as const },
  { world: SIX, seed: 'options-5', seats: 'reciprocal' as const },
].map((g) => ({
  world: g.world,
  states: statesAlong(g.world, g.seed, play(g.world, g.seed, g.seats).inputs),
}));
const anyState = fc
  .constantFrom(...GAMES.map((_, i) => i))
  .chain((g) =>
    fc
      .nat({ max: GAMES[g]!.states.length - 1 })
      .map((k) => ({ world: GAMES[g]!.world, s: GAMES[g]!.states[k]! })),
  );

/** The seats the state still waits for. */
const waitingSeats = (world: World, s: GameState): ActorId[] =>
  world.actors.map((a) => a.id).filter((_, i) => !s.end && s.inbox[i] === null);

/** Every single choice an option makes possible (null reason), and each refused one with its reason. */
function choices(world: World, o: ActionOption): { choice: ActionChoice; reason: OptionReason | null }[] {
  if (!o.targets) return [{ choice: { action: o.action }, reason: o.reason }];
  if (o.targets.length === 0) {
    // Aimed at no one it may be aimed at: any government is a bad target.
    const other = world.actors.find((a) => !findAction(world, o.action)!.targets?.includes(a.id))!.id;
    return [{ choice: { action: o.action, target: other }, reason: o.reason }];
  }
  // A target refused for itself keeps its own reason; an open target of a refused option, the option's.
  return o.targets.map((t) => ({
    choice: { action: o.action, target: t.id },
    reason: t.reason ?? o.reason,
  }));
}

/** The refusal each reason must meet in the input check (written out here, not read from the engine's table). */
const EXPECTED: Record<OptionReason['code'], string> = {
  requirement: 'UNAVAILABLE',
  'no-target': 'BAD_TARGET',
  unaffordable: 'UNAFFORDABLE',
  away: 'NOT_PERMITTED',
};

function expectVerdict(
  world: World,
  s: GameState,
  me: ActorId,
  input: PhaseInput,
  reason: OptionReason | null,
): void {
  const got = checkInput(world, s, me, input);
  if (reason === null) expect(got, JSON.stringify(input)).toBeNull();
  else expect(got?.code, JSON.stringify({ input, reason })).toBe(EXPECTED[reason.code]);
}

describe('what a seat may do now', () => {
  test('agrees with checkInput: what it offers passes, what it refuses is refused with the matching code', () => {
    let offered = 0;
    let refused = 0;
    fc.assert(
      fc.property(anyState, ({ world, s }) => {
        for (const me of waitingSeats(world, s)) {
          const view = playerView(world, s, me);
          const o = seatOptions(world, view);
          expect(o.waiting).toBe(true);
          if (s.phase === 'commitment') {
            for (const g of o.steps)
              expectVerdict(
                world,
                s,
                me,
                { phase: 'commitment', decisions: [{ agreement: g, honour: false }], actions: [] },
                null,
              );
            for (const a of o.own)
              for (const c of choices(world, a)) {
                expectVerdict(
                  world,
                  s,
                  me,
                  { phase: 'commitment', decisions: [], actions: [c.choice] },
                  c.reason,
                );
                if (c.reason) refused++;
                else offered++;
              }
          } else if (s.phase === 'responding') {
            for (const x of o.answers) {
              expectVerdict(
                world,
                s,
                me,
                { phase: 'responding', answers: [{ offer: x.offer, reply: 'accept' }] },
                null,
              );
              offered++;
            }
          } else if (s.phase === 'proposing' && !o.away) {
            // Each term this seat could promise, toward a government it talks to, against a plain untargeted
            // term of that government: a whole offer the view says it may make.
            for (const to of o.contacts) {
              const back = o.deal[to]!.find((x) => x.targets === null && x.reason === null);
              if (!back) continue;
              for (const a of o.deal[me]!)
                for (const c of choices(world, a)) {
                  if (c.choice.target !== undefined && c.choice.target !== to) continue;
                  const mine: Term = { by: me, ...c.choice };
                  const offer = {
                    terms: [mine, { by: to, action: back.action }],
                    verification: 'partial' as const,
                    steps: 1,
                    expires: 1,
                  };
                  expectVerdict(world, s, me, { phase: 'proposing', offers: [offer] }, c.reason);
                  if (c.reason) refused++;
                  else offered++;
                }
            }
          }
        }
      }),
      FC,
    );
    expect(offered).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
    expect(REASON_REJECTION).toEqual(EXPECTED);
  });

  test('is the same from a plain JSON copy of the view, and costs signing by the one rule', () => {
    fc.assert(
      fc.property(anyState, fc.nat({ max: 5 }), ({ world, s }, k) => {
        const me = world.actors[k % world.actors.length]!.id;
        const view = playerView(world, s, me);
        const o = seatOptions(world, view);
        expect(seatOptions(world, copy(view))).toEqual(o);
        for (const x of o.answers) {
          const offer = view.offers.find((f) => f.id === x.offer)!;
          const trustIn = offer.parties.filter((p) => p !== me).map((p) => view.myTrust[p] ?? 0);
          expect(x.signingCost).toBe(signingCost(world, me, trustIn, offer.mediator !== null));
        }
      }),
      FC,
    );
  });
});

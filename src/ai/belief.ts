/**
 * A government's belief about the whole state, built from its player view alone, so that a computer player
 * can look ahead with the engine's own step functions without ever reading what it may not know.
 * Unknowns are filled with guesses: others' trust in me mirrors mine in them; trust among others keeps its
 * scenario value; the generator is seeded from the player's own generator (a sample of the unknown future).
 */
import { copyAgreement, newGame, pairGrid, pairIndex, seedState } from '../engine/index.ts';
import type { Agreement, GameState, PlayerView, Rng, World } from '../engine/index.ts';

const templates = new WeakMap<World, GameState>();

/** The scenario's starting state (public knowledge), computed once per world. */
function template(world: World): GameState {
  let t = templates.get(world);
  if (!t) templates.set(world, (t = newGame(world, 0)));
  return t;
}

/**
 * Trust as the belief has it: mine in each other government as I know it, theirs in me the same (a guess: trust
 * is returned in kind), and trust among others at its scenario value.
 */
export function believedTrust(world: World, view: PlayerView): number[] {
  const trust = template(world).trust.slice();
  const n = world.actors.length;
  const actors = world.actors;
  let me = -1;
  for (let j = 0; j < n; j++) if (actors[j]!.id === view.me) me = j;
  const myTrust = view.myTrust;
  for (let j = 0; j < n; j++) {
    if (j === me) continue;
    const mine = myTrust[actors[j]!.id] ?? trust[pairIndex(n, me, j)]!;
    trust[pairIndex(n, me, j)] = mine;
    trust[pairIndex(n, j, me)] = mine;
  }
  return trust;
}

export function beliefState(world: World, view: PlayerView, rng: Rng): GameState {
  return beliefFrom(world, view, rng.next());
}

/**
 * The belief `beliefState` builds, from a draw of the player's generator made beforehand: a player can draw
 * at the moment it always has (keeping its generator's sequence) and build the belief only if it needs one.
 * A `light` belief leaves out what only playing rounds forward reads (the events already fired, the recent
 * gestures, the log and all but the last round of history): enough for valuing moves with `applyAction`, and much cheaper late in a game,
 * when the log is long.
 */
export function beliefFrom(world: World, view: PlayerView, draw: number, light = false): GameState {
  const base = template(world);
  const n = world.actors.length;
  const ids = world.actors.map((a) => a.id);
  const trust = believedTrust(world, view);
  const hotline = new Array<number>(n * n).fill(0);
  const backchannel = new Array<number>(n * n).fill(0);
  for (const c of view.channels) {
    const a = ids.indexOf(c.a);
    const b = ids.indexOf(c.b);
    const arr = c.channel === 'hotline' ? hotline : backchannel;
    arr[pairIndex(n, a, b)] = arr[pairIndex(n, b, a)] = 1;
  }
  const alliance = new Array<number>(n * n).fill(0);
  for (const [x, y] of view.alliances) {
    const a = ids.indexOf(x);
    const b = ids.indexOf(y);
    alliance[pairIndex(n, a, b)] = alliance[pairIndex(n, b, a)] = 1;
  }
  // Others' step records are not in the view; a believed agreement keeps its standing only.
  // A light belief is never played forward, so it may share the view's own (read-only) agreements and offers.
  const agreements: Agreement[] = light
    ? (view.agreements as unknown as Agreement[])
    : view.agreements.map((g) => copyAgreement(g, []));
  const ids2 = [...view.offers.map((o) => o.id), ...agreements.map((g) => g.id)];
  return {
    round: view.round,
    phase: view.phase,
    actors: view.actors.map((a) => ({ ...a.vars, leader: { ...a.leader }, successorsUsed: 0 })),
    trust,
    sanctions: pairGrid(world, view.sanctions),
    lifeline: pairGrid(world, view.lifeline),
    hotline,
    backchannel,
    alliance,
    rivalry: base.rivalry.slice(),
    tension: view.tension,
    stage: view.stage,
    forum: view.forum,
    offers: light
      ? view.offers
      : view.offers.map((o) => ({
          ...o,
          terms: o.terms.map((t) => ({ ...t })),
          parties: o.parties.slice(),
          accepted: o.accepted.slice(),
        })),
    agreements,
    nextId: Math.max(0, ...ids2) + 1000, // ids the believer cannot see may exist; stay clear of them
    inbox: new Array<null>(n).fill(null),
    recent: light ? {} : { ...view.myRecent },
    firedEvents: light ? [] : [...new Set(view.log.flatMap((e) => (e.kind === 'event' ? [e.ref] : [])))],
    log: [],
    // Even a light belief keeps the last round's line: the stage a round began at bounds how far a move can
    // shift it (`moveStage`), so without it a what-if summit would be clamped near the scenario's first stage.
    history: view.history.length ? [{ ...view.history[view.history.length - 1]!, trust }] : [],
    rng: seedState(Math.floor(draw * 2 ** 32)),
    end: view.end,
  };
}

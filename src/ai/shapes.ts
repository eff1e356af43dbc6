/**
 * The shape of a deal a government proposes: how much it bundles, in how many steps, and how it is verified.
 * Governments differ here as governments, not as algorithms: the shape follows the leader's stance, how far it
 * trusts the partner and what the scenario has it want, and every strategy (every difficulty) shapes its offers
 * with this one rule. A strategy decides *which* terms; this decides the form they are put in.
 *
 * - **A hawk** (stance below 40) proposes small, verified, step-by-step deals: one term each way, in as many
 *   steps as the rules allow up to four, with inspections (_The DMZ Quid Pro Quo: Why It's Not Working and What
 *   Lies Ahead_: "instead of all-or-nothing arrangements, focusing on small, verifiable steps can help build
 *   trust"). When it asks an untrusted partner to give up a weapons programme its objectives want low, it may
 *   instead demand everything at once: two terms for one, one step, inspections (the all-or-nothing arrangement
 *   the same article says has not worked; Washington's "complete, verifiable, irreversible dismantlement" first).
 *   The more hawkish the leader, the likelier the demand.
 * - **A dove** (stance above 60) offers larger packages: two of its own terms for what it asks, in two steps,
 *   verified only in part (the same article's "smaller, incremental agreements that focus on humanitarian
 *   issues or cultural exchanges", bundled as the inter-Korean summits bundled confidence-building measures and
 *   phased agreements: _Diplomatic Efforts Related to the DMZ_).
 * - **Others** trade one term for one. A programme is paid for in phases tied to its steps, under inspection
 *   (_The Future of Diplomacy in Light of North Korea's Missile Advancements_: "phased economic incentives tied
 *   to denuclearization steps"); a partner it trusts well gets a one-step swap; anything else goes in two
 *   steps, verified in part.
 *
 * The steps are capped by the scenario's `max-steps` when the offer is written (`offerWithin`).
 */
import { findAction } from '../engine/index.ts';
import type { ActorId, PlayerView, Term, Verification, World } from '../engine/index.ts';

export type ShapeKind = 'step-by-step' | 'all-or-nothing' | 'package' | 'phased' | 'swap';

export interface DealShape {
  kind: ShapeKind;
  /** How many terms the proposer gives, and how many it asks for (at most; fewer when fewer are at hand). */
  gives: number;
  wants: number;
  /** Steps wanted, before the scenario's `max-steps` caps them. */
  steps: number;
  verification: Verification;
}

/** What the shape reads: the leader, the partner, and whether the ask is a programme its objectives want down. */
export interface ShapeFacts {
  /** The proposer's leader's stance, 0 (hawk) to 100 (dove). */
  stance: number;
  /** The proposer's trust in the partner, 0..100. */
  trust: number;
  /** Whether the main term asked for cuts a weapons programme. */
  asksProgramme: boolean;
  /** Whether the proposer's objectives want that programme low (a scenario's aims, not the strategy's). */
  wantsProgrammeDown: boolean;
  /** A draw in [0, 1) from the proposer's own generator. */
  draw: number;
}

export const HAWK_BELOW = 40;
export const DOVE_ABOVE = 60;
/** Trust under which a hawk may demand a programme all at once, and over which others swap in one step. */
export const DEMAND_BELOW = 50;
export const TRUSTED_FROM = 60;

/** A demand: two asks for one give, all at once, under inspection. */
export const ALL_OR_NOTHING: Readonly<DealShape> = {
  kind: 'all-or-nothing',
  gives: 1,
  wants: 2,
  steps: 1,
  verification: 'inspections',
};

export function dealShape(f: ShapeFacts): DealShape {
  if (f.stance < HAWK_BELOW) {
    const hawkishness = (HAWK_BELOW - f.stance) / HAWK_BELOW; // 0..1
    if (f.asksProgramme && f.wantsProgrammeDown && f.trust < DEMAND_BELOW && f.draw < 0.4 + 0.5 * hawkishness)
      return { ...ALL_OR_NOTHING };
    return {
      kind: 'step-by-step',
      gives: 1,
      wants: 1,
      steps: 4,
      verification: 'inspections',
    };
  }
  if (f.stance > DOVE_ABOVE) {
    const dovishness = (f.stance - DOVE_ABOVE) / (100 - DOVE_ABOVE);
    if (f.draw < 0.5 + 0.5 * dovishness)
      return {
        kind: 'package',
        gives: 2,
        wants: 1,
        steps: 2,
        verification: 'partial',
      };
  }
  if (f.asksProgramme)
    return {
      kind: 'phased',
      gives: 1,
      wants: 1,
      steps: 3,
      verification: 'inspections',
    };
  if (f.trust >= TRUSTED_FROM) return { kind: 'swap', gives: 1, wants: 1, steps: 1, verification: 'partial' };
  return { kind: 'swap', gives: 1, wants: 1, steps: 2, verification: 'partial' };
}

/** Whether a term cuts a weapons programme. */
export const cutsProgramme = (world: World, t: Term): boolean =>
  findAction(world, t.action)!.family === 'programme';

/** Whether `me`'s objectives want the programme of whoever gives `t` low (the scenario's aims). */
export function wantsProgrammeDown(world: World, me: ActorId, t: Term): boolean {
  const def = world.actors.find((a) => a.id === me);
  return (
    def?.objectives.some(
      (o) => (o.metric === 'nuclear' || o.metric === 'missile') && o.want === 'low' && (o.of ?? me) === t.by,
    ) ?? false
  );
}

/** The shape a government in `view` gives a deal with `to` whose main ask is `ask`. */
export function shapeFor(world: World, view: PlayerView, to: ActorId, ask: Term, draw: number): DealShape {
  return dealShape({
    stance: view.actors.find((a) => a.id === view.me)!.leader.stance,
    trust: view.myTrust[to] ?? 0,
    asksProgramme: cutsProgramme(world, ask),
    wantsProgrammeDown: wantsProgrammeDown(world, view.me, ask),
    draw,
  });
}

/** The offer's form in words, as written (after `max-steps` capped it): "two steps, under inspection". */
export function shapeWords(shape: DealShape, steps: number, verification: Verification): string {
  const n = ['one step', 'two steps', 'three steps', 'four steps'][steps - 1] ?? `${steps} steps`;
  const seen =
    verification === 'inspections'
      ? 'under inspection'
      : verification === 'partial'
        ? 'verified in part'
        : 'unverified';
  const what =
    shape.kind === 'all-or-nothing' && steps === 1
      ? 'all or nothing, '
      : shape.kind === 'package'
        ? 'as a package, '
        : shape.kind === 'step-by-step' && steps > 1
          ? 'step by step, '
          : '';
  return `${what}in ${n}, ${seen}`;
}

/** Up to `n` distinct items of `from` drawn with `draw` (a generator's next), in the order drawn. */
export function drawSome<T>(from: readonly T[], n: number, draw: () => number): T[] {
  const pool = from.slice();
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(draw() * pool.length), 1)[0]!);
  return out;
}

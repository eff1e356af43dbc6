/**
 * What terms are worth to each government, read from one believed state: the objective player's valuation, made
 * cheap enough to ask thousands of times a round.
 *
 * A value is the change in a government's score (its own economy weighed by need) once the terms are carried
 * out on a what-if of the believed state, with the change of sanctions and lifelines counted over the outlook's
 * horizon (see `need.ts`). A what-if never moves trust or agreements, so only the objectives on the governments'
 * numbers, tension and the stage can change; the value reads only the belief's public numbers (and, for a step
 * of the peace process, whether the believer thinks the stage may advance), so one `Valuation` serves every seat
 * whose belief agrees on them (`valuationKey`).
 *
 * Costs, and what keeps them low:
 * - the terms are carried out on one scratch copy of the belief, put back after each valuation, instead of a
 *   fresh copy each time; a single whole term, nearly every what-if, not even there: its changes to the numbers a
 *   valuation reads are compiled once per world and alliances (`Program`) and run on those numbers alone;
 * - every government's value is read from that one what-if at once, and kept by the terms (numbers as keys for
 *   one or two whole terms, the commonest asks);
 * - objectives that a what-if cannot move are never read.
 *
 * @example
 *   const v = new Valuation(world, belief, 4, 2);
 *   v.value('DPRK', [{ by: 'USA', action: 'lift-sanctions', target: 'DPRK' }]).value; // > 0: relief helps it
 */
import {
  ACTOR_VARS,
  applyAction,
  clamp,
  indexOf,
  leaderPriority,
  pairIndex,
  inSentence,
  stageMayAdvance,
  viewFacts,
  whatIfCopy,
} from '../engine/index.ts';
import type {
  ActionChoice,
  ActorId,
  Agreement,
  Cause,
  GameState,
  PlayerView,
  Term,
  World,
} from '../engine/index.ts';
import { believedTrust } from './belief.ts';
import { addFlows, outlook } from './need.ts';
import type { Outlook } from './need.ts';

/** A government's change of score from some terms, and the objective that moved most (its label, '' if none). */
export interface Valued {
  value: number;
  reason: string;
}

/** A term as a deal writes it, or an action I would take on my own with me as its author. */
export type AnyTerm = Term | (ActionChoice & { by: ActorId });

/** A what-if keeps no ledger, so its cause is never read: one shared object instead of one per action. */
const WHAT_IF: Cause = { kind: 'unseen' };

/** How a metric reads the state, for the objectives a what-if can move. */
const enum Read {
  Var,
  Tension,
  Stage,
}

/** One objective a what-if can move, ready to read. */
interface Mover {
  /** Its position in the owner's objectives (for the reason). */
  k: number;
  read: Read;
  /** The government whose number it reads (`Read.Var`). */
  of: number;
  v: (typeof ACTOR_VARS)[number];
  /** `v`'s place in ACTOR_VARS, for `varOf`. */
  vi: number;
  high: boolean;
  /** Its weight times the need multiplier, as `decisionValue` computes it. */
  coef: number;
  base: number;
  /** The number it reads, as a place in a valuation's slots: `of`'s `v`, then tension, then the stage. */
  slot: number;
}

/**
 * An entry (every government's value of one list of terms, and the objective that moved each most) is a number:
 * its place in a valuation's pool, where its n values are followed by its n reasons (the index of the objective
 * that moved most, -1 when none moved). No object per entry: a game makes thousands.
 */
type Entry = number;

/** Per world, the governments with an objective on each slot (see `Valuation`'s `#readers`). */
const slotReaders = new WeakMap<World, number[][]>();

/** How many variables a government has (its slots in a valuation). */
const NV = ACTOR_VARS.length;

/** The actions' index and each actor's objective labels in sentence case, per world. */
const labels = new WeakMap<World, string[][]>();
function labelsOf(world: World): string[][] {
  let l = labels.get(world);
  if (!l) labels.set(world, (l = world.actors.map((a) => a.objectives.map((o) => inSentence(o.label)))));
  return l;
}

export class Valuation {
  readonly look: Outlook;
  readonly #world: World;
  readonly #base: GameState;
  readonly #scratch: GameState;
  readonly #n: number;
  readonly #movers: Mover[][];
  readonly #weights: number[];
  readonly #labels: string[][];
  /** The entries' numbers, 2n per entry (see Entry), grown as needed. */
  readonly #pool: number[] = [];
  /** Each government's reason during a what-if, before it joins the pool. */
  readonly #why: Int32Array;
  #entries = 0;
  /** The answers built so far, n per entry, by government (made on the first answer: most are read as numbers). */
  readonly #kept: (Valued | undefined)[] = [];
  /** One whole term's entry by its code (-1: not valued yet): an array, read far more often than a map would be. */
  readonly #singles: Int32Array;
  /** The list `#single` values a term in, reused (a what-if keeps no reference to it). */
  readonly #one: AnyTerm[] = [];
  readonly #strays = new Map<number, Entry>();
  readonly #pairs = new Map<number, Entry>();
  readonly #faded = new Map<number, Map<number, Entry>>();
  readonly #others = new Map<string, Entry>();
  readonly #ids: ActorId[];
  /** How many term codes there are (for pairs' numeric keys). */
  readonly #codes: number;
  /**
   * Every number an objective can read, as slots (each government's variables in ACTOR_VARS' order, then tension,
   * then the stage as the metric reads it): as the belief has them, and as the last what-if left them.
   */
  readonly #baseSlots: Float64Array;
  readonly #slots: Float64Array;
  /** Per slot, the governments with an objective on it; per government, whether a what-if moved one of them. */
  readonly #readers: number[][];
  readonly #moved: Uint8Array;
  /** The slots the last what-if moved (`#take`). */
  readonly #changed: Int32Array;
  /** The governments whose objectives are read after every what-if (see the constructor). */
  readonly #always: Uint8Array;
  /** Per term code, the single whole term's program (see `Program`) for this belief's alliances and rivalries. */
  readonly #programs: (Program | null | undefined)[];
  /** The valuation whose entries this one takes over where they hold (`inherit`), and the slots that differ. */
  #parent: Valuation | null = null;
  #parentMask: Uint8Array | null = null;

  /**
   * @param belief a (light) belief, not changed here and not to be changed while this valuation is used
   * @param horizon rounds over which a change of sanctions or lifelines is counted
   * @param gain how much more a government's own economy weighs when it is heading low
   */
  constructor(world: World, belief: GameState, horizon: number, gain: number) {
    this.#world = world;
    this.#base = belief;
    this.#scratch = whatIfCopy(belief);
    this.#ids = world.actors.map((a) => a.id);
    const n = (this.#n = world.actors.length);
    this.#codes = n * world.actions.length * (n + 1);
    this.#singles = new Int32Array(this.#codes).fill(-1);
    const look = (this.look = outlook(world, belief, horizon));
    this.#labels = labelsOf(world);
    this.#weights = [];
    this.#movers = world.actors.map((def, w) => {
      let weights = 0;
      const out: Mover[] = [];
      def.objectives.forEach((o, k) => {
        // The leader in office weighs the objectives by its own priorities (`leaderPriority`).
        const weight = o.weight * leaderPriority(world, belief, def.id, o);
        weights += weight;
        const need = o.metric === 'economy' && o.want === 'high' && (o.of ?? def.id) === def.id;
        const coef = weight * (need ? 1 + gain * look.need[w]! : 1);
        const high = o.want === 'high';
        const m = o.metric;
        let mover: Mover | null = null;
        if ((ACTOR_VARS as readonly string[]).includes(m)) {
          const of = indexOf(world, o.of ?? def.id);
          // An objective on an unknown government reads 0 before and after: it never moves.
          if (of >= 0)
            mover = {
              k,
              read: Read.Var,
              of,
              v: m as Mover['v'],
              vi: ACTOR_VARS.indexOf(m as Mover['v']),
              high,
              coef,
              base: 0,
              slot: 0,
            };
        } else if (m === 'tension')
          mover = { k, read: Read.Tension, of: -1, v: 'economy', vi: -1, high, coef, base: 0, slot: 0 };
        else if (m === 'stage')
          mover = { k, read: Read.Stage, of: -1, v: 'economy', vi: -1, high, coef, base: 0, slot: 0 };
        // Trust and agreements: a what-if shares them with the belief, so they read the same before and after.
        if (mover) {
          mover.base = this.#read(belief, mover);
          mover.slot = mover.read === Read.Var ? mover.of * NV + mover.vi : n * NV + mover.read - 1;
          out.push(mover);
        }
      });
      this.#weights.push(weights);
      return out;
    });
    const slots = n * NV + 2;
    this.#baseSlots = new Float64Array(slots);
    this.#slots = new Float64Array(slots);
    this.#readSlots(belief, this.#baseSlots);
    this.#moved = new Uint8Array(n);
    this.#changed = new Int32Array(slots);
    this.#slots.set(this.#baseSlots);
    this.#why = new Int32Array(n);
    this.#always = new Uint8Array(n);
    // Which objectives can move, and so who reads each slot, depends on the world alone: read once per world.
    let readers = slotReaders.get(world);
    if (!readers) {
      readers = Array.from({ length: slots }, (): number[] => []);
      this.#movers.forEach((ms, w) => {
        for (const m of ms) if (!readers![m.slot]!.includes(w)) readers![m.slot]!.push(w);
      });
      slotReaders.set(world, readers);
    }
    this.#readers = readers;
    this.#programs = programsFor(world, belief);
    this.#movers.forEach((ms, w) => {
      // A weight that is not a finite number makes even an unmoved objective's term NaN (as `decisionValue`
      // computes it): such a government's objectives are always read.
      for (const m of ms) if (!Number.isFinite(m.coef)) this.#always[w] = 1;
    });
  }

  /** Every slot's number in `s` (see `#baseSlots`). */
  #readSlots(s: GameState, out: Float64Array): void {
    const n = this.#n;
    let at = 0;
    for (let i = 0; i < n; i++) {
      // Written out, in ACTOR_VARS' order (see ORDER): a computed name reads several times slower.
      const a = s.actors[i]!;
      out[at++] = a.security;
      out[at++] = a.support;
      out[at++] = a.economy;
      out[at++] = a.influence;
      out[at++] = a.nuclear;
      out[at++] = a.missile;
    }
    out[at++] = s.tension;
    out[at] = this.#stageRead(s);
  }

  /** An objective's value on 0..100 in `s`, as `objectiveValue` reads it. */
  #read(s: GameState, m: Mover): number {
    const v =
      m.read === Read.Var ? s.actors[m.of]![m.v] : m.read === Read.Tension ? s.tension : this.#stageRead(s);
    return m.high ? v : 100 - v;
  }

  /** The stage as the `stage` metric reads it, on 0..100. */
  #stageRead(s: GameState): number {
    const len = this.#world.stages.length;
    return len > 1 ? (100 * s.stage) / (len - 1) : 0;
  }

  /** An actor's index in the world (as `indexOf`, -1 for an unknown id), by a map: asked for every value read. */
  #ix(id: ActorId): number {
    // A scan of a few ids beats a map's lookup here.
    const ids = this.#ids;
    for (let i = 0; i < ids.length; i++) if (ids[i] === id) return i;
    return -1;
  }

  /** A term's number: who does what to whom. */
  #code(t: AnyTerm): number {
    const w = this.#world;
    const n = this.#n;
    const by = this.#ix(t.by);
    const a = w.actionIndex[t.action]!;
    const target = t.target === undefined ? -1 : this.#ix(t.target);
    return (by * w.actions.length + a) * (n + 1) + target + 1;
  }

  /** One whole term's entry (scale and fade 1). */
  #single(t: AnyTerm): Entry {
    const c = this.#code(t);
    const one = this.#one;
    if (!(c >= 0 && c < this.#singles.length)) {
      // A term naming no known government or action has no place in the array (its what-if is the engine's to
      // refuse or to apply as it does).
      let x = this.#strays.get(c);
      if (x === undefined) {
        one[0] = t;
        this.#strays.set(c, (x = this.#compute(one, 1, 1)));
      }
      return x;
    }
    let e = this.#singles[c]!;
    if (e < 0) {
      e = this.#inherited(c, 1);
      if (e < 0) {
        one[0] = t;
        e = this.#compute(one, 1, 1);
      }
      this.#singles[c] = e;
    }
    return e;
  }

  #entry(terms: readonly AnyTerm[], scale: number, fade: number): Entry {
    let e: Entry | undefined;
    if (scale === 1 && terms.length === 1) {
      if (fade === 1) return this.#single(terms[0]!);
      // A gesture repeated lately, its payoff at home faded: keyed by the term and the fade, as numbers.
      const c = this.#code(terms[0]!);
      let byFade = this.#faded.get(c);
      if (!byFade) this.#faded.set(c, (byFade = new Map()));
      e = byFade.get(fade);
      if (e === undefined) {
        e = this.#inherited(c, fade);
        if (e < 0) e = this.#compute(terms, scale, fade);
        byFade.set(fade, e);
      }
    } else if (scale === 1 && fade === 1 && terms.length === 2) {
      const c = this.#code(terms[0]!) * this.#codes + this.#code(terms[1]!);
      e = this.#pairs.get(c);
      if (e === undefined) this.#pairs.set(c, (e = this.#compute(terms, scale, fade)));
    } else {
      let key = `${scale}|${fade}`;
      for (const t of terms) key += `|${this.#code(t)}`;
      e = this.#others.get(key);
      if (e === undefined) this.#others.set(key, (e = this.#compute(terms, scale, fade)));
    }
    return e;
  }

  /**
   * Every government's value of `terms` carried out in order (each scaled and faded as given), on the scratch
   * copy, which is then put back as the belief has it.
   */
  #compute(terms: readonly AnyTerm[], scale: number, fade: number): Entry {
    if (scale === 1 && terms.length === 1) {
      const prog = this.#program(terms[0]!);
      if (prog !== null) return this.#run(prog, fade);
    }
    const world = this.#world;
    const s = this.#scratch;
    const kinds = actionKinds(world);
    let flows = false;
    let pairs = false;
    for (const t of terms) {
      const a = world.actionIndex[t.action]!;
      flows ||= (kinds[a]! & MOVES_PRESSURE) !== 0;
      pairs ||= (kinds[a]! & TOUCHES_PAIRS) !== 0;
      applyAction(
        world,
        s,
        world.actions[a]!,
        this.#ix(t.by),
        t.target === undefined ? -1 : this.#ix(t.target),
        scale,
        true,
        fade,
        WHAT_IF,
      );
    }
    // With sanctions and lifelines as they were, every government's pressure is unchanged: no flows to count.
    if (flows) addFlows(world, s, this.look);
    const e = this.#record(this.#take(s));
    if (pairs) {
      const b = this.#base;
      copyInto(s.sanctions, b.sanctions);
      copyInto(s.lifeline, b.lifeline);
      copyInto(s.hotline, b.hotline);
      copyInto(s.backchannel, b.backchannel);
    }
    return e;
  }

  /** The program of one whole term (see `Program`), made once per world and alliances; null where it has none. */
  #program(t: AnyTerm): Program | null {
    const c = this.#code(t);
    if (!(c >= 0 && c < this.#codes)) return null;
    let prog = this.#programs[c];
    if (prog === undefined) {
      const w = this.#world;
      const n = this.#n;
      const rest = Math.floor(c / (n + 1));
      this.#programs[c] = prog = programOf(
        w,
        this.#base,
        Math.floor(rest / w.actions.length),
        rest % w.actions.length,
        (c % (n + 1)) - 1,
      );
    }
    return prog;
  }

  /**
   * A whole term's what-if run as its program on the slots themselves: each change in the order `applyAction`
   * makes it, kept within 0..100 as `changeVar` and `changeTension` keep it, and the same amounts computed the same
   * way, so the same numbers come out as from carrying the term out on the scratch copy and reading it back.
   */
  #run(prog: Program, fade: number): Entry {
    const cur = this.#slots;
    const base = this.#baseSlots;
    const { slots, amounts, faded, touched } = prog;
    for (let k = 0; k < slots.length; k++) {
      const x = slots[k]!;
      cur[x] = clamp(cur[x]! + (faded[k] === 1 ? amounts[k]! * fade : amounts[k]!));
    }
    const changed = this.#changed;
    let moved = 0;
    for (let k = 0; k < touched.length; k++) {
      const x = touched[k]!;
      if (cur[x] !== base[x]) changed[moved++] = x;
      else cur[x] = base[x]!;
    }
    return this.#record(moved);
  }

  /**
   * Reads every government's value of the what-if whose moved slots are the first `changed` of `#changed` (their
   * numbers in `#slots`), adds them to the pool as a new entry, and puts those slots back as the belief has them.
   */
  #record(changed: number): Entry {
    const n = this.#n;
    const e = this.#entries++;
    // A plain array grown by pushes (values, then reasons): typed arrays this size live outside the heap, and
    // growing one cost more than it saved.
    const out = this.#pool;
    const why = this.#why;
    // Only the objectives on a number the what-if moved are read: an unmoved one adds an exact zero to the sum
    // and never becomes the reason, so skipping it changes no value (and most terms move a few numbers only).
    // `cur` holds the belief's numbers but for the slots this what-if moved (`#take`), put back at the end.
    const cur = this.#slots;
    const base = this.#baseSlots;
    const moved = this.#moved;
    moved.set(this.#always);
    for (let k = 0; k < changed; k++) for (const w of this.#readers[this.#changed[k]!]!) moved[w] = 1;
    for (let w = 0; w < n; w++) {
      let sum = 0;
      let best = 0;
      let reason = -1;
      const all = this.#always[w] === 1;
      if (moved[w])
        for (const m of this.#movers[w]!) {
          const x = cur[m.slot]!;
          if (x === base[m.slot] && !all) continue;
          const d = m.coef * ((m.high ? x : 100 - x) - m.base);
          sum += d;
          if (Math.abs(d) > best) {
            best = Math.abs(d);
            reason = m.k;
          }
        }
      const weights = this.#weights[w]!;
      out.push(weights > 0 ? sum / weights : 0);
      why[w] = reason;
    }
    for (let w = 0; w < n; w++) out.push(why[w]!);
    for (let k = 0; k < changed; k++) cur[this.#changed[k]!] = base[this.#changed[k]!]!;
    return e;
  }

  /**
   * Reads what a what-if left in the scratch copy, in one pass that also puts it back as the belief has it: each
   * slot whose number moved is written to `#slots` and listed in `#changed`; returns how many moved. The forum
   * is put back too (no objective reads it); pair tables are put back by the caller.
   */
  #take(s: GameState): number {
    const cur = this.#slots;
    const base = this.#baseSlots;
    const changed = this.#changed;
    let k = 0;
    let at = 0;
    for (let i = 0; i < this.#n; i++, at += NV) {
      // Written out, in ACTOR_VARS' order (see ORDER): a computed name reads several times slower.
      const a = s.actors[i]!;
      if (a.security !== base[at]) {
        cur[at] = a.security;
        a.security = base[at]!;
        changed[k++] = at;
      }
      if (a.support !== base[at + 1]) {
        cur[at + 1] = a.support;
        a.support = base[at + 1]!;
        changed[k++] = at + 1;
      }
      if (a.economy !== base[at + 2]) {
        cur[at + 2] = a.economy;
        a.economy = base[at + 2]!;
        changed[k++] = at + 2;
      }
      if (a.influence !== base[at + 3]) {
        cur[at + 3] = a.influence;
        a.influence = base[at + 3]!;
        changed[k++] = at + 3;
      }
      if (a.nuclear !== base[at + 4]) {
        cur[at + 4] = a.nuclear;
        a.nuclear = base[at + 4]!;
        changed[k++] = at + 4;
      }
      if (a.missile !== base[at + 5]) {
        cur[at + 5] = a.missile;
        a.missile = base[at + 5]!;
        changed[k++] = at + 5;
      }
    }
    if (s.tension !== base[at]) {
      cur[at] = s.tension;
      changed[k++] = at;
    }
    const stage = this.#stageRead(s);
    if (stage !== base[at + 1]) {
      cur[at + 1] = stage;
      changed[k++] = at + 1;
    }
    const b = this.#base;
    s.tension = b.tension;
    s.stage = b.stage;
    s.forum = b.forum;
    return k;
  }

  /**
   * Takes over `parent`'s entries for single acts (whole, or faded) that hold here too. `parent` must value a
   * belief whose valuation key differs from this one's only in some governments' numbers other than their
   * economies, at the slots `changed` (see `changedNumbers`): a round's signed deals change the signers' support
   * between proposals and commitments, and nothing else a valuation reads. The weights (leaders' stances) and
   * needs (economies, sanctions, lifelines, the round) are then the same here, so an act that can move none of the
   * changed slots (`touchedSlots`) moves the same slots from the same numbers on both beliefs, and every
   * government's value of it and its reason are the same: copied, not worked out again.
   */
  inherit(parent: Valuation, changed: readonly number[]): void {
    if (parent.#world !== this.#world || this.#always.some((x) => x === 1)) return;
    const mask = new Uint8Array(this.#slots.length);
    for (const x of changed) mask[x] = 1;
    // Taken over when first asked for, not all at once: most of a round's proposal values are never read again.
    // The parent keeps no parent of its own (values it would have taken over it works out again, the same), so a
    // valuation keeps at most one other alive.
    parent.#parent = null;
    parent.#parentMask = null;
    this.#parent = parent;
    this.#parentMask = mask;
  }

  /**
   * The parent's entry (see `inherit`) for the act of code `c`, whole (`fade` 1) or faded, copied here, when it
   * has one and the act can move none of the slots that differ; -1 otherwise.
   */
  #inherited(c: number, fade: number): Entry {
    const parent = this.#parent;
    if (parent === null || !(c >= 0 && c < this.#codes)) return -1;
    const pe = fade === 1 ? parent.#singles[c]! : (parent.#faded.get(c)?.get(fade) ?? -1);
    if (pe < 0) return -1;
    const world = this.#world;
    const n = this.#n;
    const acts = world.actions.length;
    const rest = Math.floor(c / (n + 1));
    const mask = this.#parentMask!;
    for (const x of touchedSlots(world, Math.floor(rest / acts), rest % acts, (c % (n + 1)) - 1))
      if (mask[x] === 1) return -1;
    const pool = this.#pool;
    const from = parent.#pool;
    for (let k = pe * 2 * n, end = k + 2 * n; k < end; k++) pool.push(from[k]!);
    return this.#entries++;
  }

  /** `value(who, [t])`, read without the list. */
  valued(who: ActorId, t: AnyTerm): Valued {
    return this.#answer(this.#single(t), this.#ix(who));
  }

  /** `value(who, [{ by: who, action, target }], 1, fade)`: an act of `who`'s own, read without building the term. */
  valuedBy(who: ActorId, action: string, target: ActorId | undefined, fade: number): Valued {
    const w = this.#world;
    const by = this.#ix(who);
    const a = w.actionIndex[action]!;
    const to = target === undefined ? -1 : this.#ix(target);
    const c = (by * w.actions.length + a) * (this.#n + 1) + to + 1;
    // An act that can move none of its author's objectives is worth exactly nothing to it: no what-if needed.
    if (by >= 0 && this.#always[by] === 0 && !touchesOwnAims(w, this.#readers, by, a, to)) return NOTHING;
    let e: Entry | undefined;
    if (fade === 1) {
      const x = c >= 0 && c < this.#singles.length ? this.#singles[c]! : this.#strays.get(c);
      if (x !== undefined && x >= 0) e = x;
    } else e = this.#faded.get(c)?.get(fade);
    return e !== undefined ? this.#answer(e, by) : this.value(who, [{ by: who, action, target }], 1, fade);
  }

  /** Government `w`'s value and reason from an entry, built once and kept. */
  #answer(e: Entry, w: number): Valued {
    const n = this.#n;
    const kept = this.#kept;
    // One flat list, n places per entry, filled in order (no list per entry, and no holes).
    while (kept.length < (e + 1) * n) kept.push(undefined);
    let v = kept[e * n + w];
    if (!v) {
      const r = this.#pool[e * 2 * n + n + w]!;
      kept[e * n + w] = v = { value: this.#pool[e * 2 * n + w]!, reason: r < 0 ? '' : this.#labels[w]![r]! };
    }
    return v;
  }

  /** `who`'s change of score from one whole term: `value(who, [t]).value`, without building the answer. */
  valueOf(who: ActorId, t: AnyTerm): number {
    const e = this.#single(t);
    return this.#pool[e * 2 * this.#n + this.#ix(who)]!;
  }

  /**
   * `who`'s change of score were `of`'s number `v` to move by `delta` from the belief (kept within 0..100, as the
   * engine keeps it) and nothing else: what a consequence the rules attach to a deal, not a term of it, is worth
   * (a mediator's influence when its package is signed).
   */
  worthOfVar(who: ActorId, of: ActorId, v: (typeof ACTOR_VARS)[number], delta: number): number {
    const w = this.#ix(who);
    const o = this.#ix(of);
    if (w < 0 || o < 0) return 0;
    const slot = o * NV + ACTOR_VARS.indexOf(v);
    const x = Math.min(100, Math.max(0, this.#baseSlots[slot]! + delta));
    let sum = 0;
    for (const m of this.#movers[w]!) if (m.slot === slot) sum += m.coef * ((m.high ? x : 100 - x) - m.base);
    const weights = this.#weights[w]!;
    return weights > 0 ? sum / weights : 0;
  }

  /** `who`'s change of score from `terms`, with the objective that moved most. */
  value(who: ActorId, terms: readonly AnyTerm[], scale = 1, fade = 1): Valued {
    return this.#answer(this.#entry(terms, scale, fade), this.#ix(who));
  }
}

/** What an act that moves none of its author's objectives is worth to it (what `#compute` gives it). */
const NOTHING: Valued = Object.freeze({ value: 0, reason: '' });

/** Per world, the slots each act (by its term code, see `#code`) may move (`touchedSlots`), made when first asked. */
const touched = new WeakMap<World, (readonly number[] | undefined)[]>();

/**
 * The slots (see `Valuation`'s `#slots`) that actor `by` taking action `a` toward `to` (-1: none) may move, read
 * from what the action can touch at most: its costs (the author's numbers), its effects on numbers (the author's,
 * the target's, or anyone's for allies, target's allies and others), tension, the stage, and every economy when it
 * changes sanctions or lifelines (the flows `addFlows` counts). A what-if of the act moves no other slot.
 */
function touchedSlots(world: World, by: number, a: number, to: number): readonly number[] {
  const n = world.actors.length;
  const code = (by * world.actions.length + a) * (n + 1) + to + 1;
  let known = touched.get(world);
  if (!known) touched.set(world, (known = []));
  let slots = known[code];
  if (!slots) {
    const def = world.actions[a]!;
    const out = new Set<number>();
    const anyone = (v: number): void => world.actors.forEach((_, i) => out.add(i * NV + v));
    ACTOR_VARS.forEach((v, k) => {
      if ((def.cost[v] ?? 0) !== 0) out.add(by * NV + k);
    });
    for (const e of def.effects)
      switch (e.kind) {
        case 'var': {
          const v = ACTOR_VARS.indexOf(e.var);
          if (e.who === 'self') out.add(by * NV + v);
          else if (e.who === 'target') {
            if (to >= 0) out.add(to * NV + v);
          } else anyone(v);
          break;
        }
        case 'tension':
          out.add(n * NV);
          break;
        case 'stage':
          out.add(n * NV + 1);
          break;
        case 'sanctions':
        case 'lifeline':
          anyone(ACTOR_VARS.indexOf('economy'));
          break;
      }
    known[code] = slots = [...out];
  }
  return slots;
}

/** Per world, whether each act (by its term code) may move a number its author's objectives read. */
const ownAims = new WeakMap<World, Int8Array>();

/**
 * Whether actor `by` taking action `a` toward `to` (-1: none) may move a number one of `by`'s own objectives reads
 * (`readers`: per slot, who reads it; `touchedSlots`: what the act may move). When it may not, no what-if of it
 * moves a slot `by` reads, and its value to `by` is exactly 0 with no reason.
 */
function touchesOwnAims(world: World, readers: number[][], by: number, a: number, to: number): boolean {
  const n = world.actors.length;
  const code = (by * world.actions.length + a) * (n + 1) + to + 1;
  let known = ownAims.get(world);
  if (!known) ownAims.set(world, (known = new Int8Array(n * world.actions.length * (n + 1)).fill(-1)));
  if (known[code]! < 0)
    known[code] = touchedSlots(world, by, a, to).some((x) => readers[x]!.includes(by)) ? 1 : 0;
  return known[code] === 1;
}

/**
 * What carrying out one whole term (scale 1) does to the numbers a valuation reads, as `applyAction` does it: each
 * change in order, at `slots[k]` by `amounts[k]` (times the fade where `faded[k]` is 1, as `applyAction` fades a
 * gesture's payoff at home and a calming act's effect on tension), each kept within 0..100; `touched` lists the
 * slots it writes, once each. Only for acts that change nothing a valuation reads besides those numbers: no
 * sanctions or lifelines (their flows move every economy over the outlook) and no move of the stage (which reads
 * the belief's trust and agreements); those are carried out on the scratch copy instead.
 */
interface Program {
  slots: Int32Array;
  amounts: Float64Array;
  faded: Uint8Array;
  touched: Int32Array;
}

/** Per world and per belief's alliances and rivalries (which decide who an effect reaches), each term's program. */
const programTables = new WeakMap<World, Map<string, (Program | null | undefined)[]>>();

function programsFor(world: World, belief: GameState): (Program | null | undefined)[] {
  let byShape = programTables.get(world);
  if (!byShape) programTables.set(world, (byShape = new Map()));
  const key = `${belief.alliance.join(',')}|${belief.rivalry.join(',')}`;
  let table = byShape.get(key);
  if (!table) byShape.set(key, (table = []));
  return table;
}

/**
 * The program (see `Program`) of actor `by` taking action `a` toward `to` (-1: none) as a whole term, read from
 * the action as `applyAction` applies it with `discrete` set, against `belief`'s alliances and rivalries; null
 * when the act moves sanctions, lifelines or the stage.
 */
function programOf(world: World, belief: GameState, by: number, a: number, to: number): Program | null {
  const def = world.actions[a]!;
  const n = world.actors.length;
  const slots: number[] = [];
  const amounts: number[] = [];
  const faded: number[] = [];
  const change = (i: number, v: (typeof ACTOR_VARS)[number], amount: number, fade: boolean): void => {
    if (v === 'economy' && world.actors[i]!.noEconomy) return; // as changeVar: no economy, no change
    slots.push(i * NV + ACTOR_VARS.indexOf(v));
    amounts.push(amount);
    faded.push(fade ? 1 : 0);
  };
  const rival = (x: number, y: number): boolean => belief.rivalry[pairIndex(n, x, y)] === 1;
  const allied = (x: number, y: number): boolean => x !== y && belief.alliance[pairIndex(n, x, y)] === 1;
  const between = to < 0 || rival(by, to) ? 1 : world.rules.nonRivalTension;
  for (const v of ACTOR_VARS) {
    const c = def.cost[v];
    if (c) change(by, v, -c * 1, false);
  }
  for (const e of def.effects)
    switch (e.kind) {
      case 'var':
        if (e.rivalsOnly && (to < 0 || !rival(by, to))) break;
        for (let i = 0; i < n; i++) {
          const hit =
            e.who === 'self'
              ? i === by
              : e.who === 'target'
                ? i === to
                : e.who === 'allies'
                  ? allied(by, i)
                  : e.who === 'target-allies'
                    ? to >= 0 && i !== by && allied(to, i)
                    : i !== by;
          if (!hit) continue;
          const k = e.scaleByHawkishness ? world.actors[i]!.hawkishness / 50 : 1;
          change(i, e.var, e.delta * k * 1, i === by && e.delta > 0);
        }
        break;
      case 'tension':
        slots.push(n * NV);
        amounts.push(e.delta * 1 * between);
        faded.push(e.delta < 0 ? 1 : 0);
        break;
      case 'sanctions':
      case 'lifeline':
        if (to >= 0) return null;
        break;
      case 'stage':
        if (e.delta !== 0) return null;
        break;
      case 'channel':
      case 'forum':
        break; // no number a valuation reads (the pair tables and the forum are put back after a what-if)
      default:
        return null;
    }
  return {
    slots: Int32Array.from(slots),
    amounts: Float64Array.from(amounts),
    faded: Uint8Array.from(faded),
    touched: Int32Array.from(new Set(slots)),
  };
}

/** An action that can change sanctions or lifelines (and so the economies' pressure). */
const MOVES_PRESSURE = 1;
/** An action that can change a pair table (sanctions, lifelines, channels). */
const TOUCHES_PAIRS = 2;

/** Per world, each action's kinds (by its place in `world.actions`), read once. */
const kindsByWorld = new WeakMap<World, Uint8Array>();
function actionKinds(world: World): Uint8Array {
  let k = kindsByWorld.get(world);
  if (!k) {
    k = new Uint8Array(world.actions.length);
    world.actions.forEach((def, a) => {
      for (const e of def.effects) {
        if (e.kind === 'sanctions' || e.kind === 'lifeline') k![a]! |= MOVES_PRESSURE | TOUCHES_PAIRS;
        if (e.kind === 'channel') k![a]! |= TOUCHES_PAIRS;
      }
    });
    kindsByWorld.set(world, k);
  }
  return k;
}

/** The variables `#take` and `#readSlots` name, in ACTOR_VARS' order: this fails to compile if that list changes. */
const ORDER: typeof ACTOR_VARS = ['security', 'support', 'economy', 'influence', 'nuclear', 'missile'];
void ORDER;

function copyInto(to: number[], from: readonly number[]): void {
  for (let k = 0; k < from.length; k++) to[k] = from[k]!;
}

/**
 * What a valuation reads of the belief `beliefFrom` builds from `view`, as numbers, read from the view itself
 * (no belief is built): the round (for the outlook's horizon), tension, the stage and the stage the round began at, whether the believer thinks
 * it may advance (its trust as `believedTrust` has it, and the agreements in the view), the governments' numbers,
 * the leaders' stances (which set their priorities), sanctions, lifelines and alliances. Beliefs with equal keys value every list of terms identically. The forum
 * is left out: an action can convene talks, but no objective reads whether talks are convened, so a round's
 * proposals (which use up a round of the forum) do not make its answers value the same terms again.
 */
export function valuationKey(world: World, view: PlayerView): Float64Array {
  const n = world.actors.length;
  const nv = ACTOR_VARS.length;
  const k = new Float64Array(5 + n * (nv + 1) + 3 * n * n);
  k[0] = view.round;
  k[1] = view.tension;
  k[2] = view.stage;
  k[3] = believerAdvance(world, view);
  // The stage the round began at: a move shifts the stage at most one stage from it (`moveStage`).
  k[4] = view.history.length ? view.history[view.history.length - 1]!.stage : world.initial.stage;
  let at = 5;
  for (const a of view.actors) {
    // Written out, in ACTOR_VARS' order (see ORDER): a computed name reads several times slower.
    const v = a.vars;
    k[at++] = v.security;
    k[at++] = v.support;
    k[at++] = v.economy;
    k[at++] = v.influence;
    k[at++] = v.nuclear;
    k[at++] = v.missile;
  }
  // Each leader's stance: a leader's priorities weigh the objectives (`leaderPriority`).
  for (const a of view.actors) k[at++] = a.leader.stance;
  const facts = viewFacts(view);
  const ids = world.actors.map((a) => a.id);
  for (const a of ids) for (const b of ids) k[at++] = facts.sanctions(a, b);
  for (const a of ids) for (const b of ids) k[at++] = facts.lifeline(a, b);
  for (const [a, b] of view.alliances) k[at + pairIndex(n, indexOf(world, a), indexOf(world, b))] = 1;
  return k;
}

/** Whether `view`'s believer thinks the stage may advance (the key's only part a believer reads its own way), 1 or 0. */
export function believerAdvance(world: World, view: PlayerView): number {
  const advance = stageMayAdvance(world, {
    trust: believedTrust(world, view),
    agreements: view.agreements as unknown as Agreement[],
    round: view.round,
  });
  return advance ? 1 : 0;
}

/**
 * `valuationKey(world, view)` for a view of the very state another view's key `known` was read from (another
 * seat, the same phase): only what a believer reads its own way (whether it thinks the stage may advance) is
 * read again; the public numbers are the same. The six seats of a phase read the whole key once instead of six
 * times.
 */
export function valuationKeyOnSameState(world: World, view: PlayerView, known: Float64Array): Float64Array {
  const k = known.slice();
  k[3] = believerAdvance(world, view);
  return k;
}

/**
 * Whether `a` is the key `valuationKeyOnSameState` would make from `known` for a believer whose `believerAdvance`
 * is `advance`: the same test without making that key.
 */
export function sameKeyOnSameState(a: Float64Array, known: Float64Array, advance: number): boolean {
  if (a.length !== known.length || a[3] !== advance) return false;
  for (let i = 0; i < a.length; i++) if (i !== 3 && a[i] !== known[i]) return false;
  return true;
}

/**
 * The slots (see `Valuation`) at which two valuation keys differ, when they differ only in some governments'
 * numbers other than their economies (what `Valuation.inherit` needs); null when anything else differs.
 */
export function changedNumbers(a: Float64Array, b: Float64Array, actors: number): number[] | null {
  if (a.length !== b.length) return null;
  const economy = ACTOR_VARS.indexOf('economy');
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    // The key's governments' numbers: from index 5, NV per government in ACTOR_VARS' order, as the slots are.
    const slot = i - 5;
    if (slot < 0 || slot >= actors * NV || slot % NV === economy) return null;
    out.push(slot);
  }
  return out;
}

/**
 * The entry of `list` made for the valuation key `view` reads, and that key. With the decision's `table` token (one per
 * state and phase, `DecisionContext.table`) the key's public numbers are read once for every seat deciding on that
 * state (kept in `keys` by the token), and each other seat reads only its own part (`believerAdvance`); a key is then
 * made only when no entry matches. Without a token, each seat reads its whole key.
 */
export function sharedEntry<T extends { key: Float64Array }>(
  world: World,
  view: PlayerView,
  list: readonly T[],
  keys: WeakMap<object, Float64Array>,
  table?: object,
): { hit: T | undefined; key: Float64Array } {
  const known = table && keys.get(table);
  if (known) {
    const advance = believerAdvance(world, view);
    const hit = list.find((x) => sameKeyOnSameState(x.key, known, advance));
    if (hit) return { hit, key: known };
    const key = known.slice();
    key[3] = advance;
    return { hit: undefined, key };
  }
  const key = valuationKey(world, view);
  if (table) keys.set(table, key);
  return { hit: list.find((x) => sameKey(x.key, key)), key };
}

/** Whether two valuation keys are the same. */
export function sameKey(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

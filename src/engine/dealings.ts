/**
 * Who saw what of whom, kept as the game goes: for every observer and actor, the action log lines by that actor
 * the observer saw, and the steps of deals both are party to (what the observer saw the actor do, and what the
 * observer itself did). Computer players read their memory from here through their own player view, instead of
 * scanning the whole log and every agreement at each decision.
 *
 * The index follows a state's log, which only ever grows: it is kept per log array and brought up to date with
 * the lines added since it last looked, so a batch game (one state changed in place) pays for each line once.
 * A copied state has its own log array and gets its own index. The index holds every government's secrets;
 * only the player view reads it, and only the row of its own government.
 */
import { pairIndex } from './state.ts';
import { byId } from './validate.ts';
import type { ActionEntry, ActorId, Agreement, GameState, LogEntry, World } from './types.ts';

/** One step of a deal both governments are party to, as the observer knows it. */
export interface StepSeen {
  round: number;
  agreement: number;
  /** Whether the observer saw the other keep the step. */
  saw: boolean;
  /** Whether the observer itself kept it. */
  mine: boolean;
}

/** What one government saw of another, in the order it happened. */
export interface Dealings {
  /** Action log lines by the other that this government saw (its own, when the other is itself). */
  readonly acts: readonly ActionEntry[];
  /** Steps of the agreements both are party to. */
  readonly steps: readonly StepSeen[];
}

const NONE: Dealings = Object.freeze({ acts: Object.freeze([]), steps: Object.freeze([]) });

class Index {
  /** [observer * n + actor]; null until something is seen. */
  readonly rows: ({ acts: ActionEntry[]; steps: StepSeen[] } | null)[];
  /** Log lines taken in so far, and the last of them (to tell a log that was cut or replaced). */
  done = 0;
  last: LogEntry | undefined = undefined;

  constructor(
    readonly n: number,
    readonly ids: ReadonlyMap<ActorId, number>,
    readonly agreements: readonly Agreement[],
  ) {
    this.rows = new Array<null>(n * n).fill(null);
  }

  row(o: number, a: number): { acts: ActionEntry[]; steps: StepSeen[] } {
    const k = pairIndex(this.n, o, a);
    return (this.rows[k] ??= { acts: [], steps: [] });
  }

  take(e: LogEntry): void {
    if (e.kind === 'action') {
      const a = e.actor === undefined ? -1 : (this.ids.get(e.actor) ?? -1);
      if (a < 0) return;
      if (e.to === null) for (let o = 0; o < this.n; o++) this.row(o, a).acts.push(e);
      else
        for (const who of e.to) {
          const o = this.ids.get(who);
          if (o !== undefined) this.row(o, a).acts.push(e);
        }
    } else if (e.kind === 'compliance' && e.to !== null && e.to.length === 1 && typeof e.ref === 'number') {
      // One line per observer and party for each step: the observer saw the party keep or break it.
      const observer = e.to[0]!;
      const party = e.actor;
      if (party === undefined) return;
      const g = byId(this.agreements, e.ref);
      if (!g || !g.parties.includes(observer)) return; // a mediator watches, but has no step of its own
      const r = findStep(g, e.round);
      if (!r) return;
      const saw = r.observed[observer]?.[party];
      const mine = r.honoured[observer];
      const o = this.ids.get(observer);
      const a = this.ids.get(party);
      if (saw === undefined || mine === undefined || o === undefined || a === undefined) return;
      this.row(o, a).steps.push({ round: r.round, agreement: g.id, saw, mine });
    }
  }
}

function findStep(g: Agreement, round: number): Agreement['record'][number] | undefined {
  for (let k = g.record.length - 1; k >= 0; k--) if (g.record[k]!.round === round) return g.record[k];
  return undefined;
}

const indexes = new WeakMap<readonly LogEntry[], Index>();
const actorIds = new WeakMap<World, ReadonlyMap<ActorId, number>>();

function idsOf(world: World): ReadonlyMap<ActorId, number> {
  let m = actorIds.get(world);
  if (!m) {
    m = new Map(world.actors.map((a, i) => [a.id, i]));
    actorIds.set(world, m);
  }
  return m;
}

/** The index of a state, up to date with its log. */
function indexOf(world: World, s: GameState): Index {
  let x = indexes.get(s.log);
  const n = world.actors.length;
  if (
    !x ||
    x.agreements !== s.agreements ||
    x.n !== n ||
    s.log.length < x.done ||
    (x.done > 0 && s.log[x.done - 1] !== x.last)
  ) {
    x = new Index(n, idsOf(world), s.agreements);
    indexes.set(s.log, x);
  }
  const log = s.log;
  for (let k = x.done; k < log.length; k++) x.take(log[k]!);
  x.done = log.length;
  x.last = log[log.length - 1];
  return x;
}

/** What `observer` saw of `actor` so far (the actor may be the observer itself: its own acts). */
export function dealings(world: World, s: GameState, observer: number, actor: number): Dealings {
  return indexOf(world, s).rows[pairIndex(world.actors.length, observer, actor)] ?? NONE;
}

/** The same, computed from the whole log and every agreement at once: the definition the index must match. */
export function dealingsFromScratch(
  world: World,
  s: GameState,
  observer: number,
  actor: number,
): { acts: ActionEntry[]; steps: StepSeen[] } {
  const me = world.actors[observer]!.id;
  const other = world.actors[actor]!.id;
  const acts = s.log.filter(
    (e): e is ActionEntry => e.kind === 'action' && e.actor === other && (e.to === null || e.to.includes(me)),
  );
  const steps: (StepSeen & { at: number })[] = [];
  for (const g of s.agreements) {
    if (!g.parties.includes(me) || !g.parties.includes(other) || me === other) continue;
    for (const r of g.record)
      steps.push({
        round: r.round,
        agreement: g.id,
        saw: r.observed[me]![other]!,
        mine: r.honoured[me]!,
        // Lines are written agreement by agreement within a round, in the order of the agreements.
        at: r.round * 1e9 + s.agreements.indexOf(g),
      });
  }
  steps.sort((a, b) => a.at - b.at);
  return { acts, steps: steps.map(({ at: _at, ...x }) => x) };
}

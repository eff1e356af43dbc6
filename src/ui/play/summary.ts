/**
 * What changed for the player over one round, from two views of its own: before it committed and after the
 * round resolved. Only what the player's view carries is used, so nothing secret leaks into the summary.
 */
import { ACTOR_VARS, apportion, findAction, quantityKey, roundDate } from '../../engine/index.ts';
import type {
  ActorId,
  ActorVar,
  Cause,
  CauseEntry,
  LogEntry,
  PhaseInput,
  PlayerView,
  Quantity,
  World,
} from '../../engine/index.ts';
import { causeText } from '../../text/index.ts';
import { h } from '../kit/dom.ts';
import { VAR_LABELS, nameOf } from '../kit/text.ts';

/** One cause of a change as displayed: whole numbers that add up to the change shown (`after - before`). */
export interface ShownCause {
  text: string;
  amount: number;
}

/** A number's change over the round as displayed (rounded ends) and what moved it. */
export interface ShownChange {
  label: string;
  before: number;
  after: number;
  causes: ShownCause[];
}

export interface RoundSummary {
  /** Whose summary it is. */
  me: string;
  round: number;
  date: string;
  did: string[];
  /** What I saw each other party do on each agreement step this round. */
  observed: string[];
  /** New lines of my log (events, others' actions, agreements, crises), in order. */
  news: LogEntry[];
  changes: ShownChange[];
  trust: (ShownChange & { name: string })[];
  tension: ShownChange;
  /** `delta`: stages moved (the stage is shown by name). */
  stage: { before: string; after: string; delta: number; causes: ShownCause[] };
  over: boolean;
}

export function roundSummary(
  world: World,
  before: PlayerView,
  after: PlayerView,
  mine: PhaseInput,
): RoundSummary {
  const me = before.me;
  const did: string[] = [];
  if (mine.phase === 'commitment') {
    for (const d of mine.decisions) {
      const g = before.agreements.find((x) => x.id === d.agreement);
      const with_ = g
        ? g.parties
            .filter((p) => p !== me)
            .map((p) => nameOf(world, p))
            .join(', ')
        : '';
      did.push(
        `${d.honour ? 'Honoured' : 'Reneged on'} step ${g ? g.done + 1 : '?'} of agreement #${d.agreement}${with_ ? ` with ${with_}` : ''}.`,
      );
    }
    for (const c of mine.actions) {
      const def = findAction(world, c.action);
      did.push(`${def?.name ?? c.action}${c.target ? ` toward ${nameOf(world, c.target)}` : ''}.`);
    }
  }
  if (did.length === 0) did.push('You took no action and had no agreement steps to decide.');

  const observed: string[] = [];
  for (const g of after.agreements) {
    for (const r of g.record) {
      if (r.round !== before.round) continue;
      const pct = Math.round(world.rules.accuracy[g.verification] * 100);
      for (const [p, kept] of Object.entries(r.saw))
        observed.push(
          `Agreement #${g.id}, step ${r.step}: you saw ${nameOf(world, p)} ${kept ? 'keep' : 'break'} its word (${g.verification} verification: right ${pct}% of the time).${r.disputed ? ' The step is disputed.' : ''}`,
        );
    }
  }

  const news = mineOnly(after.log, me).slice(mineOnly(before.log, me).length);
  // The ledger entries of this round as this government may read them (a view's list only ever grows).
  const entries = (after.causes ?? []).slice((before.causes ?? []).length);
  const shown = (of: Quantity, label: string, b: number, a: number): ShownChange => ({
    label,
    before: b,
    after: a,
    causes: shownCauses(world, me, entries, of, Math.round(a) - Math.round(b)),
  });
  const a0 = before.actors.find((a) => a.id === me)!.vars;
  const a1 = after.actors.find((a) => a.id === me)!.vars;
  const changes = ACTOR_VARS.filter((v: ActorVar) => a0[v] !== 0 || a1[v] !== 0).map((v) =>
    shown({ kind: 'var', actor: me, var: v }, VAR_LABELS[v], a0[v], a1[v]),
  );
  const trust = Object.keys(after.myTrust).map((id) => ({
    name: nameOf(world, id),
    ...shown(
      { kind: 'trust', from: me, to: id },
      nameOf(world, id),
      before.myTrust[id] ?? 0,
      after.myTrust[id] ?? 0,
    ),
  }));
  return {
    me,
    round: before.round,
    date: before.date,
    did,
    observed,
    news,
    changes,
    trust,
    tension: shown({ kind: 'tension' }, 'Tension', before.tension, after.tension),
    stage: {
      before: before.stageName,
      after: after.stageName,
      delta: after.stage - before.stage,
      causes: shownCauses(world, me, entries, { kind: 'stage' }, after.stage - before.stage),
    },
    over: after.end !== null,
  };
}

/** The log as the player saw it during play (after the end, the view reveals everything). */
export const mineOnly = (log: readonly LogEntry[], me: string): LogEntry[] =>
  log.filter((e) => e.to === null || e.to.includes(me));

/**
 * The causes of one number's change, as displayed: entries with the same cause summed, rounded (once, by the
 * engine's `apportion`) so that they add up to `shownChange`, the change as displayed; causes that round to
 * nothing are left out. Empty when the number did not move.
 */
export function shownCauses(
  world: World,
  me: ActorId,
  entries: readonly CauseEntry[],
  of: Quantity,
  shownChange: number,
): ShownCause[] {
  const key = quantityKey(of);
  const groups = new Map<string, { cause: Cause; amount: number }>();
  for (const e of entries) {
    if (quantityKey(e.of) !== key) continue;
    const k = JSON.stringify(e.cause);
    const g = groups.get(k);
    if (g) g.amount += e.amount;
    else groups.set(k, { cause: e.cause, amount: e.amount });
  }
  const list = [...groups.values()];
  if (list.length === 0) return [];
  const rounded = apportion(
    shownChange,
    list.map((g) => g.amount),
  );
  return list
    .map((g, k) => ({ text: causeText(g.cause, { world, me }), amount: rounded[k]! }))
    .filter((c) => c.amount !== 0);
}

/** "signing agreement #39 −3, humanitarian aid by you toward North Korea +1" */
export const causesLine = (causes: readonly ShownCause[]): string =>
  causes.map((c) => `${c.text} ${c.amount > 0 ? '+' : '−'}${Math.abs(c.amount)}`).join(', ');

/** A change as displayed: "+2", "−3", "±0" (from the rounded ends, so it matches "33 → 31"). */
const shownDelta = (c: { before: number; after: number }): number =>
  Math.round(c.after) - Math.round(c.before);
const deltaText = (d: number): string => (d > 0 ? `+${d}` : d < 0 ? `−${-d}` : '±0');

/** The causes of a change as a list the player reads beside it, each amount in `data-amount` for checking. */
function causesEl(causes: readonly ShownCause[], lead = ': '): HTMLElement | null {
  if (causes.length === 0) return null;
  return h(
    'span',
    { class: 'causes' },
    lead,
    causes.flatMap((c, k) => [
      k ? ', ' : '',
      h('span', { class: 'cause', 'data-amount': String(c.amount) }, `${c.text} ${deltaText(c.amount)}`),
    ]),
  );
}

/** "Your numbers": each number's change over the round and its causes, adding up to the change shown. */
export function summaryNumbers(s: RoundSummary): HTMLElement {
  const changedTrust = s.trust.filter((t) => shownDelta(t) !== 0);
  const tensionDelta = shownDelta(s.tension);
  const stageMoved = s.stage.before !== s.stage.after;
  return h(
    'section',
    { class: 'summary-numbers' },
    h('h3', null, 'Your numbers'),
    h(
      'table',
      { class: 'changes' },
      h(
        'tbody',
        null,
        s.changes.map((c) => {
          const d = shownDelta(c);
          return h(
            'tr',
            { 'data-change': String(d) },
            h('th', { scope: 'row' }, c.label),
            h('td', null, `${Math.round(c.before)} → ${Math.round(c.after)}`),
            h('td', { class: d > 0 ? 'up' : d < 0 ? 'down' : '' }, deltaText(d)),
            h('td', { class: 'why' }, causesEl(c.causes, '')),
          );
        }),
      ),
    ),
    h(
      'p',
      { class: 'change-line', 'data-change': String(tensionDelta) },
      `Tension ${Math.round(s.tension.before)} → ${Math.round(s.tension.after)} (${deltaText(tensionDelta)})`,
      causesEl(s.tension.causes),
      '.',
    ),
    h(
      'p',
      { class: 'change-line', 'data-change': String(s.stage.delta) },
      `Stage: ${stageMoved ? `${s.stage.before} → ${s.stage.after}` : s.stage.after}`,
      stageMoved ? causesEl(s.stage.causes) : null,
      '.',
    ),
    changedTrust.length
      ? h(
          'div',
          { class: 'trust-changes' },
          h('p', null, 'Your trust:'),
          h(
            'ul',
            null,
            changedTrust.map((t) =>
              h(
                'li',
                { class: 'change-line', 'data-change': String(shownDelta(t)) },
                `${t.name} ${Math.round(t.before)} → ${Math.round(t.after)} (${deltaText(shownDelta(t))})`,
                causesEl(t.causes),
              ),
            ),
          ),
        )
      : null,
  );
}

/** One line of the debrief's causes: a number's change over a round as shown, and what moved it. */
export interface RoundCauseLine {
  label: string;
  /** Rounded ends (stages by name). */
  before: string;
  after: string;
  /** The change as displayed (stages in steps). */
  change: number;
  causes: ShownCause[];
}

/**
 * For each round of a game, how the player's own numbers, its trust in each other government, tension and the
 * stage moved, with their causes from the ledger (whole numbers that add up to each change as displayed).
 * Reads only the view: at the end it holds every cause, so the debrief can show what was hidden during play.
 */
export function causesByRound(
  world: World,
  view: PlayerView,
): { round: number; date: string; lines: RoundCauseLine[] }[] {
  const me = view.me;
  const init = world.initial;
  const start = {
    tension: init.tension,
    stage: init.stage,
    vars: init.actors[me]?.vars,
    trust: (to: ActorId): number => init.trust[me]?.[to] ?? init.defaultTrust,
  };
  const others = world.actors.map((a) => a.id).filter((id) => id !== me);
  const stageName = (k: number): string => world.stages[k] ?? String(k);
  return view.history.map((h, k) => {
    const prev = k > 0 ? view.history[k - 1]! : null;
    const entries = (view.causes ?? []).filter((e) => e.round === h.round);
    const lines: RoundCauseLine[] = [];
    const line = (of: Quantity, label: string, b: number, a: number): void => {
      const change = Math.round(a) - Math.round(b);
      const causes = shownCauses(world, me, entries, of, change);
      if (change !== 0 || causes.length)
        lines.push({ label, before: String(Math.round(b)), after: String(Math.round(a)), change, causes });
    };
    for (const v of ACTOR_VARS) {
      const b = prev ? prev.vars[me]?.[v] : start.vars?.[v];
      const a = h.vars[me]?.[v];
      if (b !== undefined && a !== undefined) line({ kind: 'var', actor: me, var: v }, VAR_LABELS[v], b, a);
    }
    for (const id of others) {
      const b = prev ? prev.myTrust[id] : start.trust(id);
      const a = h.myTrust[id];
      if (b !== undefined && a !== undefined)
        line({ kind: 'trust', from: me, to: id }, `Your trust in ${nameOf(world, id)}`, b, a);
    }
    line({ kind: 'tension' }, 'Tension', prev ? prev.tension : start.tension, h.tension);
    const s0 = prev ? prev.stage : start.stage;
    if (h.stage !== s0)
      lines.push({
        label: 'Peace process',
        before: stageName(s0),
        after: stageName(h.stage),
        change: h.stage - s0,
        causes: shownCauses(world, me, entries, { kind: 'stage' }, h.stage - s0),
      });
    return { round: h.round, date: roundDate(world, h.round), lines };
  });
}

/**
 * What changed for the player over one round, from two views of its own: before it committed and after the
 * round resolved. Only what the player's view carries is used, so nothing secret leaks into the summary.
 */
import { ACTOR_VARS, findAction } from '../engine/index.ts';
import type { ActorVar, LogEntry, PhaseInput, PlayerView, World } from '../engine/index.ts';
import { VAR_LABELS, nameOf } from './text.ts';

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
  changes: { label: string; before: number; after: number }[];
  trust: { name: string; before: number; after: number }[];
  tension: { before: number; after: number };
  stage: { before: string; after: string };
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
  const a0 = before.actors.find((a) => a.id === me)!.vars;
  const a1 = after.actors.find((a) => a.id === me)!.vars;
  const changes = ACTOR_VARS.filter((v: ActorVar) => a0[v] !== 0 || a1[v] !== 0).map((v) => ({
    label: VAR_LABELS[v],
    before: a0[v],
    after: a1[v],
  }));
  const trust = Object.keys(after.myTrust).map((id) => ({
    name: nameOf(world, id),
    before: before.myTrust[id] ?? 0,
    after: after.myTrust[id] ?? 0,
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
    tension: { before: before.tension, after: after.tension },
    stage: { before: before.stageName, after: after.stageName },
    over: after.end !== null,
  };
}

/** The log as the player saw it during play (after the end, the view reveals everything). */
export const mineOnly = (log: readonly LogEntry[], me: string): LogEntry[] =>
  log.filter((e) => e.to === null || e.to.includes(me));

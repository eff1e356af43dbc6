/**
 * The reciprocal player: tit-for-tat over deals and actions. It offers modest swaps to governments it trusts,
 * accepts from those it trusts, keeps its word while it sees the others keep theirs, and answers a hostile
 * act with one of its own. Under noisy verification this is the strategy that spirals; with inspections it holds.
 */
import { findAction, pick } from '../engine/index.ts';
import type { ActionChoice, ActionDef, InputPhase, OfferDraft, PhaseInput, PlayerView, World } from '../engine/index.ts';
import { affordable, canPropose, lastSeenKept, legalActions, promisable } from './moves.ts';
import type { DecisionContext, Strategy } from './types.ts';

export interface ReciprocalParams {
  /** Trust needed to propose to, or accept from, another government. */
  proposeTrust: number;
  acceptTrust: number;
  /** Chance of a goodwill gesture in a quiet round. */
  gesture: number;
}

const DEFAULTS: ReciprocalParams = { proposeTrust: 25, acceptTrust: 25, gesture: 0.5 };

const friendly = (d: ActionDef): boolean => d.family === 'engagement' || (d.concession && d.family !== 'programme');
const hostile = (d: ActionDef): boolean => d.readings.some((r) => r.observers === 'target' && r.trust < 0) || d.provocation;

/** Who did something hostile to me last round (provocations count against everyone). */
function offenders(world: World, view: PlayerView): Set<string> {
  const out = new Set<string>();
  for (const e of view.log) {
    if (e.kind !== 'action' || e.round !== view.round - 1 || !e.actor || e.actor === view.me) continue;
    const d = findAction(world, e.ref);
    if (d && hostile(d) && (e.target === view.me || (d.provocation && !d.targeted))) out.add(e.actor);
  }
  return out;
}

export function reciprocal(params: Partial<ReciprocalParams> = {}): Strategy {
  const p = { ...DEFAULTS, ...params };
  return {
    id: 'reciprocal',
    name: 'Reciprocal',
    decide({ world, view, rng }: DecisionContext, phase: InputPhase): PhaseInput {
      switch (phase) {
        case 'proposing': {
          const busy = new Set<string>();
          for (const g of view.agreements) if (g.status === 'active' && g.parties.includes(view.me)) g.parties.forEach((x) => busy.add(x));
          for (const o of view.offers) if (o.status === 'open' && o.from === view.me) o.parties.forEach((x) => busy.add(x));
          const allies = new Set(view.alliances.flatMap(([a, b]) => (a === view.me ? [b] : b === view.me ? [a] : [])));
          // Deals are for counterparts with something to settle, not for allies.
          const partners = view.contacts.filter((x) => !busy.has(x) && !allies.has(x) && (view.myTrust[x] ?? 0) >= p.proposeTrust).sort((a, b) => view.myTrust[b]! - view.myTrust[a]!);
          const offers: OfferDraft[] = [];
          for (const to of partners) {
            const gives = promisable(world, view.me, to, friendly);
            const wants = promisable(world, to, view.me, (d) => d.concession || d.family === 'engagement');
            if (!gives.length || !wants.length || !canPropose(view, [view.me, to])) continue;
            const want = wants[pick(rng, wants.length)]!;
            const programme = findAction(world, want.action)!.family === 'programme';
            offers.push({ terms: [gives[pick(rng, gives.length)]!, want], verification: programme ? 'inspections' : 'partial', steps: 2, expires: 2 });
            break;
          }
          return { phase, offers };
        }
        case 'responding': {
          const waiting = view.offers.filter((o) => o.status === 'open' && o.from !== view.me && !o.accepted.includes(view.me));
          return {
            phase,
            answers: waiting.map((o) => {
              const others = o.parties.filter((x) => x !== view.me);
              const trust = Math.min(...others.map((x) => view.myTrust[x] ?? 0));
              const broker = o.mediator ? (view.myTrust[o.mediator] ?? 0) : 0;
              return { offer: o.id, reply: trust >= p.acceptTrust || broker >= p.acceptTrust + 20 ? 'accept' : 'reject' };
            }),
          };
        }
        case 'commitment': {
          const mine = view.agreements.filter((g) => g.status === 'active' && g.parties.includes(view.me));
          const decisions = mine.map((g) => ({ agreement: g.id, honour: lastSeenKept(view, g.id) !== false }));
          const bad = offenders(world, view);
          const actions: ActionChoice[] = [];
          if (bad.size) {
            const options = legalActions(world, view, hostile).filter((c) => c.target === undefined || bad.has(c.target));
            if (options.length) actions.push(options[pick(rng, options.length)]!);
          } else if (rng.next() < p.gesture) {
            const options = legalActions(world, view, (d) => d.family === 'engagement' || d.family === 'channel');
            if (options.length) actions.push(options[pick(rng, options.length)]!);
          }
          return { phase, decisions, actions: affordable(view, world, actions) ? actions : [] };
        }
      }
    },
  };
}

export const reciprocalStrategy = reciprocal();

/**
 * The debrief's numbers, with no DOM: the world at the start and after every round, the ledger of promises
 * (truth beside what each side saw), the computer players' explanations, and the CSV and JSON exports.
 * Everything is read from the finished game (its numbers rebuilt by the session from its record, and the
 * end-of-game view, which reveals all); nothing here changes the game.
 */
import type {
  ActorId,
  AgreementView,
  GameRecord,
  PhaseInput,
  PlayerView,
  World,
} from '../../engine/index.ts';
import { pairIndex } from '../../engine/index.ts';
import { K } from './kit.ts';
import type { FinishedGame, RoundPoint } from '../../session/index.ts';

/** What the debrief reads beside the end-of-game view: the finished game's numbers (src/session/finished.ts). */
export type DebriefSource = FinishedGame;
export type { RoundPoint } from '../../session/index.ts';

/** How far `from` trusts `to` at a point. */
export function trustAt(world: World, p: RoundPoint, from: ActorId, to: ActorId): number {
  const n = world.actors.length;
  const i = world.actors.findIndex((a) => a.id === from);
  const j = world.actors.findIndex((a) => a.id === to);
  return p.trust[pairIndex(n, i, j)] ?? 0;
}

/** Mean trust the others place in `id` ('received'), or `id` places in the others ('given'). */
export function meanTrust(world: World, p: RoundPoint, id: ActorId, way: 'received' | 'given'): number {
  const others = world.actors.filter((a) => a.id !== id);
  if (!others.length) return 0;
  const sum = others.reduce(
    (t, o) => t + (way === 'received' ? trustAt(world, p, o.id, id) : trustAt(world, p, id, o.id)),
    0,
  );
  return sum / others.length;
}

/** The peace-process stage as a share of the way, 0..100. */
export const stagePct = (world: World, stage: number): number =>
  world.stages.length > 1 ? (100 * stage) / (world.stages.length - 1) : 0;

/** A stage drawn on 0..100 (as the engine measures it in conditions) in words: “Talks” (stage 2), or with `sep` “Talks”, stage 2. */
export function stageWords(world: World, pct: number, sep?: string): string {
  const k = Math.round((pct * (world.stages.length - 1)) / 100);
  const name = `“${world.stages[k] ?? ''}”`;
  return sep === undefined ? `${name} (stage ${k})` : `${name}${sep}stage ${k}`;
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;

// ----------------------------------------------------------------------------------- the ledger

export interface LedgerRow {
  agreement: number;
  signed: number;
  parties: ActorId[];
  mediator: ActorId | null;
  verification: string;
  steps: number;
  status: string;
  /** The step, or null for an agreement with no step carried out. */
  round: number | null;
  step: number | null;
  party: ActorId | null;
  promised: string;
  kept: boolean | null;
  observer: ActorId | null;
  saw: boolean | null;
}

/** "Humanitarian aid to North Korea", each term a party promised. */
export function promisesOf(world: World, g: Pick<AgreementView, 'terms'>, party: ActorId): string[] {
  return g.terms
    .filter((t) => t.by === party)
    .map(
      (t) =>
        `${K.findAction(world, t.action)?.name ?? t.action}${t.target ? ` to ${K.nameOf(world, t.target)}` : ''}`,
    );
}

/** One row per agreement step, party and observer (the long form a spreadsheet likes). */
export function ledgerRows(world: World, agreements: readonly AgreementView[]): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const g of agreements) {
    const base = {
      agreement: g.id,
      signed: g.signed,
      parties: g.parties,
      mediator: g.mediator,
      verification: g.verification,
      steps: g.steps,
      status: g.status,
    };
    const truth = g.truth ?? [];
    if (!truth.length)
      rows.push({
        ...base,
        round: null,
        step: null,
        party: null,
        promised: '',
        kept: null,
        observer: null,
        saw: null,
      });
    for (const r of truth)
      for (const [party, kept] of Object.entries(r.honoured)) {
        const promised = promisesOf(world, g, party).join('; ');
        const observers = Object.entries(r.observed).filter(([o, seen]) => o !== party && party in seen);
        const step = { ...base, round: r.round, step: r.step, party, promised, kept };
        // One row per observer of this party's step, or one row with nobody's reading when none saw it.
        if (!observers.length) rows.push({ ...step, observer: null, saw: null });
        for (const [observer, seen] of observers) rows.push({ ...step, observer, saw: seen[party]! });
      }
  }
  return rows;
}

/** Per government: steps it kept and broke, and how often the others read it wrong either way. */
export interface Tally {
  id: ActorId;
  kept: number;
  broke: number;
  /** Reads of an honest step as cheating. */
  wronged: number;
  /** Reads of a broken step as kept. */
  unseen: number;
}

export function tallies(world: World, agreements: readonly AgreementView[]): Tally[] {
  const t = new Map(world.actors.map((a) => [a.id, { id: a.id, kept: 0, broke: 0, wronged: 0, unseen: 0 }]));
  for (const g of agreements)
    for (const r of g.truth ?? []) {
      for (const [p, k] of Object.entries(r.honoured)) {
        const x = t.get(p);
        if (x && k) x.kept++;
        else if (x) x.broke++;
      }
      for (const [o, seen] of Object.entries(r.observed))
        for (const [p, k] of Object.entries(seen)) {
          const x = t.get(p);
          if (!x || o === p) continue;
          if (r.honoured[p] && !k) x.wronged++;
          if (!r.honoured[p] && k) x.unseen++;
        }
    }
  return [...t.values()];
}

// ----------------------------------------------------------------------------------- explanations

export const PHASE_WORDS: Record<PhaseInput['phase'], string> = {
  proposing: 'Proposing',
  responding: 'Answering',
  commitment: 'Keeping word and acting',
};

export interface Explanation {
  round: number;
  actor: ActorId;
  phase: PhaseInput['phase'];
  /** The explanation, one sentence per item. */
  sentences: string[];
  /** Whether the input did anything (an offer, an answer, a decision or an action). */
  acted: boolean;
}

const didSomething = (i: PhaseInput): boolean =>
  i.phase === 'proposing'
    ? i.offers.length > 0
    : i.phase === 'responding'
      ? i.answers.length > 0
      : i.decisions.length + i.actions.length > 0;

export function explanations(world: World, record: GameRecord | undefined): Explanation[] {
  if (!record) return [];
  return record.inputs
    .filter((r) => r.input.why)
    .map((r) => ({
      round: r.round,
      actor: r.actor,
      phase: r.input.phase,
      sentences: K.prose(world, r.input.why!)
        .split(/(?<=[.!?])\s+(?=[A-Z])/)
        .filter(Boolean),
      acted: didSomething(r.input),
    }));
}

// ----------------------------------------------------------------------------------- exports

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with =, +, -, @, or a tab or carriage
 * return before one) is neutralised with a leading apostrophe, as OWASP advises: names and titles come from
 * scenario files anyone can write (`=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)`). Numbers stay numbers.
 */
const cell = (v: string | number | boolean | null | undefined): string => {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csv = (rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string =>
  rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';

/** One row per round per government: its variables, its trust given and received, the world's tension and stage. */
export function seriesCsv(world: World, points: readonly RoundPoint[]): string {
  const ids = world.actors.map((a) => a.id);
  const head = [
    'round',
    'date',
    'government_id',
    'government',
    ...K.ACTOR_VARS,
    'trust_received_mean',
    'trust_given_mean',
    ...ids.map((id) => `trust_in_${id}`),
    'tension',
    'stage',
    'stage_name',
  ];
  const rows = points.flatMap((p) =>
    world.actors.map((a) => [
      p.round,
      p.round === 0 ? `start (${K.roundDate(world, 1)})` : p.label,
      a.id,
      a.name,
      // An organisation without an economy has an empty economy cell.
      ...K.ACTOR_VARS.map((v) => (v === 'economy' && a.noEconomy ? '' : round1(p.vars[a.id]![v]))),
      round1(meanTrust(world, p, a.id, 'received')),
      round1(meanTrust(world, p, a.id, 'given')),
      ...ids.map((id) => (id === a.id ? '' : round1(trustAt(world, p, a.id, id)))),
      round1(p.tension),
      p.stage,
      world.stages[p.stage] ?? '',
    ]),
  );
  return csv([head, ...rows]);
}

export function ledgerCsv(world: World, rows: readonly LedgerRow[]): string {
  const head = [
    'agreement',
    'signed_round',
    'parties',
    'mediator',
    'verification',
    'steps',
    'status',
    'step_round',
    'step',
    'government',
    'promised',
    'really_did',
    'observer',
    'observer_saw',
    'observer_was_right',
  ];
  const did = (k: boolean | null): string => (k === null ? '' : k ? 'kept' : 'broke');
  return csv([
    head,
    ...rows.map((r) => [
      r.agreement,
      r.signed,
      r.parties.map((p) => K.nameOf(world, p)).join(' + '),
      r.mediator ? K.nameOf(world, r.mediator) : '',
      r.verification,
      r.steps,
      r.status,
      r.round,
      r.step,
      r.party ? K.nameOf(world, r.party) : '',
      r.promised,
      did(r.kept),
      r.observer ? K.nameOf(world, r.observer) : '',
      did(r.saw),
      r.saw === null || r.kept === null ? '' : r.saw === r.kept ? 'yes' : 'no',
    ]),
  ]);
}

/** Everything in one file: the record (to replay), the per-round series, the ledger, scores and outcome. */
export function debriefJson(
  world: World,
  view: PlayerView,
  source: DebriefSource,
  points: readonly RoundPoint[],
  now = new Date(),
): object {
  const outcome = world.outcomes.find((o) => o.id === view.end?.outcome);
  return {
    format: 'quid-pro-quo-debrief',
    exportedAt: now.toISOString(),
    scenario: { id: world.id, title: world.title, hash: world.hash },
    seed: source.record?.seed ?? null,
    seats: source.record?.seats ?? null,
    outcome: {
      id: view.end?.outcome ?? null,
      name: outcome?.name ?? null,
      summary: outcome?.summary ?? null,
      reason: view.end?.reason ?? null,
      round: view.end?.round ?? null,
    },
    scores: view.scores,
    governments: world.actors.map((a) => ({ id: a.id, name: a.name })),
    series: points.map((p) => ({
      round: p.round,
      date: p.round === 0 ? K.roundDate(world, 1) : p.label,
      tension: round1(p.tension),
      stage: p.stage,
      stageName: world.stages[p.stage] ?? '',
      governments: Object.fromEntries(
        world.actors.map((a) => [
          a.id,
          {
            ...Object.fromEntries(
              K.ACTOR_VARS.filter((v) => v !== 'economy' || !a.noEconomy).map((v) => [
                v,
                round1(p.vars[a.id]![v]),
              ]),
            ),
            trustReceived: round1(meanTrust(world, p, a.id, 'received')),
            trustGiven: round1(meanTrust(world, p, a.id, 'given')),
            trustIn: Object.fromEntries(
              world.actors
                .filter((b) => b.id !== a.id)
                .map((b) => [b.id, round1(trustAt(world, p, a.id, b.id))]),
            ),
          },
        ]),
      ),
    })),
    agreements: view.agreements.map((g) => ({
      id: g.id,
      parties: g.parties,
      mediator: g.mediator,
      terms: g.terms,
      verification: g.verification,
      steps: g.steps,
      done: g.done,
      status: g.status,
      signed: g.signed,
      ended: g.ended,
      truth: g.truth ?? [],
    })),
    explanations: explanations(world, source.record).map((e) => ({
      round: e.round,
      government: e.actor,
      phase: e.phase,
      why: e.sentences.join(' '),
    })),
    record: source.record ?? null,
  };
}

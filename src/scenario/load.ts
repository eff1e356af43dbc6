/**
 * From text to a playable world: parse YAML with positions, validate against the schema, check every
 * cross-reference and contradiction, and compile the result with the action catalogue into an engine World.
 * Every problem is collected (not only the first) with its line, column and a plain sentence.
 */
import { CORE_ACTORS, DEFAULT_RULES, GLOBAL_METRICS, hashText, pickVars } from '../engine/index.ts';
import type { ActionDef, Condition, Effect, EventEffect, Rules, World } from '../engine/index.ts';
import { Located, ScenarioError, didYouMean, explainIssues } from './problems.ts';
import type { Path, Problem } from './problems.ts';
import { catalogueSchema, scenarioSchema } from './schema.ts';
import type { ActionFile, CatalogueFile, ScenarioFile } from './schema.ts';

export interface Catalogue {
  file: CatalogueFile;
  text: string;
}

type Parsed<T> = { value: T; problems: [] } | { value: null; problems: Problem[] };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const obj = (x: unknown): Obj => (isObj(x) ? x : {});
const items = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/**
 * The largest scenario text read, in characters: the shipped ones are 20–40 KB, so this leaves room for a hundred
 * times more prose while a 20 MB file (with a syntax error near its end) is refused at once instead of parsed.
 */
export const MAX_SCENARIO_CHARS = 4 * 1024 * 1024;
/** The most governments a scenario may have: whole games grow as their square (see BENCHMARKS.md). */
export const MAX_ACTORS = 24;

const FIRST_FIELDS = {
  scenario: 'id: my-scenario, title: ... and actors:',
  catalogue: 'catalogue: ... and actions:',
};

/**
 * Parses and validates a YAML text against a schema; all problems, placed. The later checks (`extra`) run on
 * the raw value even when the schema found problems, so one run reports every kind of problem in the file.
 */
function parseWith<T>(
  file: string,
  text: string,
  schema: typeof scenarioSchema | typeof catalogueSchema,
  kind: keyof typeof FIRST_FIELDS,
  extra: (src: Located, data: Obj) => void,
): Parsed<T> {
  const fail = (message: string, line = 1, column = 1): Parsed<T> => ({
    value: null,
    problems: [{ file, line, column, message }],
  });
  if (text.length > MAX_SCENARIO_CHARS)
    return fail(
      `the file is ${(text.length / 1024 / 1024).toFixed(1)} MB; a ${kind} may be at most ${MAX_SCENARIO_CHARS / 1024 / 1024} MB (the shipped scenarios are under 50 KB). Is this the right file?`,
    );
  if (text.includes('\u0000'))
    return fail(
      `this is not a text file (it contains NUL bytes, as pictures and programs do). Save the ${kind} as plain UTF-8 text.`,
    );
  if (text.trim() === '')
    return fail(`the file is empty; a ${kind} starts with fields such as ${FIRST_FIELDS[kind]}.`);
  // Old Mac line ends (a CR alone) are line ends too: YAML would read the whole file as one line.
  if (/\r(?!\n)/.test(text)) text = text.replace(/\r\n?/g, '\n');
  const src = new Located(file, text);
  if (!src.readable) return { value: null, problems: src.sorted() };
  const data = src.value();
  if (src.problems.length) return { value: null, problems: src.sorted() };
  if (data === null || data === undefined)
    return fail(
      `the file has only comments and blank lines; a ${kind} starts with fields such as ${FIRST_FIELDS[kind]}.`,
    );
  if (!isObj(data)) {
    src.add(
      [],
      `the file must be a section of named fields (such as ${FIRST_FIELDS[kind]}), but it is ${Array.isArray(data) ? 'a list (its lines start with "-")' : 'a single value'}.`,
    );
    return { value: null, problems: src.sorted() };
  }
  const r = schema.safeParse(data);
  if (!r.success) explainIssues(src, schema, data, r.error.issues);
  extra(src, data);
  if (!r.success || src.problems.length) return { value: null, problems: src.sorted() };
  return { value: r.data as T, problems: [] };
}

export function parseCatalogue(file: string, text: string): Parsed<CatalogueFile> {
  return parseWith<CatalogueFile>(file, text, catalogueSchema, 'catalogue', (src, cat) => {
    const seen = new Map<string, number>();
    items(cat.actions).forEach((a, k) => {
      const id = str(obj(a).id);
      if (id === undefined) return;
      if (seen.has(id))
        src.report(
          ['actions', k, 'id'],
          `"${id}" is used by another action already (action #${seen.get(id)! + 1}); give each action its own id.`,
        );
      else seen.set(id, k);
    });
  });
}

/** Checks a scenario text against the catalogue. Returns the validated file or every problem. */
export function checkScenario(file: string, text: string, catalogue: CatalogueFile): Parsed<ScenarioFile> {
  return parseWith<ScenarioFile>(file, text, scenarioSchema, 'scenario', (src, data) =>
    crossCheck(src, data, catalogue),
  );
}

/** A condition as the checks read it: the metric, whose, and its bounds on 0..100. */
interface Bound {
  label: string;
  lo: number;
  hi: number;
}

const isGlobal = (metric: string): boolean => (GLOBAL_METRICS as readonly string[]).includes(metric);

/** The range each metric must lie in for all of `conds` to hold, by metric (and whose). */
function boundsOf(conds: unknown[]): Map<string, Bound> {
  const out = new Map<string, Bound>();
  for (const c of conds) {
    const metric = str(obj(c).metric);
    if (metric === undefined) continue;
    const of = isGlobal(metric) ? undefined : str(obj(c).of);
    const key = `${metric}|${of ?? ''}`;
    const b = out.get(key) ?? { label: of ? `${metric} of ${of}` : metric, lo: 0, hi: 100 };
    b.lo = Math.max(b.lo, num(obj(c)['at-least']) ?? 0);
    b.hi = Math.min(b.hi, num(obj(c)['at-most']) ?? 100);
    out.set(key, b);
  }
  return out;
}

/** Two conditions on one metric that no value can meet together, if any. */
const contradiction = (bounds: Map<string, Bound>): Bound | undefined =>
  [...bounds.values()].find((b) => b.lo > b.hi);

/** Whether `earlier` holds whenever `later` does: each of its ranges contains `later`'s range. */
function implies(later: Map<string, Bound>, earlier: Map<string, Bound>): boolean {
  for (const [key, e] of earlier) {
    const l = later.get(key) ?? { lo: 0, hi: 100 };
    if (l.lo < e.lo || l.hi > e.hi) return false;
  }
  return true;
}

/** Cross-references and contradictions the schema alone cannot see. Reads the raw value defensively. */
function crossCheck(src: Located, sc: Obj, catalogue: CatalogueFile): void {
  const actorsKnown = isObj(sc.actors);
  const actors = Object.keys(obj(sc.actors));
  const actorSet = new Set(actors);
  const actor = (id: unknown, path: Path, onKey = false): void => {
    if (actorsKnown && typeof id === 'string' && !actorSet.has(id))
      src.report(path, `there is no government "${id}" in this scenario.${didYouMean(id, actors)}`, onKey);
  };
  const pair = (p: unknown, path: Path, what: string): void => {
    const [a, b] = items(p);
    items(p).forEach((x, j) => actor(x, [...path, j]));
    if (typeof a === 'string' && a === b)
      src.report(path, `a ${what} needs two different governments, but both are "${a}".`);
  };
  if (actorsKnown)
    for (const core of CORE_ACTORS)
      if (!actorSet.has(core))
        src.report(
          ['actors'],
          `the six governments (${CORE_ACTORS.join(', ')}) must all be present; "${core}" is missing.${didYouMean(
            core,
            actors.filter((a) => !(CORE_ACTORS as readonly string[]).includes(a)),
          )}`,
          true,
        );

  if (actors.length > MAX_ACTORS)
    src.report(
      ['actors'],
      `${actors.length} governments is more than a game can seat (at most ${MAX_ACTORS}: every government weighs every other at each decision, so games slow down with the square of their number).`,
      true,
    );

  // Actions: what the scenario adds, removes and opens up.
  const acts = obj(sc.actions);
  const catIds = catalogue.actions.map((a) => a.id);
  const removed = items(acts.remove).map(str);
  const added = items(acts.add).map((a) => str(obj(a).id));
  const allIds = [
    ...catIds.filter((x) => !removed.includes(x)),
    ...added.filter((x): x is string => x !== undefined),
  ];
  items(acts.add).forEach((a, k) => {
    const id = str(obj(a).id);
    if (id !== undefined && catIds.includes(id) && !removed.includes(id))
      src.report(
        ['actions', 'add', k, 'id'],
        `"${id}" is already in the catalogue; use a new id, or remove the catalogue's "${id}" first.`,
      );
    if (id !== undefined && added.indexOf(id) !== k)
      src.report(['actions', 'add', k, 'id'], `"${id}" is used by another added action already.`);
    items(obj(a).by).forEach((b, j) => actor(b, ['actions', 'add', k, 'by', j]));
  });
  items(acts.remove).forEach((x, k) => {
    if (typeof x === 'string' && !catIds.includes(x))
      src.report(['actions', 'remove', k], `the catalogue has no action "${x}".${didYouMean(x, catIds)}`);
  });
  for (const [x, who] of Object.entries(obj(acts.allow))) {
    if (!allIds.includes(x))
      src.report(
        ['actions', 'allow', x],
        `there is no action "${x}" to allow.${didYouMean(x, allIds)}`,
        true,
      );
    items(who).forEach((b, j) => actor(b, ['actions', 'allow', x, j]));
  }

  // Relations: every government named must exist, and none relates to itself.
  const rel = obj(sc.relations);
  for (const name of ['trust', 'sanctions', 'lifeline'] as const) {
    for (const [a, row] of Object.entries(obj(rel[name]))) {
      actor(a, ['relations', name, a], true);
      for (const b of Object.keys(obj(row))) {
        actor(b, ['relations', name, a, b], true);
        if (a === b)
          src.report(
            ['relations', name, a, b],
            `a government has no ${name} toward itself; remove this entry.`,
            true,
          );
      }
    }
  }
  items(rel.channels).forEach((c, k) =>
    pair(obj(c).between, ['relations', 'channels', k, 'between'], 'channel'),
  );
  items(rel.alliances).forEach((p, k) => pair(p, ['relations', 'alliances', k], 'alliance'));
  items(rel.rivalries).forEach((p, k) => pair(p, ['relations', 'rivalries', k], 'rivalry'));
  items(sc.flashpoints).forEach((p, k) => pair(p, ['flashpoints', k], 'flashpoint'));

  const stages = items(sc.stages);
  const stage = num(sc.stage);
  if (stage !== undefined && Array.isArray(sc.stages) && stages.length > 0 && stage >= stages.length)
    src.report(
      ['stage'],
      `must be one of the ${stages.length} stages, counted from 0 (0 is "${String(stages[0])}", ${stages.length - 1} is "${String(stages[stages.length - 1])}"); it is ${stage}.`,
    );

  const condition = (c: unknown, path: Path): void => {
    const o = obj(c);
    const lo = num(o['at-least']);
    const hi = num(o['at-most']);
    const metric = str(o.metric);
    if (!isObj(c)) return;
    if (o['at-least'] === undefined && o['at-most'] === undefined)
      src.report(path, 'give at-least or at-most, or the condition says nothing.');
    if (lo !== undefined && hi !== undefined && lo > hi)
      src.report(path, `at-least (${lo}) is above at-most (${hi}), so this condition can never hold.`);
    if (metric !== undefined && !isGlobal(metric) && o.of === undefined)
      src.report(path, `"${metric}" belongs to a government; say whose with "of".`);
    if (o.of !== undefined) actor(o.of, [...path, 'of']);
  };
  /** A contradiction between two conditions of one list (a single condition's own is reported by `condition`). */
  const conflicting = (conds: unknown[]): Bound | undefined => {
    const own = conds.some((c) => (num(obj(c)['at-least']) ?? 0) > (num(obj(c)['at-most']) ?? 100));
    return own ? undefined : contradiction(boundsOf(conds));
  };

  // Governments: objectives and leaders.
  for (const [id, a] of Object.entries(obj(sc.actors))) {
    const at: Path = ['actors', id];
    const g = obj(a);
    items(g.objectives).forEach((o, k) => actor(obj(o).of, [...at, 'objectives', k, 'of']));
    const leader = obj(g.leader);
    if (g.elected === true && isObj(g.leader) && leader['term-ends'] === undefined)
      src.report(
        [...at, 'leader'],
        `${id} is elected (elected: true), so its leader needs term-ends: the round of the next election.`,
        true,
      );
    if (g.elected === false && leader['term-ends'] !== undefined)
      src.report(
        [...at, 'leader', 'term-ends'],
        `only elected leaders have a term; set elected: true for ${id}, or remove term-ends.`,
        true,
      );
  }

  // The coach: the governments and actions it names must exist, and a suggested trade needs two governments.
  const coach = obj(sc.coach);
  if (coach.seat !== undefined) actor(coach.seat, ['coach', 'seat']);
  items(coach.suggest).forEach((x, k) => {
    const t = obj(x);
    const at: Path = ['coach', 'suggest', k];
    actor(t.as, [...at, 'as']);
    actor(t.with, [...at, 'with']);
    if (typeof t.as === 'string' && t.as === t.with)
      src.report([...at, 'with'], `an offer needs two different governments, but both are "${t.as}".`);
    for (const key of ['give', 'want'] as const) {
      const a = str(t[key]);
      if (a !== undefined && !allIds.includes(a))
        src.report([...at, key], `there is no action "${a}" in this scenario.${didYouMean(a, allIds)}`);
    }
  });
  for (const who of Object.keys(obj(coach['finish-as']))) actor(who, ['coach', 'finish-as', who], true);

  // Events: each must be able to happen.
  const rounds = num(sc.rounds);
  const eventIds = new Map<string, number>();
  items(sc.events).forEach((ev, k) => {
    if (!isObj(ev)) return;
    const at: Path = ['events', k];
    const id = str(ev.id);
    if (id !== undefined && eventIds.has(id))
      src.report(
        [...at, 'id'],
        `"${id}" is used by another event already (on line ${src.position(['events', eventIds.get(id)!, 'id']).line}); give each event its own id.`,
      );
    else if (id !== undefined) eventIds.set(id, k);
    const round = num(ev.round);
    const chance = num(ev.chance);
    const from = num(ev.from);
    const until = num(ev.until);
    if (ev.round === undefined && ev.chance === undefined)
      src.report(
        at,
        'this event can never happen: give it a round (it happens then) or a chance (it may happen each round).',
      );
    if (ev.round !== undefined && ev.chance !== undefined)
      src.report([...at, 'chance'], 'give a round (scheduled) or a chance (random), not both.', true);
    if (round !== undefined && rounds !== undefined && round > rounds)
      src.report(
        [...at, 'round'],
        `round ${round} comes after the last round (${rounds}), so this event can never happen.`,
      );
    if (chance === 0) src.report([...at, 'chance'], 'a chance of 0 means this event can never happen.');
    if (ev.round !== undefined && (ev.from !== undefined || ev.until !== undefined))
      src.report(
        [...at, ev.from !== undefined ? 'from' : 'until'],
        'from and until only limit random events (with a chance); this event is scheduled for a round, so remove them.',
        true,
      );
    else if (from !== undefined && until !== undefined && from > until)
      src.report(
        [...at, 'from'],
        `from (round ${from}) is after until (round ${until}), so this event can never happen.`,
        true,
      );
    else if (from !== undefined && rounds !== undefined && from > rounds)
      src.report(
        [...at, 'from'],
        `round ${from} comes after the last round (${rounds}), so this event can never happen.`,
        true,
      );
    const when = items(ev.when);
    when.forEach((c, j) => condition(c, [...at, 'when', j]));
    const clash = conflicting(when);
    if (clash)
      src.report(
        at,
        `this event can never happen: its conditions ask for ${clash.label} to be at least ${clash.lo} and at most ${clash.hi}.`,
      );
    items(ev.effects).forEach((x, j) => {
      const p: Path = [...at, 'effects', j];
      const e = obj(x);
      for (const f of ['actor', 'from', 'to'] as const) if (f in e) actor(e[f], [...p, f]);
      if ('between' in e) pair(e.between, [...p, 'between'], 'channel');
      if (typeof e.from === 'string' && e.from === e.to)
        src.report(
          p,
          `from and to are both "${e.from}"; an effect between governments needs two different ones.`,
        );
    });
  });

  // Outcomes: exactly one for a clash, each other one reachable, and the last one always reachable.
  const outcomes = items(sc.outcomes);
  const outcomeIds = new Map<string, number>();
  outcomes.forEach((o, k) => {
    const id = str(obj(o).id);
    if (id !== undefined && outcomeIds.has(id))
      src.report(
        ['outcomes', k, 'id'],
        `"${id}" is used by another outcome already (on line ${src.position(['outcomes', outcomeIds.get(id)!, 'id']).line}); give each outcome its own id.`,
      );
    else if (id !== undefined) outcomeIds.set(id, k);
  });
  if (!Array.isArray(sc.outcomes)) return;
  const clash = outcomes.filter((o) => obj(o)['on-clash'] === true);
  if (clash.length !== 1)
    src.report(
      ['outcomes'],
      `exactly one outcome must have on-clash: true (the end by military clash); there ${clash.length === 1 ? 'is' : 'are'} ${clash.length}.`,
      true,
    );
  outcomes.forEach((o, k) => {
    if (obj(o)['on-clash'] === true && items(obj(o).when).length > 0)
      src.report(
        ['outcomes', k, 'when'],
        'the on-clash outcome is chosen by a military clash alone, so these conditions are never read; remove them.',
        true,
      );
  });
  const normal = outcomes.map((o, k) => ({ o: obj(o), k })).filter(({ o }) => o['on-clash'] !== true);
  const name = (o: Obj, k: number): string => str(o.id) ?? `#${k + 1}`;
  const unconditional = normal.findIndex(({ o }) => items(o.when).length === 0);
  normal.forEach(({ o, k }, pos) => {
    const when = items(o.when);
    when.forEach((c, j) => condition(c, ['outcomes', k, 'when', j]));
    const own = conflicting(when);
    if (own) {
      src.report(
        ['outcomes', k],
        `can never be the result: its conditions ask for ${own.label} to be at least ${own.lo} and at most ${own.hi}.`,
      );
      return;
    }
    if (unconditional >= 0 && pos > unconditional) return;
    const mine = boundsOf(when);
    const earlier = normal
      .slice(0, pos)
      .find(({ o: e }) => items(e.when).length > 0 && implies(mine, boundsOf(items(e.when))));
    if (earlier)
      src.report(
        ['outcomes', k],
        `can never be the result, because "${name(earlier.o, earlier.k)}" comes first and holds whenever this one does. Narrow "${name(earlier.o, earlier.k)}", or move this outcome above it.`,
      );
  });
  if (unconditional >= 0 && unconditional < normal.length - 1) {
    const { o, k } = normal[unconditional]!;
    const later = normal.slice(unconditional + 1).map(({ o: x, k: j }) => `"${name(x, j)}"`);
    src.report(
      ['outcomes', k],
      `"${name(o, k)}" has no conditions, so it is always the result and ${later.join(', ')} can never be; give it conditions, or move it to the end.`,
    );
  }
  const last = normal[normal.length - 1];
  if (last && items(last.o.when).length > 0 && unconditional < 0)
    src.report(
      ['outcomes', last.k, 'when'],
      `the last outcome ("${name(last.o, last.k)}") must have no conditions, so that every game ends in one; remove its when, or add a last outcome without one.`,
      true,
    );
}

// ---------------------------------------------------------------------------------------------
// Compiling to the engine's World

const toCondition = (c: ScenarioFile['outcomes'][number]['when'][number]): Condition =>
  ({
    metric: c.metric,
    ...(c.of !== undefined ? { of: c.of } : {}),
    ...(c['at-least'] !== undefined ? { atLeast: c['at-least'] } : {}),
    ...(c['at-most'] !== undefined ? { atMost: c['at-most'] } : {}),
  }) as Condition;

function toEffect(e: ActionFile['effects'][number]): Effect {
  switch (e.kind) {
    case 'var':
      return {
        kind: 'var',
        who: e.who,
        var: e.var,
        delta: e.delta,
        ...(e['scale-by-hawkishness'] ? { scaleByHawkishness: true } : {}),
        ...(e['rivals-only'] ? { rivalsOnly: true } : {}),
      };
    case 'stage':
      return {
        kind: 'stage',
        delta: e.delta,
        ...(e['at-most'] !== undefined ? { atMost: e['at-most'] } : {}),
      };
    default:
      return e;
  }
}

function toEventEffect(e: ScenarioFile['events'][number]['effects'][number]): EventEffect {
  switch (e.kind) {
    case 'channel':
      return { kind: 'channel', a: e.between[0], b: e.between[1], channel: e.channel, open: e.open };
    case 'leader':
      return {
        kind: 'leader',
        actor: e.actor,
        name: e.name,
        stance: e.stance,
        ...(e['term-rounds'] !== undefined ? { termRounds: e['term-rounds'] } : {}),
      };
    default:
      return e;
  }
}

function toAction(a: ActionFile, extraBy: readonly string[]): ActionDef {
  return {
    id: a.id,
    name: a.name,
    family: a.family,
    by: a.by === 'any' ? 'any' : [...a.by, ...extraBy],
    targeted: a.targeted,
    targets: a.targets ?? null,
    cost: a.cost,
    effects: a.effects.map(toEffect),
    visibility: a.visibility,
    readings: a.readings,
    concession: a.concession,
    provocation: a.provocation,
    dealable: a.dealable,
    joint: a.joint,
    requires: a.requires,
    summary: a.summary,
  };
}

const camel = (k: string): string => k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function compileWorld(sc: ScenarioFile, catalogue: CatalogueFile, hash: string): World {
  const removed = new Set(sc.actions.remove);
  const actions = [...catalogue.actions.filter((a) => !removed.has(a.id)), ...sc.actions.add].map((a) =>
    toAction(a, Object.hasOwn(sc.actions.allow, a.id) ? sc.actions.allow[a.id]! : []),
  );
  const actionIndex: Record<string, number> = {};
  actions.forEach((a, k) => (actionIndex[a.id] = k));
  const rules = { ...DEFAULT_RULES } as Rules;
  for (const [k, v] of Object.entries(sc.rules)) (rules as unknown as Record<string, unknown>)[camel(k)] = v;
  const ids = Object.keys(sc.actors);
  return {
    id: sc.id,
    title: sc.title,
    hash,
    actors: ids.map((id) => {
      const a = sc.actors[id]!;
      return {
        id,
        name: a.name,
        elected: a.elected,
        termRounds: a['term-rounds'],
        hawkishness: a.hawkishness,
        economicWeight: a['economic-weight'],
        successors: a.successors,
        objectives: a.objectives.map((o) => ({
          label: o.label,
          metric: o.metric,
          want: o.want,
          weight: o.weight,
          ...(o.of !== undefined ? { of: o.of } : {}),
        })),
      };
    }),
    actions,
    actionIndex,
    events: sc.events.map((e) => ({
      id: e.id,
      name: e.name,
      text: e.text.trim(),
      ...(e.round !== undefined ? { round: e.round } : {}),
      ...(e.chance !== undefined ? { chance: e.chance } : {}),
      ...(e.from !== undefined ? { from: e.from } : {}),
      ...(e.until !== undefined ? { until: e.until } : {}),
      when: e.when.map(toCondition),
      once: e.once,
      effects: e.effects.map(toEventEffect),
    })),
    outcomes: sc.outcomes.map((o) => ({
      id: o.id,
      name: o.name,
      summary: o.summary.trim(),
      when: o.when.map(toCondition),
      ...(o['on-clash'] ? { onClash: true } : {}),
    })),
    stages: sc.stages,
    flashpoints: sc.flashpoints,
    rounds: sc.rounds,
    start: sc.start,
    rules,
    initial: {
      actors: Object.fromEntries(
        ids.map((id) => {
          const a = sc.actors[id]!;
          return [
            id,
            {
              vars: pickVars(a),
              leader: {
                name: a.leader.name,
                stance: a.leader.stance,
                ...(a.leader['term-ends'] !== undefined ? { termEnds: a.leader['term-ends'] } : {}),
              },
            },
          ];
        }),
      ),
      trust: sc.relations.trust,
      defaultTrust: sc.relations['default-trust'],
      sanctions: sc.relations.sanctions,
      lifeline: sc.relations.lifeline,
      channels: sc.relations.channels.map((c) => ({ a: c.between[0], b: c.between[1], channel: c.channel })),
      alliances: sc.relations.alliances,
      rivalries: sc.relations.rivalries,
      tension: sc.tension,
      stage: sc.stage,
    },
  };
}

export interface LoadedScenario {
  world: World;
  scenario: ScenarioFile;
}

/** Parses, checks and compiles a scenario; throws a ScenarioError listing every problem. */
export function loadScenario(file: string, text: string, catalogue: Catalogue): LoadedScenario {
  const r = checkScenario(file, text, catalogue.file);
  if (!r.value) throw new ScenarioError(r.problems);
  return {
    world: compileWorld(r.value, catalogue.file, hashText(`${text}\n---\n${catalogue.text}`)),
    scenario: r.value,
  };
}

/** Parses the catalogue; throws a ScenarioError listing every problem. */
export function loadCatalogue(file: string, text: string): Catalogue {
  const r = parseCatalogue(file, text);
  if (!r.value) throw new ScenarioError(r.problems);
  return { file: r.value, text };
}

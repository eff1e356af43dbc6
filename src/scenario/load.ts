/**
 * From text to a playable world: parse YAML with positions, validate against the schema, check every
 * cross-reference and contradiction, and compile the result with the action catalogue into an engine World.
 * Every problem is collected (not only the first) with its line, column and a plain sentence.
 */
import { CORE_ACTORS, DEFAULT_RULES, GLOBAL_METRICS, hashText } from '../engine/index.ts';
import type { ActionDef, Condition, Effect, EventEffect, Rules, World } from '../engine/index.ts';
import { Located, ScenarioError, describePath, didYouMean, explainIssue } from './problems.ts';
import type { Path, Problem } from './problems.ts';
import { catalogueSchema, scenarioSchema } from './schema.ts';
import type { ActionFile, CatalogueFile, ScenarioFile } from './schema.ts';

export interface Catalogue {
  file: CatalogueFile;
  text: string;
}

type Parsed<T> = { value: T; problems: [] } | { value: null; problems: Problem[] };

/** Parses and validates a YAML text against a schema; all problems, placed. */
function parseWith<T>(file: string, text: string, schema: typeof scenarioSchema | typeof catalogueSchema, extra?: (src: Located, v: T) => void): Parsed<T> {
  if (text.includes('\u0000')) return { value: null, problems: [{ file, line: 1, column: 1, message: 'this is a binary file, not a YAML text file.' }] };
  if (text.trim() === '') return { value: null, problems: [{ file, line: 1, column: 1, message: 'the file is empty; a scenario starts with fields such as id, title and actors.' }] };
  const src = new Located(file, text);
  if (src.problems.length) return { value: null, problems: src.problems };
  const data = src.value();
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    src.add([], `the file must be a section of named fields (such as "id: my-scenario"), but it is ${Array.isArray(data) ? 'a list' : 'a single value'}.`);
    return { value: null, problems: src.problems };
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    for (const issue of r.error.issues) explainIssue(src, schema, data, issue);
    return { value: null, problems: sortProblems(src.problems) };
  }
  extra?.(src, r.data as T);
  if (src.problems.length) return { value: null, problems: sortProblems(src.problems) };
  return { value: r.data as T, problems: [] };
}

const sortProblems = (ps: Problem[]): Problem[] => ps.sort((a, b) => a.line - b.line || a.column - b.column);

export function parseCatalogue(file: string, text: string): Parsed<CatalogueFile> {
  return parseWith<CatalogueFile>(file, text, catalogueSchema, (src, cat) => {
    const seen = new Set<string>();
    cat.actions.forEach((a, k) => {
      if (seen.has(a.id)) src.add(['actions', k, 'id'], `actions › #${k + 1} › id: "${a.id}" is used by another action already.`);
      seen.add(a.id);
    });
  });
}

/** Checks a scenario text against the catalogue. Returns the validated file or every problem. */
export function checkScenario(file: string, text: string, catalogue: CatalogueFile): Parsed<ScenarioFile> {
  return parseWith<ScenarioFile>(file, text, scenarioSchema, (src, sc) => crossCheck(src, sc, catalogue));
}

/** Cross-references and contradictions the schema alone cannot see. */
function crossCheck(src: Located, sc: ScenarioFile, catalogue: CatalogueFile): void {
  const actors = Object.keys(sc.actors);
  const actorSet = new Set(actors);
  const actor = (id: string, path: Path): void => {
    if (!actorSet.has(id)) src.add(path, `${describePath(path)}: there is no government "${id}" in this scenario.${didYouMean(id, actors)}`);
  };
  for (const core of CORE_ACTORS)
    if (!actorSet.has(core)) src.add(['actors'], `actors: the six governments must all be present; "${core}" is missing.${didYouMean(core, actors.filter((a) => !(CORE_ACTORS as readonly string[]).includes(a)))}`);

  const catIds = catalogue.actions.map((a) => a.id);
  const added = sc.actions.add.map((a) => a.id);
  const allIds = [...catIds.filter((x) => !sc.actions.remove.includes(x)), ...added];
  sc.actions.add.forEach((a, k) => {
    if (catIds.includes(a.id)) src.add(['actions', 'add', k, 'id'], `actions › add › #${k + 1} › id: "${a.id}" is already in the catalogue; use a new id, or remove the catalogue's first.`);
    if (a.by !== 'any') a.by.forEach((b, j) => actor(b, ['actions', 'add', k, 'by', j]));
  });
  sc.actions.remove.forEach((x, k) => {
    if (!catIds.includes(x)) src.add(['actions', 'remove', k], `actions › remove › #${k + 1}: the catalogue has no action "${x}".${didYouMean(x, catIds)}`);
  });
  for (const [x, who] of Object.entries(sc.actions.allow)) {
    if (!allIds.includes(x)) src.add(['actions', 'allow', x], `actions › allow: there is no action "${x}".${didYouMean(x, allIds)}`);
    who.forEach((b, j) => actor(b, ['actions', 'allow', x, j]));
  }

  const pairTable = (name: 'trust' | 'sanctions' | 'lifeline'): void => {
    for (const [a, row] of Object.entries(sc.relations[name])) {
      actor(a, ['relations', name, a]);
      for (const b of Object.keys(row)) {
        actor(b, ['relations', name, a, b]);
        if (a === b) src.add(['relations', name, a, b], `relations › ${name} › ${a} › ${b}: a government has no ${name} toward itself.`);
      }
    }
  };
  pairTable('trust');
  pairTable('sanctions');
  pairTable('lifeline');
  sc.relations.channels.forEach((c, k) => c.between.forEach((b, j) => actor(b, ['relations', 'channels', k, 'between', j])));
  for (const list of ['alliances', 'rivalries'] as const) sc.relations[list].forEach((p, k) => p.forEach((b, j) => actor(b, ['relations', list, k, j])));
  sc.flashpoints.forEach((p, k) => p.forEach((b, j) => actor(b, ['flashpoints', k, j])));

  if (sc.stage >= sc.stages.length) src.add(['stage'], `stage: must be one of the ${sc.stages.length} stages, counted from 0 (it is ${sc.stage}).`);

  const condition = (c: ScenarioFile['outcomes'][number]['when'][number], path: Path): void => {
    if (c['at-least'] === undefined && c['at-most'] === undefined) src.add(path, `${describePath(path)}: give at-least or at-most, or the condition says nothing.`);
    if (c['at-least'] !== undefined && c['at-most'] !== undefined && c['at-least'] > c['at-most'])
      src.add(path, `${describePath(path)}: at-least (${c['at-least']}) is above at-most (${c['at-most']}), so this can never hold.`);
    const global = (GLOBAL_METRICS as readonly string[]).includes(c.metric);
    if (!global && c.of === undefined) src.add(path, `${describePath(path)}: "${c.metric}" belongs to a government; say whose with "of".`);
    if (c.of !== undefined) actor(c.of, [...path, 'of']);
  };

  for (const [id, a] of Object.entries(sc.actors)) {
    const at: Path = ['actors', id];
    a.objectives.forEach((o, k) => o.of !== undefined && actor(o.of, [...at, 'objectives', k, 'of']));
    if (a.elected && a.leader['term-ends'] === undefined) src.add([...at, 'leader'], `actors › ${id} › leader: an elected leader needs term-ends, the round of the next election.`);
    if (!a.elected && a.leader['term-ends'] !== undefined) src.add([...at, 'leader', 'term-ends'], `actors › ${id} › leader › term-ends: only elected leaders have a term; set elected: true or remove this.`);
  }

  const eventIds = new Set<string>();
  sc.events.forEach((e, k) => {
    const at: Path = ['events', k];
    if (eventIds.has(e.id)) src.add([...at, 'id'], `events › #${k + 1} › id: "${e.id}" is used by another event already.`);
    eventIds.add(e.id);
    if (e.round === undefined && e.chance === undefined) src.add(at, `events › ${e.id}: this event can never happen; give it a round (scheduled) or a chance (random).`);
    if (e.round !== undefined && e.chance !== undefined) src.add([...at, 'chance'], `events › ${e.id}: give a round or a chance, not both.`);
    if (e.round !== undefined && e.round > sc.rounds) src.add([...at, 'round'], `events › ${e.id} › round: round ${e.round} comes after the last round (${sc.rounds}), so this event can never happen.`);
    if (e.chance === 0) src.add([...at, 'chance'], `events › ${e.id} › chance: a chance of 0 means this event can never happen.`);
    if (e.from !== undefined && e.until !== undefined && e.from > e.until) src.add([...at, 'from'], `events › ${e.id}: from (${e.from}) is after until (${e.until}), so this event can never happen.`);
    if (e.from !== undefined && e.from > sc.rounds) src.add([...at, 'from'], `events › ${e.id} › from: round ${e.from} comes after the last round, so this event can never happen.`);
    e.when.forEach((c, j) => condition(c, [...at, 'when', j]));
    e.effects.forEach((x, j) => {
      const p: Path = [...at, 'effects', j];
      if ('actor' in x) actor(x.actor, [...p, 'actor']);
      if ('from' in x) actor(x.from, [...p, 'from']);
      if ('to' in x) actor(x.to, [...p, 'to']);
      if ('between' in x) x.between.forEach((b, i) => actor(b, [...p, 'between', i]));
    });
  });

  const outcomeIds = new Set<string>();
  const clash = sc.outcomes.filter((o) => o['on-clash']);
  if (clash.length !== 1) src.add(['outcomes'], `outcomes: exactly one outcome must have on-clash: true (the end by military clash); there ${clash.length === 1 ? 'is' : 'are'} ${clash.length}.`);
  const normal = sc.outcomes.map((o, k) => ({ o, k })).filter(({ o }) => !o['on-clash']);
  normal.forEach(({ o, k }, pos) => {
    if (outcomeIds.has(o.id)) src.add(['outcomes', k, 'id'], `outcomes › #${k + 1} › id: "${o.id}" is used by another outcome already.`);
    outcomeIds.add(o.id);
    o.when.forEach((c, j) => condition(c, ['outcomes', k, 'when', j]));
    // An outcome listed after one whose conditions are a subset of its own can never be reached.
    const earlier = normal.slice(0, pos).find(({ o: e }) => e.when.every((c) => o.when.some((d) => sameOrLooser(c, d))));
    if (earlier) src.add(['outcomes', k], `outcomes › ${o.id}: can never be the result, because "${earlier.o.id}" comes first and holds whenever this one does.`);
  });
  const last = normal[normal.length - 1];
  if (last && last.o.when.length > 0) src.add(['outcomes', last.k, 'when'], `outcomes › ${last.o.id}: the last outcome must have no conditions, so that every game ends in one.`);
}

/** Whether condition `c` holds whenever `d` does (same metric, and d's bounds within c's). */
function sameOrLooser(c: Condition | ScenarioFile['outcomes'][number]['when'][number], d: ScenarioFile['outcomes'][number]['when'][number]): boolean {
  const cc = c as ScenarioFile['outcomes'][number]['when'][number];
  if (cc.metric !== d.metric || cc.of !== d.of) return false;
  const lo = cc['at-least'] === undefined || (d['at-least'] !== undefined && d['at-least'] >= cc['at-least']);
  const hi = cc['at-most'] === undefined || (d['at-most'] !== undefined && d['at-most'] <= cc['at-most']);
  return lo && hi;
}

// ---------------------------------------------------------------------------------------------
// Compiling to the engine's World

const toCondition = (c: ScenarioFile['outcomes'][number]['when'][number]): Condition =>
  ({ metric: c.metric, ...(c.of !== undefined ? { of: c.of } : {}), ...(c['at-least'] !== undefined ? { atLeast: c['at-least'] } : {}), ...(c['at-most'] !== undefined ? { atMost: c['at-most'] } : {}) }) as Condition;

function toEffect(e: ActionFile['effects'][number]): Effect {
  switch (e.kind) {
    case 'var':
      return { kind: 'var', who: e.who, var: e.var, delta: e.delta, ...(e['scale-by-hawkishness'] ? { scaleByHawkishness: true } : {}) };
    case 'stage':
      return { kind: 'stage', delta: e.delta, ...(e['at-most'] !== undefined ? { atMost: e['at-most'] } : {}) };
    default:
      return e;
  }
}

function toEventEffect(e: ScenarioFile['events'][number]['effects'][number]): EventEffect {
  switch (e.kind) {
    case 'channel':
      return { kind: 'channel', a: e.between[0], b: e.between[1], channel: e.channel, open: e.open };
    case 'leader':
      return { kind: 'leader', actor: e.actor, name: e.name, stance: e.stance, ...(e['term-rounds'] !== undefined ? { termRounds: e['term-rounds'] } : {}) };
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
    cost: a.cost,
    effects: a.effects.map(toEffect),
    visibility: a.visibility,
    readings: a.readings,
    concession: a.concession,
    provocation: a.provocation,
    dealable: a.dealable,
    summary: a.summary,
  };
}

const camel = (k: string): string => k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function compileWorld(sc: ScenarioFile, catalogue: CatalogueFile, hash: string): World {
  const removed = new Set(sc.actions.remove);
  const actions = [...catalogue.actions.filter((a) => !removed.has(a.id)), ...sc.actions.add].map((a) => toAction(a, sc.actions.allow[a.id] ?? []));
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
        objectives: a.objectives.map((o) => ({ label: o.label, metric: o.metric, want: o.want, weight: o.weight, ...(o.of !== undefined ? { of: o.of } : {}) })),
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
    outcomes: sc.outcomes.map((o) => ({ id: o.id, name: o.name, summary: o.summary.trim(), when: o.when.map(toCondition), ...(o['on-clash'] ? { onClash: true } : {}) })),
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
              vars: { security: a.security, support: a.support, economy: a.economy, influence: a.influence, nuclear: a.nuclear, missile: a.missile },
              leader: { name: a.leader.name, stance: a.leader.stance, ...(a.leader['term-ends'] !== undefined ? { termEnds: a.leader['term-ends'] } : {}) },
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
  return { world: compileWorld(r.value, catalogue.file, hashText(`${text}\n---\n${catalogue.text}`)), scenario: r.value };
}

/** Parses the catalogue; throws a ScenarioError listing every problem. */
export function loadCatalogue(file: string, text: string): Catalogue {
  const r = parseCatalogue(file, text);
  if (!r.value) throw new ScenarioError(r.problems);
  return { file: r.value, text };
}

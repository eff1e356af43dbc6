/**
 * From text to a playable world: parse YAML with positions, validate against the schema, check every
 * cross-reference and contradiction, and compile the result with the action catalogue into an engine World.
 * Every problem is collected (not only the first) with its line, column and a plain sentence.
 */
import {
  ACTOR_METRICS,
  CORE_ACTORS,
  DEFAULT_RULES,
  GLOBAL_METRICS,
  hashText,
  pickVars,
} from '../engine/index.ts';
import type { ActionDef, Condition, Effect, EventEffect, Rules, World } from '../engine/index.ts';
import { Located, ScenarioError, didYouMean, explainIssues } from './problems.ts';
import type { Path, Problem } from './problems.ts';
import { catalogueSchema, scenarioSchema } from './schema.ts';
import type { ActionFile, CatalogueFile, ScenarioFile } from './schema.ts';

export interface Catalogue {
  file: CatalogueFile;
  text: string;
}

/** The value, or every problem; and the warnings either way (what works but is probably not meant). */
type Parsed<T> = ({ value: T; problems: [] } | { value: null; problems: Problem[] }) & {
  warnings: Problem[];
};

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
    warnings: [],
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
  if (!src.readable) return { value: null, problems: src.sorted(), warnings: [] };
  const data = src.value();
  if (src.problems.length) return { value: null, problems: src.sorted(), warnings: [] };
  if (data === null || data === undefined)
    return fail(
      `the file has only comments and blank lines; a ${kind} starts with fields such as ${FIRST_FIELDS[kind]}.`,
    );
  if (!isObj(data)) {
    src.add(
      [],
      `the file must be a section of named fields (such as ${FIRST_FIELDS[kind]}), but it is ${Array.isArray(data) ? 'a list (its lines start with "-")' : 'a single value'}.`,
    );
    return { value: null, problems: src.sorted(), warnings: [] };
  }
  const r = schema.safeParse(data);
  if (!r.success) explainIssues(src, schema, data, r.error.issues);
  extra(src, data);
  const warnings = src.sorted(true);
  if (!r.success || src.problems.length) return { value: null, problems: src.sorted(), warnings };
  return { value: r.data as T, problems: [], warnings };
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
      if (items(obj(a).when).length > 0)
        src.report(
          ['actions', k, 'when'],
          `conditions name a scenario's governments, leaders and events, so they belong to an action a scenario adds (actions › add), not to the catalogue.`,
          true,
        );
    });
  });
}

/** Checks a scenario text against the catalogue. Returns the validated file or every problem. */
export function checkScenario(file: string, text: string, catalogue: CatalogueFile): Parsed<ScenarioFile> {
  return parseWith<ScenarioFile>(file, text, scenarioSchema, 'scenario', (src, data) => {
    crossCheck(src, data, catalogue);
    warnings(src, data);
  });
}

/** A condition as the checks read it: the metric, whose, and its bounds on 0..100. */
interface Bound {
  label: string;
  lo: number;
  hi: number;
  /** A value of the range in the author's words (a stage by its name). */
  show: (v: number) => string;
}

const isGlobal = (metric: string): boolean => (GLOBAL_METRICS as readonly string[]).includes(metric);
const isMetric = (metric: string): boolean =>
  isGlobal(metric) || (ACTOR_METRICS as readonly string[]).includes(metric);

/**
 * A stage threshold as a stage's number counted from 0: a stage's name, its number, or (the old form, above the
 * last stage's number) a share of the way from 0 to 100, rounded to the stages it lets through. Undefined when
 * it names no stage.
 */
export function stageIndex(
  v: number | string,
  bound: 'at-least' | 'at-most',
  stages: readonly string[],
): number | undefined {
  const last = stages.length - 1;
  if (typeof v === 'string') {
    const k = stages.indexOf(v);
    return k >= 0 ? k : undefined;
  }
  if (Number.isInteger(v) && v >= 0 && v <= last) return v;
  if (v <= last || v > 100 || last < 1) return undefined;
  const steps = (v * last) / 100;
  return bound === 'at-least' ? Math.ceil(steps) : Math.floor(steps);
}

/** Whether a stage threshold is written in the old 0 to 100 form (a number above the last stage's). */
const oldStageForm = (v: unknown, stages: readonly unknown[]): v is number =>
  typeof v === 'number' && stages.length > 1 && v > stages.length - 1 && v <= 100;

/** A threshold on the engine's 0..100 scale; a stage's on it as the engine measures the stage. */
function scaled(
  metric: string,
  v: unknown,
  bound: 'at-least' | 'at-most',
  stages: readonly string[],
): number | undefined {
  if (metric !== 'stage') return num(v);
  if (typeof v !== 'number' && typeof v !== 'string') return undefined;
  const k = stageIndex(v, bound, stages);
  return k === undefined || stages.length < 2 ? undefined : (100 * k) / (stages.length - 1);
}

/** The range each metric must lie in for all of `conds` to hold, by metric (and whose), on the 0..100 scale. */
function boundsOf(conds: unknown[], stages: readonly string[]): Map<string, Bound> {
  const out = new Map<string, Bound>();
  for (const c of conds) {
    const metric = str(obj(c).metric);
    if (metric === undefined) continue;
    const of = isGlobal(metric) ? undefined : str(obj(c).of);
    const key = `${metric}|${of ?? ''}`;
    const show =
      metric === 'stage'
        ? (v: number) => {
            const k = Math.round((v * (stages.length - 1)) / 100);
            return `${k} ("${stages[k] ?? ''}")`;
          }
        : String;
    const b = out.get(key) ?? { label: of ? `${metric} of ${of}` : metric, lo: 0, hi: 100, show };
    b.lo = Math.max(b.lo, scaled(metric, obj(c)['at-least'], 'at-least', stages) ?? 0);
    b.hi = Math.min(b.hi, scaled(metric, obj(c)['at-most'], 'at-most', stages) ?? 100);
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
  const stageNames = items(sc.stages).filter((x): x is string => typeof x === 'string');
  const stagesKnown =
    Array.isArray(sc.stages) && stageNames.length === items(sc.stages).length && stageNames.length > 1;
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
  // A core government written in other letters ("rus") is reported once, where its id is.
  const miswritten = new Set(
    actors.filter((a) => !/^[A-Z][A-Z0-9]*$/.test(a)).map((a) => a.toUpperCase().replace(/[^A-Z0-9]/g, '')),
  );
  if (actorsKnown)
    for (const core of CORE_ACTORS)
      if (!actorSet.has(core) && !miswritten.has(core))
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

  for (const [x, r] of Object.entries(obj(acts.rename))) {
    if (!catIds.includes(x) || removed.includes(x))
      src.report(
        ['actions', 'rename', x],
        removed.includes(x)
          ? `"${x}" is removed from this scenario (actions › remove), so there is nothing to rename.`
          : `the catalogue has no action "${x}" to rename${added.includes(x) ? ' (an added action is named where it is added)' : ''}.${didYouMean(x, catIds)}`,
        true,
      );
    else if (isObj(r) && Object.keys(r).length === 0)
      src.report(['actions', 'rename', x], 'give a name, a summary, or both.', true);
  }
  for (const [x, who] of Object.entries(obj(acts.deny))) {
    if (!allIds.includes(x))
      src.report(['actions', 'deny', x], `there is no action "${x}" to deny.${didYouMean(x, allIds)}`, true);
    items(who).forEach((b, j) => actor(b, ['actions', 'deny', x, j]));
  }

  // Organisations: members instead of allies.
  const orgs = new Set(
    Object.entries(obj(sc.actors))
      .filter(([, a]) => obj(a).kind === 'organisation')
      .map(([id]) => id),
  );
  for (const [id, a] of Object.entries(obj(sc.actors))) {
    const g = obj(a);
    if (g.members === undefined) continue;
    if (!orgs.has(id))
      src.report(
        ['actors', id, 'members'],
        `only an organisation has members; add kind: organisation to ${id}, or write its partners as alliances.`,
        true,
      );
    items(g.members).forEach((m, j) => {
      actor(m, ['actors', id, 'members', j]);
      if (m === id) src.report(['actors', id, 'members', j], `${id} cannot be a member of itself.`);
      else if (typeof m === 'string' && orgs.has(m))
        src.report(['actors', id, 'members', j], `"${m}" is an organisation; members are governments.`);
    });
  }
  const lastRound = num(sc.rounds);
  for (const [id, a] of Object.entries(obj(sc.actors))) {
    const g = obj(a);
    for (const f of ['joins', 'leaves'] as const) {
      const r = num(g[f]);
      if (g[f] === undefined) continue;
      if (!orgs.has(id))
        src.report(
          ['actors', id, f],
          `only an organisation ${f === 'joins' ? 'joins' : 'leaves'} the table in a later round; a government is there throughout. Add kind: organisation to ${id}, or remove ${f}.`,
          true,
        );
      else if (r !== undefined && lastRound !== undefined && r > lastRound)
        src.report(
          ['actors', id, f],
          `round ${r} comes after the last round (${lastRound}), so ${f === 'joins' ? `${id} would never come to the table` : 'this changes nothing'}.`,
        );
    }
    const j = num(g.joins);
    const l = num(g.leaves);
    if (j !== undefined && l !== undefined && l <= j)
      src.report(
        ['actors', id, 'leaves'],
        `${id} would leave (round ${l}) before or as it joins (round ${j}); leaves must come after joins.`,
      );
  }
  items(obj(sc.relations).alliances).forEach((p, k) =>
    items(p).forEach((x, j) => {
      if (typeof x === 'string' && orgs.has(x))
        src.report(
          ['relations', 'alliances', k, j],
          `"${x}" is an organisation, which has members, not allies: list the governments in its members instead.`,
        );
    }),
  );

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
  items(rel.refusals).forEach((p, k) => pair(p, ['relations', 'refusals', k], 'refusal'));
  items(sc.flashpoints).forEach((p, k) => pair(p, ['flashpoints', k], 'flashpoint'));

  const stageRange = `counted from 0 (0 is "${String(stageNames[0])}", ${stageNames.length - 1} is "${String(stageNames[stageNames.length - 1])}")`;
  const stage = num(sc.stage);
  if (stage !== undefined && stagesKnown && stage >= stageNames.length)
    src.report(['stage'], `must be one of the ${stageNames.length} stages, ${stageRange}; it is ${stage}.`);
  if (typeof sc.stage === 'string' && stagesKnown && !stageNames.includes(sc.stage))
    src.report(
      ['stage'],
      `there is no stage "${sc.stage}"; use a name from stages, or its number ${stageRange}.${didYouMean(sc.stage, stageNames)}`,
    );

  const reach = sc['security-reach'];
  if (typeof reach === 'number' && stagesKnown && reach >= stageNames.length)
    src.report(
      ['security-reach'],
      `must be one of the ${stageNames.length} stages, ${stageRange}; it is ${reach}.`,
    );
  if (typeof reach === 'string' && stagesKnown && !stageNames.includes(reach))
    src.report(
      ['security-reach'],
      `there is no stage "${reach}"; use a name from stages, or its number ${stageRange}.${didYouMean(reach, stageNames)}`,
    );

  /** Checks one condition; false when a threshold means nothing, so that its list is not compared with others. */
  const condition = (c: unknown, path: Path): boolean => {
    const o = obj(c);
    if (!isObj(c)) return false;
    const heads = HEADS.filter((h) => o[h] !== undefined);
    if (heads.length === 0) {
      src.report(path, `say what the condition tests: one of ${HEADS.join(', ')} (see the field reference).`);
      return false;
    }
    if (heads.length > 1) {
      src.report(
        [...path, heads[1]!],
        `a condition tests one thing, and this one has both ${heads[0]} and ${heads[1]}; write them as two conditions (all conditions of a list must hold).`,
        true,
      );
      return false;
    }
    const head = heads[0]!;
    let fine = true;
    for (const k of Object.keys(o))
      if (k !== head && !COMPANIONS[head].includes(k)) {
        fine = false;
        src.report(
          [...path, k],
          `${k} does not go with ${head}; ${/^[aeiou]/.test(head) ? 'an' : 'a'} ${head} condition takes ${COMPANIONS[head].join(', ')}.${didYouMean(k, COMPANIONS[head])}`,
          true,
        );
      }
    if (head !== 'metric') return factCondition(o, head, path) && fine;
    const metric = str(o.metric);
    if (o['at-least'] === undefined && o['at-most'] === undefined)
      src.report(path, 'give at-least or at-most, or the condition says nothing.');
    let valid = true;
    for (const bound of ['at-least', 'at-most'] as const) {
      const v = o[bound];
      if (v === undefined || metric === undefined || !isMetric(metric)) continue;
      const at: Path = [...path, bound];
      if (metric !== 'stage') {
        if (typeof v === 'string') {
          valid = false;
          src.report(
            at,
            `"${metric}" is measured by a number from 0 to 100; only a stage condition takes a name${stageNames.includes(v) ? ' (write metric: stage to test the stage)' : ''}.`,
          );
        } else if (typeof v === 'number' && (v < 0 || v > 100)) {
          valid = false;
          src.report(at, `must be a number from 0 to 100 (it is ${v}).`);
        }
        continue;
      }
      if (!stagesKnown) continue;
      if (typeof v === 'string' && !stageNames.includes(v)) {
        valid = false;
        src.report(
          at,
          `there is no stage "${v}"; use a name from stages, or its number ${stageRange}.${didYouMean(v, stageNames)}`,
        );
      } else if (oldStageForm(v, stageNames)) {
        const k = stageIndex(v, bound, stageNames)!;
        src.warn(
          at,
          `a stage is now ${stageRange} as in stage:, not measured from 0 to 100; ${v} is read the old way, as stage ${k} ("${stageNames[k]}"). Write ${bound}: ${stageNames[k]} (or ${k}).`,
        );
      } else if (typeof v === 'number' && stageIndex(v, bound, stageNames) === undefined) {
        valid = false;
        src.report(at, `must be a stage's name or its number ${stageRange}; it is ${v}.`);
      }
    }
    const lo = valid && metric ? scaled(metric, o['at-least'], 'at-least', stageNames) : undefined;
    const hi = valid && metric ? scaled(metric, o['at-most'], 'at-most', stageNames) : undefined;
    if (lo !== undefined && hi !== undefined && lo > hi)
      src.report(
        path,
        `at-least (${String(o['at-least'])}) is above at-most (${String(o['at-most'])}), so this condition can never hold.`,
      );
    if (metric !== undefined && isMetric(metric) && !isGlobal(metric) && o.of === undefined)
      src.report(path, `"${metric}" belongs to a government; say whose with "of".`);
    if (o.of !== undefined) actor(o.of, [...path, 'of']);
    return valid && fine && metric !== undefined && isMetric(metric);
  };

  // Conditions on facts: who leads, an action, a deal, an event, a channel, one pair's relation.
  const leaderNames = new Set<string>();
  const addName = (x: unknown): void => {
    if (typeof x === 'string') leaderNames.add(x);
  };
  for (const a of Object.values(obj(sc.actors))) {
    addName(obj(obj(a).leader).name);
    items(obj(a).successors).forEach((x) => addName(obj(x).name));
  }
  for (const e of items(sc.events))
    items(obj(e).effects).forEach((x) => obj(x).kind === 'leader' && addName(obj(x).name));
  const allEvents = items(sc.events)
    .map((e) => str(obj(e).id))
    .filter((x): x is string => x !== undefined);
  const factCondition = (o: Obj, head: Head, path: Path): boolean => {
    const before = src.problems.length;
    if (o.by !== undefined) actor(o.by, [...path, 'by']);
    if (o.to !== undefined) actor(o.to, [...path, 'to']);
    switch (head) {
      case 'leader': {
        actor(o.leader, [...path, 'leader']);
        const is = str(o.is);
        if (o.is === undefined) src.report(path, "say who must lead with is: the leader's name.");
        else if (is !== undefined && !leaderNames.has(is))
          src.report(
            [...path, 'is'],
            `no leader in this scenario is called "${is}": a leader is one at the start, a successor, or one an event brings in.${didYouMean(is, leaderNames)}`,
          );
        break;
      }
      case 'action':
      case 'deal': {
        const a = str(o[head]);
        if (a !== undefined && !allIds.includes(a))
          src.report([...path, head], `there is no action "${a}" in this scenario.${didYouMean(a, allIds)}`);
        break;
      }
      case 'event': {
        const e = str(o.event);
        if (e !== undefined && !allEvents.includes(e))
          src.report(
            [...path, 'event'],
            `there is no event "${e}" in this scenario.${didYouMean(e, allEvents)}`,
          );
        break;
      }
      case 'channel':
        if (o.between === undefined) src.report(path, 'say which two governments with between: [A, B].');
        else pair(o.between, [...path, 'between'], 'channel');
        break;
      case 'trust':
      case 'sanctions':
      case 'lifeline': {
        pair(o[head], [...path, head], `${head} condition`);
        const max = head === 'trust' ? 100 : 3;
        if (o['at-least'] === undefined && o['at-most'] === undefined)
          src.report(path, 'give at-least or at-most, or the condition says nothing.');
        for (const bound of ['at-least', 'at-most'] as const) {
          const v = o[bound];
          if (v === undefined) continue;
          if (typeof v !== 'number' || v < 0 || v > max || (max === 3 && !Number.isInteger(v)))
            src.report(
              [...path, bound],
              `${head} is ${max === 3 ? 'a level, a whole number from 0 to 3' : 'a number from 0 to 100'}; it is ${String(v)}.`,
            );
        }
        break;
      }
    }
    return src.problems.length === before;
  };
  /** A contradiction between two conditions of one list (a single condition's own is reported by `condition`). */
  const conflicting = (conds: unknown[]): Bound | undefined => {
    const own = conds.some((c) => {
      const m = str(obj(c).metric) ?? '';
      return (
        (scaled(m, obj(c)['at-least'], 'at-least', stageNames) ?? 0) >
        (scaled(m, obj(c)['at-most'], 'at-most', stageNames) ?? 100)
      );
    });
    return own ? undefined : contradiction(boundsOf(conds, stageNames));
  };

  // A government has elections or not, and an economy; an organisation has neither unless given, so nothing may
  // read, score or press an economy it does not have.
  const noEconomy = new Set<string>();
  for (const [id, a] of Object.entries(obj(sc.actors))) {
    const g = obj(a);
    if (!isObj(a)) continue;
    if (!orgs.has(id))
      for (const [f, what] of [
        ['elected', 'whether its leader faces scheduled elections'],
        ['economy', 'economic health, from 0 to 100'],
      ] as const)
        if (g[f] === undefined)
          src.flag(
            ['actors', id, f],
            src.containerPosition(['actors', id]),
            `this required field is missing (${what}); add it under ${id}. Only an organisation (kind: organisation) may leave it out.`,
          );
    if (orgs.has(id) && g.economy === undefined) noEconomy.add(id);
  }
  const economyOf = (who: unknown, path: Path, what: string, onKey = false): void => {
    if (typeof who === 'string' && noEconomy.has(who))
      src.report(
        path,
        `${who} is an organisation without an economy, so ${what}; give ${who} an economy, or leave this out.`,
        onKey,
      );
  };
  for (const [id, a] of Object.entries(obj(sc.actors)))
    items(obj(a).objectives).forEach((o, k) => {
      if (obj(o).metric === 'economy')
        economyOf(
          str(obj(o).of) ?? id,
          ['actors', id, 'objectives', k, 'metric'],
          'no objective can score it',
        );
    });
  for (const name of ['sanctions', 'lifeline'] as const)
    for (const [a, row] of Object.entries(obj(rel[name])))
      for (const b of Object.keys(obj(row)))
        economyOf(
          b,
          ['relations', name, a, b],
          `there is nothing for ${name} to ${name === 'sanctions' ? 'press' : 'feed'}`,
          true,
        );
  const conditionEconomy = (c: unknown, path: Path): void => {
    if (obj(c).metric === 'economy') economyOf(obj(c).of, [...path, 'of'], 'no condition can read it');
  };
  items(sc.events).forEach((e, k) => {
    items(obj(e).when).forEach((c, j) => conditionEconomy(c, ['events', k, 'when', j]));
    items(obj(e).effects).forEach((x, j) => {
      const eff = obj(x);
      if (eff.kind === 'var' && eff.var === 'economy')
        economyOf(eff.actor, ['events', k, 'effects', j, 'actor'], 'this effect would change nothing');
      if (eff.kind === 'sanctions' || eff.kind === 'lifeline')
        economyOf(
          eff.to,
          ['events', k, 'effects', j, 'to'],
          `there is nothing for ${String(eff.kind)} to act on`,
        );
    });
  });
  items(sc.outcomes).forEach((o, k) =>
    items(obj(o).when).forEach((c, j) => conditionEconomy(c, ['outcomes', k, 'when', j])),
  );
  items(acts.add).forEach((a, k) =>
    items(obj(a).when).forEach((c, j) => conditionEconomy(c, ['actions', 'add', k, 'when', j])),
  );

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
    // An event past the end is a warning, not a problem: the file works (the event never fires), and a scenario
    // cut short for a class (rounds lowered, its later history kept) is a likely reason to have one.
    if (round !== undefined && rounds !== undefined && round > rounds)
      src.warn(
        [...at, 'round'],
        `round ${round} comes after the last round (${rounds}), so this event can fire only after the game ends: it never happens. Lower its round, raise rounds, or remove it.`,
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
      src.warn(
        [...at, 'from'],
        `round ${from} comes after the last round (${rounds}), so this event can fire only after the game ends: it never happens. Lower its from, raise rounds, or remove it.`,
        true,
      );
    const when = items(ev.when);
    when.forEach((c, j) => condition(c, [...at, 'when', j]));
    const clash = conflicting(when);
    if (clash)
      src.report(
        at,
        `this event can never happen: its conditions ask for ${clash.label} to be at least ${clash.show(clash.lo)} and at most ${clash.show(clash.hi)}.`,
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

  // Actions a scenario adds may set conditions on when they can be taken (China's consent to UN sanctions).
  items(acts.add).forEach((a, k) => {
    const at: Path = ['actions', 'add', k];
    const when = items(obj(a).when);
    when.forEach((c, j) => condition(c, [...at, 'when', j]));
    const clash = conflicting(when);
    if (clash)
      src.report(
        at,
        `this action can never be taken: its conditions ask for ${clash.label} to be at least ${clash.show(clash.lo)} and at most ${clash.show(clash.hi)}.`,
      );
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
  const historical = str(sc.historical);
  if (historical !== undefined && !outcomeIds.has(historical) && outcomeIds.size > 0)
    src.report(
      ['historical'],
      `there is no outcome "${historical}" in this scenario; historical names the outcome history took.${didYouMean(historical, outcomeIds.keys())}`,
    );
  if (!Array.isArray(sc.outcomes)) return;
  const clash = outcomes.filter((o) => obj(o)['on-clash'] === true);
  // With no on-clash outcome, an unconditional one before the end is most likely the clash outcome that lost its
  // on-clash: one message there says so, instead of one about the missing mark and another about the order.
  const unmarked =
    clash.length === 0
      ? outcomes.findIndex((o, k) => k < outcomes.length - 1 && items(obj(o).when).length === 0)
      : -1;
  if (unmarked >= 0)
    src.report(
      ['outcomes', unmarked],
      `no outcome has on-clash: true, and "${str(obj(outcomes[unmarked]).id) ?? `#${unmarked + 1}`}" has no conditions before the last outcome: if it is the end by military clash, add on-clash: true to it (exactly one outcome must have it).`,
    );
  else if (clash.length !== 1)
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
  const normal = outcomes
    .map((o, k) => ({ o: obj(o), k }))
    .filter(({ o, k }) => o['on-clash'] !== true && k !== unmarked);
  const name = (o: Obj, k: number): string => str(o.id) ?? `#${k + 1}`;
  // Outcomes with a condition that means nothing are not compared with others (its own problem says why).
  const unreadable = new Set(
    normal
      .filter(({ o, k }) => !items(o.when).every((c, j) => condition(c, ['outcomes', k, 'when', j])))
      .map(({ k }) => k),
  );
  const unconditional = normal.findIndex(({ o }) => items(o.when).length === 0);
  normal.forEach(({ o, k }, pos) => {
    const when = items(o.when);
    if (unreadable.has(k)) return;
    const own = conflicting(when);
    if (own) {
      src.report(
        ['outcomes', k],
        `can never be the result: its conditions ask for ${own.label} to be at least ${own.show(own.lo)} and at most ${own.show(own.hi)}.`,
      );
      return;
    }
    if (unconditional >= 0 && pos > unconditional) return;
    const mine = boundsOf(when, stageNames);
    const earlier = normal
      .slice(0, pos)
      .find(
        ({ o: e, k: j }) =>
          !unreadable.has(j) &&
          items(e.when).length > 0 &&
          items(e.when).every((c) => obj(c).metric !== undefined) &&
          implies(mine, boundsOf(items(e.when), stageNames)),
      );
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

/** What a condition tests: exactly one of these keys, with the keys that go with it. */
const HEADS = [
  'metric',
  'leader',
  'action',
  'deal',
  'event',
  'channel',
  'trust',
  'sanctions',
  'lifeline',
] as const;
type Head = (typeof HEADS)[number];
const COMPANIONS: Record<Head, readonly string[]> = {
  metric: ['of', 'at-least', 'at-most'],
  leader: ['is', 'not'],
  action: ['by', 'to', 'within', 'not'],
  deal: ['by', 'status', 'not'],
  event: ['not'],
  channel: ['between', 'not'],
  trust: ['at-least', 'at-most'],
  sanctions: ['at-least', 'at-most'],
  lifeline: ['at-least', 'at-most'],
};

/** What a threshold that looks like a step number (1 to 4) most likely meant, by metric. */
function stepHint(metric: string): string {
  if (metric === 'agreements-kept' || metric === 'agreements-broken')
    return `"${metric}" counts 25 for each agreement (100 for four or more), so 1 agreement is 25, 2 are 50`;
  return `"${metric}" is measured from 0 to 100, so this is almost nothing; a stage is tested with metric: stage, and a sanctions level is not a metric`;
}

/**
 * Warnings: what a valid file allows but its author most likely did not mean. Reads the raw value defensively
 * and says nothing where the checks above found a problem.
 */
function warnings(src: Located, sc: Obj): void {
  // A threshold from 1 to 4 on a 0..100 metric looks like a step: a count of agreements, a stage, a level.
  const condition = (c: unknown, path: Path): void => {
    const o = obj(c);
    const metric = str(o.metric);
    if (metric === undefined || metric === 'stage' || !isMetric(metric)) return;
    for (const bound of ['at-least', 'at-most'] as const) {
      const v = o[bound];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 4)
        src.warn([...path, bound], `${bound}: ${v} looks like a step number: ${stepHint(metric)}.`);
    }
  };
  items(sc.events).forEach((e, k) =>
    items(obj(e).when).forEach((c, j) => condition(c, ['events', k, 'when', j])),
  );
  items(sc.outcomes).forEach((o, k) =>
    items(obj(o).when).forEach((c, j) => condition(c, ['outcomes', k, 'when', j])),
  );
  items(obj(sc.actions).add).forEach((a, k) =>
    items(obj(a).when).forEach((c, j) => condition(c, ['actions', 'add', k, 'when', j])),
  );

  // A one-sided action that raises the stage without a limit lets one government move the process alone.
  items(obj(sc.actions).add).forEach((a, k) => {
    const act = obj(a);
    if (act.joint === true) return;
    items(act.effects).forEach((e, j) => {
      const eff = obj(e);
      if (
        eff.kind === 'stage' &&
        typeof eff.delta === 'number' &&
        eff.delta > 0 &&
        eff['at-most'] === undefined
      )
        src.warn(
          ['actions', 'add', k, 'effects', j],
          `"${str(act.id) ?? `#${k + 1}`}" is taken by one government alone (it is not joint) and raises the stage with no limit, so one player can carry the peace process to its last stage on their own; make it joint: true, or give the effect an at-most.`,
        );
    });
  });

  // An organisation's head is chosen, not elected by a public.
  for (const [id, a] of Object.entries(obj(sc.actors)))
    if (obj(a).kind === 'organisation' && obj(a).elected === true)
      src.warn(
        ['actors', id, 'elected'],
        `${id} is an organisation, but elected: true gives it elections by a public, with support and a term; organisations usually have elected: false.`,
        true,
      );

  // A government the scenario adds that nothing else names takes part only through the actions open to all.
  const named = new Set<string>();
  const collect = (x: unknown): void => {
    if (typeof x === 'string') named.add(x);
    else if (Array.isArray(x)) x.forEach(collect);
  };
  for (const [id, a] of Object.entries(obj(sc.actors))) {
    items(obj(a).objectives).forEach((o) => {
      if (obj(o).of !== id) collect(obj(o).of);
    });
    collect(obj(a).members);
    if (items(obj(a).members).length) named.add(id);
  }
  for (const [x, who] of Object.entries(obj(obj(sc.actions).allow))) if (x) collect(who);
  items(obj(sc.actions).add).forEach((a) => collect(obj(a).by));
  const conditionNames = (c: unknown): void =>
    ['of', 'leader', 'by', 'to', 'between', 'trust', 'sanctions', 'lifeline'].forEach((f) =>
      collect(obj(c)[f]),
    );
  items(obj(sc.actions).add).forEach((a) => items(obj(a).when).forEach(conditionNames));
  for (const e of items(sc.events)) {
    items(obj(e).when).forEach(conditionNames);
    items(obj(e).effects).forEach((x) =>
      ['actor', 'from', 'to', 'between'].forEach((f) => collect(obj(x)[f])),
    );
  }
  for (const o of items(sc.outcomes)) items(obj(o).when).forEach(conditionNames);
  for (const id of Object.keys(obj(sc.actors)))
    if (!(CORE_ACTORS as readonly string[]).includes(id) && !named.has(id))
      src.warn(
        ['actors', id],
        `no event, outcome or other government's objective refers to ${id}, so nothing in the scenario's history is about it; it plays only through the actions open to any government. Give it a role (an event, a condition, another government's objective), or leave it out.`,
        true,
      );
}

// ---------------------------------------------------------------------------------------------
// Compiling to the engine's World

/** A condition for the engine, which measures every metric (the stage too) from 0 to 100. */
function toCondition(
  c: ScenarioFile['outcomes'][number]['when'][number],
  stages: readonly string[],
): Condition {
  const not = c.not ? { not: true } : {};
  if (c.leader !== undefined) return { fact: 'leader', of: c.leader, is: c.is ?? '', ...not };
  if (c.action !== undefined)
    return {
      fact: 'action',
      action: c.action,
      ...(c.by !== undefined ? { by: c.by } : {}),
      ...(c.to !== undefined ? { target: c.to } : {}),
      ...(c.within !== undefined ? { within: c.within } : {}),
      ...not,
    };
  if (c.deal !== undefined)
    return {
      fact: 'deal',
      action: c.deal,
      status: c.status ?? 'signed',
      ...(c.by !== undefined ? { by: c.by } : {}),
      ...not,
    };
  if (c.event !== undefined) return { fact: 'event', event: c.event, ...not };
  if (c.channel !== undefined && c.between)
    return { fact: 'channel', channel: c.channel, a: c.between[0], b: c.between[1], ...not };
  for (const measure of ['trust', 'sanctions', 'lifeline'] as const) {
    const p = c[measure];
    if (p)
      return {
        fact: 'pair',
        measure,
        from: p[0],
        to: p[1],
        ...(typeof c['at-least'] === 'number' ? { atLeast: c['at-least'] } : {}),
        ...(typeof c['at-most'] === 'number' ? { atMost: c['at-most'] } : {}),
      };
  }
  const metric = c.metric ?? 'tension';
  const lo = c['at-least'] !== undefined ? scaled(metric, c['at-least'], 'at-least', stages) : undefined;
  const hi = c['at-most'] !== undefined ? scaled(metric, c['at-most'], 'at-most', stages) : undefined;
  return {
    metric,
    ...(c.of !== undefined ? { of: c.of } : {}),
    ...(lo !== undefined ? { atLeast: lo } : {}),
    ...(hi !== undefined ? { atMost: hi } : {}),
  } as Condition;
}

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

/**
 * An action for the engine. `by: any` means any government, and organisations too only where the action is
 * open to them; a scenario's allow adds takers and its deny takes them away.
 */
function toAction(
  a: ActionFile,
  extraBy: readonly string[],
  denied: readonly string[],
  governments: readonly string[],
  all: readonly string[],
  stages: readonly string[],
): ActionDef {
  const open = a.organisations ? all : governments;
  const by =
    a.by === 'any' && open.length === all.length && denied.length === 0
      ? ('any' as const)
      : [...new Set([...(a.by === 'any' ? open : a.by), ...extraBy])].filter((x) => !denied.includes(x));
  // An organisation is aimed at only by an action open to organisations or one that names it in targets: no one
  // sanctions the Security Council or holds a summit with it.
  const targets = a.targets ?? (a.targeted && open.length < all.length ? open : null);
  return {
    id: a.id,
    name: a.name,
    family: a.family,
    by,
    targeted: a.targeted,
    targets,
    cost: a.cost,
    effects: a.effects.map(toEffect),
    visibility: a.visibility,
    readings: a.readings,
    concession: a.concession,
    provocation: a.provocation,
    dealable: a.dealable,
    joint: a.joint,
    requires: a.requires,
    ...(a.when.length ? { when: a.when.map((c) => toCondition(c, stages)) } : {}),
    ...(a.once ? { once: true as const } : {}),
    summary: a.summary,
  };
}

/** What an organisation without an economy keeps in its place: a level nothing moves, shows or scores. */
const NO_ECONOMY = 50;

const camel = (k: string): string => k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function compileWorld(sc: ScenarioFile, catalogue: CatalogueFile, hash: string): World {
  const removed = new Set(sc.actions.remove);
  const all = Object.keys(sc.actors);
  const governments = all.filter((id) => sc.actors[id]!.kind === 'government');
  const renamed = (a: ActionFile): ActionFile => {
    const r = Object.hasOwn(sc.actions.rename, a.id) ? sc.actions.rename[a.id] : undefined;
    return r
      ? { ...a, ...(r.name ? { name: r.name } : {}), ...(r.summary ? { summary: r.summary } : {}) }
      : a;
  };
  const actions = [
    ...catalogue.actions.filter((a) => !removed.has(a.id)).map(renamed),
    ...sc.actions.add,
  ].map((a) =>
    toAction(
      a,
      Object.hasOwn(sc.actions.allow, a.id) ? sc.actions.allow[a.id]! : [],
      Object.hasOwn(sc.actions.deny, a.id) ? sc.actions.deny[a.id]! : [],
      governments,
      all,
      sc.stages,
    ),
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
        elected: a.elected ?? false,
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
        ...(a.kind === 'organisation' ? { organisation: true as const, members: a.members ?? [] } : {}),
        ...(a.economy === undefined ? { noEconomy: true as const } : {}),
        ...(a.joins !== undefined ? { joins: a.joins } : {}),
        ...(a.leaves !== undefined ? { leaves: a.leaves } : {}),
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
      when: e.when.map((c) => toCondition(c, sc.stages)),
      once: e.once,
      effects: e.effects.map(toEventEffect),
    })),
    outcomes: sc.outcomes.map((o) => ({
      id: o.id,
      name: o.name,
      summary: o.summary.trim(),
      when: o.when.map((c) => toCondition(c, sc.stages)),
      ...(o['on-clash'] ? { onClash: true } : {}),
    })),
    ...(sc.historical !== undefined ? { historical: sc.historical } : {}),
    stages: sc.stages,
    flashpoints: sc.flashpoints,
    ...(sc.relations.refusals.length ? { refusals: sc.relations.refusals } : {}),
    ...(sc['security-reach'] !== undefined
      ? {
          securityReach:
            typeof sc['security-reach'] === 'number'
              ? sc['security-reach']
              : sc.stages.indexOf(sc['security-reach']),
        }
      : {}),
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
              vars: pickVars({ ...a, economy: a.economy ?? NO_ECONOMY }),
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
      stage: typeof sc.stage === 'number' ? sc.stage : sc.stages.indexOf(sc.stage),
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

/**
 * The shipped content, bundled into the page at build time and compiled with the scenario layer.
 * A scenario that does not compile is still listed, with its problems, so an instructor sees why.
 */
import { ScenarioError, formatProblem, loadCatalogue, loadScenario } from '../scenario/index.ts';
import type { Catalogue, LoadedScenario } from '../scenario/index.ts';

const scenarioTexts = import.meta.glob('/scenarios/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;
const catalogueTexts = import.meta.glob('/scenarios/catalogue/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export type ScenarioEntry =
  { ok: true; file: string; loaded: LoadedScenario } | { ok: false; file: string; problems: string[] };

export interface Content {
  scenarios: ScenarioEntry[];
  /** Problems with the catalogue itself: then no scenario can be played. */
  catalogueProblems: string[];
  catalogue: Catalogue | null;
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function problemsOf(e: unknown): string[] {
  if (e instanceof ScenarioError) return e.problems.map(formatProblem);
  return [e instanceof Error ? e.message : String(e)];
}

/** Compiles every bundled scenario against the default catalogue (the first catalogue file otherwise). */
export function loadContent(scenarios = scenarioTexts, catalogues = catalogueTexts): Content {
  const catPath =
    Object.keys(catalogues).find((p) => p.endsWith('/default.yaml')) ?? Object.keys(catalogues)[0];
  let catalogue: Catalogue | null = null;
  let catalogueProblems: string[] = [];
  if (!catPath) catalogueProblems = ['No action catalogue was found in scenarios/catalogue/.'];
  else {
    try {
      catalogue = loadCatalogue(`scenarios/catalogue/${baseName(catPath)}`, catalogues[catPath]!);
    } catch (e) {
      catalogueProblems = problemsOf(e);
    }
  }
  const entries: ScenarioEntry[] = Object.keys(scenarios)
    .sort()
    .map((path) => {
      const file = `scenarios/${baseName(path)}`;
      if (!catalogue) return { ok: false, file, problems: ['The action catalogue could not be read.'] };
      try {
        return { ok: true, file, loaded: loadScenario(file, scenarios[path]!, catalogue) };
      } catch (e) {
        return { ok: false, file, problems: problemsOf(e) };
      }
    });
  return { scenarios: entries, catalogueProblems, catalogue };
}

/**
 * A scenario file the player chose or dropped on the page, checked exactly as `qpq check` checks it.
 * A binary or unreadable file gets a message, never an exception.
 */
export function loadUserScenario(content: Content, fileName: string, text: string): ScenarioEntry {
  if (!content.catalogue)
    return { ok: false, file: fileName, problems: ['The action catalogue could not be read.'] };
  try {
    return { ok: true, file: fileName, loaded: loadScenario(fileName, text, content.catalogue) };
  } catch (e) {
    return { ok: false, file: fileName, problems: problemsOf(e) };
  }
}

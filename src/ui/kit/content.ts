/**
 * The shipped content. The scenarios in `scenarios/` are checked and compiled when the site is built (the
 * `qpq-content` plugin in vite.config.ts), so the page starts without the YAML parser or the schema; those load
 * only when an instructor opens a scenario file of their own. A shipped scenario that does not compile is
 * still listed, with its problems, so an instructor sees why.
 */
import type { Catalogue, LoadedScenario } from '../../scenario/index.ts';

export type ScenarioEntry =
  { ok: true; file: string; loaded: LoadedScenario } | { ok: false; file: string; problems: string[] };

export interface Content {
  scenarios: ScenarioEntry[];
  /** Problems with the catalogue itself: then no scenario can be played. */
  catalogueProblems: string[];
  catalogue: Catalogue | null;
}

/**
 * The content compiled at build time (a fresh copy, which the menu may extend with a user's files). It is data,
 * not code, so it comes as a file of its own, fetched while the page's code starts.
 */
export async function loadContent(): Promise<Content> {
  const shipped = (await import('virtual:qpq-content')).default;
  return { ...shipped, scenarios: shipped.scenarios.slice() };
}

/**
 * A scenario file the player chose or dropped on the page, checked exactly as `qpq check` checks it.
 * A binary or unreadable file gets a message, never an exception.
 */
export async function loadUserScenario(
  content: Content,
  fileName: string,
  text: string,
): Promise<ScenarioEntry> {
  if (!content.catalogue)
    return { ok: false, file: fileName, problems: ['The action catalogue could not be read.'] };
  const { ScenarioError, formatProblem, loadScenario } = await import('../../scenario/index.ts');
  try {
    return { ok: true, file: fileName, loaded: loadScenario(fileName, text, content.catalogue) };
  } catch (e) {
    return {
      ok: false,
      file: fileName,
      problems:
        e instanceof ScenarioError
          ? e.problems.map(formatProblem)
          : [e instanceof Error ? e.message : String(e)],
    };
  }
}

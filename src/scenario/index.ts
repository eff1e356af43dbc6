/** The scenario layer: the format's schema, checking with positions, and compiling to an engine World. */
export {
  scenarioSchema,
  catalogueSchema,
  scenarioJsonSchema,
  catalogueJsonSchema,
  STRATEGY_IDS,
} from './schema.ts';
export type { ScenarioFile, CatalogueFile, ScenarioInput } from './schema.ts';
export { checkScenario, parseCatalogue, compileWorld, loadScenario, loadCatalogue } from './load.ts';
export type { Catalogue, LoadedScenario } from './load.ts';
export { RESERVED_NAMES, ScenarioError, formatProblem, suggest } from './problems.ts';
export type { Problem } from './problems.ts';

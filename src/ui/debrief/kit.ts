/**
 * The engine and text helpers the debrief uses, lent by the main chunk (end.ts) when it loads the debrief.
 * The debrief chunk imports only types from the engine: if it imported the engine's code as well, the bundler
 * would split the engine into a chunk of its own that every page loads, and the start-up JS would grow.
 * `K` is filled by `lend` before any debrief function runs.
 */
import type { ACTOR_VARS, findAction, roundDate } from '../../engine/index.ts';
import type * as Text from '../kit/text.ts';
import type * as Summary from '../play/summary.ts';

export type Kit = {
  ACTOR_VARS: typeof ACTOR_VARS;
  findAction: typeof findAction;
  roundDate: typeof roundDate;
} & Pick<typeof Text, 'nameOf' | 'prose' | 'VERIFICATION_LABELS'> &
  Pick<typeof Summary, 'causesByRound'>;

export const K = {} as Kit;

export function lend(kit: Kit): void {
  Object.assign(K, kit);
}

/** A simulated student: answers each phase it owes with a do-nothing input (every deal honoured), tagged with a `why`. */
import type { PhaseInput, PlayerView } from '../../src/engine/index.ts';
import { INPUT_PHASES } from '../../src/engine/index.ts';
import { emptyInput } from '../../src/session/index.ts';

export function quietInput(view: PlayerView, why: string): PhaseInput | null {
  const phase = INPUT_PHASES.find((p) => p === view.phase);
  return phase ? { ...emptyInput(phase, view), why } : null;
}

/** True when the view waits for this seat's input. */
export const owes = (view: PlayerView): boolean =>
  view.end === null && view.submitted[view.me] === false && quietInput(view, '') !== null;

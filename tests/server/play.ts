/** A simulated student: answers each phase it owes with a do-nothing input (every deal honoured), tagged with a `why`. */
import type { PhaseInput, PlayerView } from '../../src/engine/index.ts';

export function quietInput(view: PlayerView, why: string): PhaseInput | null {
  switch (view.phase) {
    case 'proposing':
      return { phase: 'proposing', offers: [], why };
    case 'responding':
      return { phase: 'responding', answers: [], why };
    case 'commitment':
      return {
        phase: 'commitment',
        decisions: view.agreements
          .filter((g) => g.status === 'active' && g.parties.includes(view.me))
          .map((g) => ({ agreement: g.id, honour: true })),
        actions: [],
        why,
      };
    default:
      return null;
  }
}

/** True when the view waits for this seat's input. */
export const owes = (view: PlayerView): boolean =>
  view.end === null && view.submitted[view.me] === false && quietInput(view, '') !== null;

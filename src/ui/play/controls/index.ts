/**
 * The controls for the phase the game waits in: compose offers (`propose.ts`, with the offer composer in
 * `composer.ts`), answer offers (`respond.ts`), honour or renege and act (`implement.ts`).
 * They only build a phase input; the engine decides whether it is legal and its message is shown if not.
 */
import { fill, h } from '../../kit/dom.ts';
import { renderCommitment } from './implement.ts';
import { renderProposing } from './propose.ts';
import { renderResponding } from './respond.ts';
import type { ControlsContext, ControlsHandle } from './shared.ts';

export type { ControlsChange, ControlsContext, ControlsHandle } from './shared.ts';

export function renderControls(panel: HTMLElement, ctx: ControlsContext): ControlsHandle {
  let handle: ControlsHandle = {};
  const body = h('div', { class: 'scroll', tabindex: '0', role: 'group', 'aria-label': 'Phase panel' }); // scrollable: reachable by keyboard
  switch (ctx.view.phase) {
    case 'proposing':
      handle = renderProposing(body, ctx);
      break;
    case 'responding':
      renderResponding(body, ctx);
      break;
    case 'commitment':
      renderCommitment(body, ctx);
      break;
    default:
      fill(body, h('p', null, 'Waiting…'));
  }
  // The button that ends the phase stays in view below the scrolling controls.
  fill(panel, body, body.querySelector(':scope > .submit-row'));
  return handle;
}

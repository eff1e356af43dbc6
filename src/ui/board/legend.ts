/** The legend for the deals drawn on the board: each state with its colour, its dash pattern and its mark. */
import { h } from '../kit/dom.ts';
import { DEAL_STYLE } from './layout.ts';
import type { DealState } from './model.ts';

const MEANING: Record<DealState, string> = {
  kept: 'Kept so far: every step you saw was kept.',
  disputed: 'Disputed: a step was seen broken or contested; one more dispute ends it.',
  broken: 'Broken or walked away from: shown for one round after.',
};

export function dealLegend(): HTMLElement {
  return h(
    'span',
    { class: 'deal-legend', role: 'list', 'aria-label': 'Deal lines' },
    (Object.keys(DEAL_STYLE) as DealState[]).map((state) => {
      const s = DEAL_STYLE[state];
      const swatch = h('span', { class: 'deal-swatch', 'aria-hidden': 'true' });
      // A static picture of the line as the board draws it.
      swatch.innerHTML = `<svg width="30" height="8" viewBox="0 0 30 8"><line x1="0" y1="4" x2="30" y2="4" stroke="${s.colour}" stroke-width="3"${s.dash.length ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}/></svg>`;
      return h(
        'span',
        { class: 'deal-legend-item', role: 'listitem', title: MEANING[state] },
        swatch,
        `${s.mark} ${s.word}`,
      );
    }),
  );
}

/**
 * What moved the player's numbers, round by round: each change as displayed and its causes from the ledger
 * (the action, step, observation, event or drift, with the amount), now including what was hidden in play.
 */
import type { PlayerView, World } from '../../engine/index.ts';
import { h } from '../kit/dom.ts';
import { K } from './kit.ts';

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '±0');

export function causesSection(world: World, view: PlayerView): HTMLElement {
  const rounds = K.causesByRound(world, view);
  return h(
    'section',
    { id: 'debrief-causes', class: 'debrief-causes', 'aria-labelledby': 'debrief-causes-h' },
    h('h3', { id: 'debrief-causes-h', tabindex: '-1' }, 'What moved your numbers, round by round'),
    h(
      'p',
      { class: 'hint' },
      'Each change as the game showed it, and its causes: they add up to the change. Causes you could not see during the game are named here.',
    ),
    rounds.length === 0
      ? h('p', { class: 'hint' }, 'No round was played.')
      : rounds.map((r, k) =>
          h(
            'details',
            { class: 'round-causes', open: k === rounds.length - 1 },
            h(
              'summary',
              null,
              `Round ${r.round} (${r.date})`,
              r.lines.length ? '' : ': nothing of yours moved',
            ),
            h(
              'ul',
              null,
              r.lines.map((l) =>
                h(
                  'li',
                  { 'data-change': l.change },
                  h('strong', null, l.label),
                  ` ${l.before} → ${l.after}`,
                  l.label === 'Peace process' ? '' : ` (${signed(l.change)})`,
                  l.causes.length ? ': ' : '',
                  l.causes.map((c, j) =>
                    h(
                      'span',
                      { class: 'cause', 'data-amount': c.amount },
                      `${j ? ', ' : ''}${c.text} ${signed(c.amount)}`,
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

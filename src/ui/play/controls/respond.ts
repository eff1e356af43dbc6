/** The responding phase: answer each offer addressed to you (accept, reject, or leave it open). */
import type { Answer, PlayerView, World } from '../../../engine/index.ts';

import { fill, h, radios, uid } from '../../kit/dom.ts';
import { VERIFICATION_LABELS, nameOf, termText } from '../../kit/text.ts';
import { previewLines, previewOffer } from '../preview.ts';
import { offersToAnswer } from '../session.ts';
import { draftHistory, errorBox, submitRow, twinInForce } from './shared.ts';
import type { ControlsContext } from './shared.ts';

export function offerCard(
  world: World,
  view: PlayerView,
  o: PlayerView['offers'][number],
  extra?: HTMLElement,
): HTMLElement {
  const me = view.me;
  const hid = uid('offer');
  return h(
    'article',
    { class: 'card', 'aria-labelledby': hid },
    h(
      'h3',
      { id: hid },
      o.from === me
        ? `Your offer #${o.id}`
        : `Offer #${o.id} from ${nameOf(world, o.from)}${o.mediator ? ' (as mediator)' : ''}`,
    ),
    h(
      'ul',
      { class: 'term-list' },
      o.terms.map((t) => h('li', null, termText(world, t, me))),
    ),
    h(
      'p',
      { class: 'meta' },
      `${VERIFICATION_LABELS[o.verification]} verification · ${o.steps === 1 ? 'all at once' : `${o.steps} steps`} · open until round ${o.until}`,
      o.accepted.length
        ? ` · accepted so far by ${o.accepted.map((a) => (a === me ? 'you' : nameOf(world, a))).join(', ')}`
        : '',
    ),
    extra ?? null,
  );
}

export function renderResponding(panel: HTMLElement, ctx: ControlsContext): void {
  const { world, view } = ctx;
  const waiting = offersToAnswer(view);
  let replies = new Map<number, Answer['reply'] | 'none'>(waiting.map((o) => [o.id, 'none']));
  const err = errorBox();
  const mineOpen = view.offers.filter((o) => o.status === 'open' && o.from === view.me);
  const cardsHost = h('div', { class: 'cards' });
  const history = draftHistory(
    panel,
    () => [...replies],
    (d) => (replies = new Map(d)),
    () => renderCards(),
  );

  const renderCards = (): void =>
    fill(
      cardsHost,
      waiting.map((o) => {
        const name = uid('ans');
        const choices: [Answer['reply'] | 'none', string][] = [
          ['accept', 'Accept'],
          ['reject', 'Reject'],
          ['none', o.until > view.round ? 'Not now (leave it open)' : 'No answer (it lapses)'],
        ];
        const lines = previewLines(
          world,
          view.me,
          previewOffer(world, view, o, undefined, o.mediator),
          o.steps,
          view.stage,
        );
        const same = twinInForce(view, o.terms);
        return offerCard(
          world,
          view,
          o,
          h(
            'div',
            null,
            same
              ? h(
                  'p',
                  { class: 'warning' },
                  `Agreement #${same.id} with exactly these terms is already in force, so this copy would not be signed: it would ask for the same steps twice.`,
                )
              : null,
            h(
              'details',
              { class: 'effect-preview answer-preview' },
              h('summary', null, 'Likely effects if it is signed and carried out'),
              h(
                'ul',
                { class: 'preview-terms' },
                lines.slice(0, o.terms.length).map((x) => h('li', null, x)),
              ),
              h(
                'ul',
                { class: 'preview-notes' },
                lines.slice(o.terms.length).map((x) => h('li', null, x)),
              ),
            ),
            h(
              'fieldset',
              { class: 'inline answer' },
              h('legend', null, `Your answer to offer #${o.id}`),
              radios(name, choices, replies.get(o.id), (value) => {
                replies.set(o.id, value);
                history.sync();
                ctx.onChange?.({ kind: 'answer', offer: o.id, reply: value });
              }),
            ),
          ),
        );
      }),
    );
  renderCards();
  history.sync();

  fill(
    panel,
    h(
      'p',
      { class: 'intro' },
      'Answer the offers addressed to you. An offer that every party accepts becomes an agreement; one that any party rejects is dead. Accepting costs some support at home when you distrust the other side.',
    ),
    err.el,
    waiting.length ? cardsHost : h('p', { class: 'empty' }, 'No offer waits for your answer this round.'),
    mineOpen.length ? h('h3', null, 'Your offers, waiting for answers') : null,
    mineOpen.map((o) => offerCard(world, view, o)),
    submitRow(
      waiting.length ? 'Send answers and end this phase' : 'Continue to commitments',
      () => {
        const answers: Answer[] = [];
        for (const [offer, reply] of replies)
          if (reply === 'accept' || reply === 'reject') answers.push({ offer, reply });
        err.show(ctx.submit({ phase: 'responding', answers })?.message ?? null);
      },
      waiting.length ? history.element : undefined,
    ),
  );
}

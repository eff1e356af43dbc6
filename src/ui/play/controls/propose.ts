/** The proposing phase: compose offers (`composer.ts`), keep a list of the ones to send, send them. */
import { mayBroker } from '../../../engine/index.ts';
import type { ActorId, OfferDraft } from '../../../engine/index.ts';

import { fill, h } from '../../kit/dom.ts';
import { VERIFICATION_LABELS, nameOf, refusalsOf, termText } from '../../kit/text.ts';
import { createComposer } from './composer.ts';
import type { ComposerDraft } from './composer.ts';
import { bridgeablePairs, draftHistory, errorBox, keepingFocus, submitRow } from './shared.ts';
import type { ControlsContext, ControlsHandle } from './shared.ts';

/**
 * For a government that may mediate: between whom it could broker a package now. A mediator bridges only two
 * governments that cannot talk directly; between two on speaking terms there is nothing to carry.
 */
function mediationHint(ctx: ControlsContext): HTMLElement | null {
  const { world, view } = ctx;
  if (!mayBroker(world, view.me)) return null;
  const pairs = bridgeablePairs(world, view);
  return h(
    'p',
    { class: 'hint mediation-hint' },
    pairs.length
      ? `You may mediate (an offer in which you have no term) between governments that cannot talk to each other directly: ${pairs
          .map(([a, b]) => `${nameOf(world, a)} and ${nameOf(world, b)}`)
          .join('; ')}.`
      : 'You may mediate only between governments that cannot talk to each other directly: every pair you can reach talks already, so there is no one to bring together now.',
  );
}

/** One offer in the list to send, with its button to take it off again. */
function draftCard(ctx: ControlsContext, d: OfferDraft, k: number, remove: () => void): HTMLElement {
  const { world, view } = ctx;
  const me = view.me;
  const with_ = [...new Set(d.terms.map((t) => t.by))]
    .filter((p: ActorId) => p !== me)
    .map((p) => nameOf(world, p))
    .join(', ');
  return h(
    'article',
    { class: 'card', 'aria-label': `Offer ${k + 1} to send` },
    h('h4', null, `Offer ${k + 1}: with ${with_}`),
    h(
      'ul',
      { class: 'term-list' },
      d.terms.map((t) => h('li', null, termText(world, t, me))),
    ),
    h(
      'span',
      { class: 'meta' },
      `${VERIFICATION_LABELS[d.verification]} verification · ${d.steps === 1 ? 'all at once' : `${d.steps} steps`} · open ${d.expires} round${d.expires > 1 ? 's' : ''}`,
    ),
    h(
      'button',
      { type: 'button', class: 'small', 'aria-label': `Remove offer ${k + 1}`, onclick: remove },
      'Remove',
    ),
  );
}

export function renderProposing(panel: HTMLElement, ctx: ControlsContext): ControlsHandle {
  const { world, view } = ctx;
  const rules = world.rules;
  const drafts: OfferDraft[] = [];
  const err = errorBox();
  const list = h('div', { class: 'drafts' });
  const added = h('p', { class: 'sr-only', role: 'status' });
  const history = draftHistory<{ drafts: OfferDraft[] } & ComposerDraft>(
    panel,
    () => ({ drafts, ...composer.get() }),
    ({ drafts: saved, ...d }) => {
      drafts.splice(0, drafts.length, ...saved);
      composer.set(d);
    },
    () => (composer.render(), renderDrafts()),
  );
  const composer = createComposer(ctx, {
    drafts: () => drafts.length,
    add: (d) => {
      drafts.push(d);
      composer.reset();
      composer.render();
      renderDrafts();
      // The list sits above the composer: the offer just added stays in sight, and is announced.
      list.lastElementChild?.lastElementChild?.scrollIntoView({ block: 'nearest' });
      added.textContent = `Offer ${drafts.length} added to the offers to send.`;
      ctx.onChange?.({ kind: 'offer-added', drafts: drafts.length });
    },
    rendered: () => history.sync(),
  });

  function renderDrafts(): void {
    keepingFocus(list, fillDrafts);
    history.sync();
  }

  function fillDrafts(): void {
    fill(
      list,
      drafts.length === 0
        ? h(
            'p',
            { class: 'hint' },
            `Offers to send this round: none yet (up to ${rules.offersPerRound}). You may also send none.`,
          )
        : [
            h('h3', null, `Offers to send this round (${drafts.length} of ${rules.offersPerRound})`),
            h(
              'div',
              { class: 'draft-list' },
              drafts.map((d, k) =>
                draftCard(ctx, d, k, () => (drafts.splice(k, 1), renderDrafts(), composer.render())),
              ),
            ),
          ],
    );
  }

  const contacts = view.contacts.map((c) => nameOf(world, c));
  const refusals = refusalsOf(world, view.me).map((r) => r.text);
  fill(
    panel,
    h(
      'p',
      { class: 'intro' },
      'Offer deals: what you will do and what you want in return. The other parties answer in the next phase; an accepted offer becomes an agreement you carry out in the commitment phase.',
    ),
    h(
      'p',
      { class: 'hint' },
      contacts.length
        ? `You can talk directly to: ${contacts.join(', ')}.`
        : 'You trust no one enough to talk directly.',
      ` Others need a hotline or backchannel, or a mediator (trust below ${world.rules.contactTrust}).`,
      refusals.length ? ` ${refusals.join(' ')}` : '',
    ),
    mediationHint(ctx),
    err.el,
    list,
    added,
    composer.element,
    submitRow(
      'Send offers and end proposals',
      () => err.show(ctx.submit({ phase: 'proposing', offers: drafts })?.message ?? null),
      history.element,
    ),
  );
  composer.render();
  renderDrafts();
  return { offerTo: (to) => composer.offerTo(to) };
}

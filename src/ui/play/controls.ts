/**
 * The controls for the phase the game waits in: compose offers, answer offers, honour or renege and act.
 * They only build a phase input; the engine decides whether it is legal and its message is shown if not.
 */
import {
  ACTION_FAMILIES,
  REQUIREMENT_TEXT,
  VERIFICATIONS,
  checkDraftInView,
  viewFacts,
  findAction,
  mayTake,
  unmet,
} from '../../engine/index.ts';
import type {
  ActionChoice,
  ActionDef,
  ActorId,
  Answer,
  Decision,
  Facts,
  OfferDraft,
  PhaseInput,
  PlayerView,
  Rejection,
  Term,
  Verification,
  World,
} from '../../engine/index.ts';

import { fill, h, radios, uid } from '../kit/dom.ts';
import { previewLines, previewOffer } from './preview.ts';
import { myActiveAgreements, offersToAnswer } from './session.ts';
import {
  VERIFICATION_LABELS,
  VISIBILITY_TEXT,
  costText,
  nameOf,
  termText,
  verificationHelp,
  who,
} from '../kit/text.ts';

export interface ControlsContext {
  world: World;
  view: PlayerView;
  /** Sends the input; returns the engine's rejection, or null when it was taken. */
  submit: (input: PhaseInput) => Rejection | null;
  /** Told of each change the player makes to a draft (the tutorial's coach listens). */
  onChange?: (change: ControlsChange) => void;
}

/** What the player just did in the controls, before submitting. */
export type ControlsChange =
  | { kind: 'composer'; field: 'terms' | 'verification' | 'steps' | 'expires'; draft: OfferDraft }
  | { kind: 'offer-added'; drafts: number }
  | { kind: 'answer'; offer: number; reply: Answer['reply'] | 'none' }
  | { kind: 'honour'; agreement: number; honour: boolean }
  | { kind: 'action'; slot: number; action: string | null };

const FAMILY_NAMES: Record<(typeof ACTION_FAMILIES)[number], string> = {
  engagement: 'Engagement',
  channel: 'Channels',
  diplomacy: 'Diplomacy',
  economic: 'Economic',
  security: 'Security',
  programme: 'Weapons programmes',
  provocation: 'Provocations',
  intelligence: 'Intelligence',
};

function errorBox(): { el: HTMLElement; show: (msg: string | null) => void } {
  const el = h('p', { class: 'error', role: 'alert', hidden: true });
  return {
    el,
    show: (msg) => {
      el.textContent = msg ?? '';
      el.hidden = !msg;
    },
  };
}

/** Options for an action select, grouped by family. */
function actionOptions(
  defs: ActionDef[],
  selected: string | undefined,
  disabled: (d: ActionDef) => string | null = () => null,
): HTMLElement[] {
  return ACTION_FAMILIES.map((f): HTMLElement | null => {
    const inF = defs.filter((d) => d.family === f);
    if (!inF.length) return null;
    return h(
      'optgroup',
      { label: FAMILY_NAMES[f] },
      inF.map((d) => {
        const why = disabled(d);
        return h(
          'option',
          { value: d.id, selected: d.id === selected, disabled: why !== null },
          `${d.name}${why ? ` (${why})` : ''}`,
        );
      }),
    );
  }).filter((x): x is HTMLElement => x !== null);
}

/** Each government an action could be aimed at by `by`, with the reason it cannot be now (null when it can). */
function targetsFor(
  world: World,
  facts: Facts,
  def: ActionDef,
  by: ActorId,
): { id: ActorId; why: string | null }[] {
  return world.actors
    .filter((a) => a.id !== by && (!def.targets || def.targets.includes(a.id)))
    .map((a) => {
      const r = unmet(def, facts, by, a.id);
      return { id: a.id, why: r ? REQUIREMENT_TEXT[r] : null };
    });
}

/** Why `by` cannot take or promise `def` at all now, or null when some choice of target works. */
function unavailable(world: World, facts: Facts, def: ActionDef, by: ActorId): string | null {
  if (!def.targeted) {
    const r = unmet(def, facts, by, undefined);
    return r ? REQUIREMENT_TEXT[r] : null;
  }
  const ts = targetsFor(world, facts, def, by);
  if (ts.length === 0) return 'no possible target';
  return ts.some((t) => t.why === null) ? null : ts[0]!.why;
}

/** The first target that works, preferring `wanted`. */
function pickTarget(
  world: World,
  facts: Facts,
  def: ActionDef,
  by: ActorId,
  wanted?: ActorId,
): ActorId | undefined {
  const ts = targetsFor(world, facts, def, by).filter((t) => t.why === null);
  return (ts.find((t) => t.id === wanted) ?? ts[0])?.id;
}

/**
 * Undo for the draft of one phase, until it is submitted: a snapshot of the draft is kept after every change;
 * "Undo" steps back one change, "Start over" goes back to the draft the phase began with. Ctrl+Z undoes too
 * (outside text fields, which keep their own undo).
 */
function draftHistory<T>(
  panel: HTMLElement,
  get: () => T,
  set: (draft: T) => void,
  render: () => void,
): { sync: () => void; element: HTMLElement } {
  const stack: string[] = [];
  const note = h('span', { class: 'sr-only', role: 'status' });
  const undoButton = h(
    'button',
    {
      type: 'button',
      class: 'quiet',
      'aria-keyshortcuts': 'Control+Z',
      title: 'Undo the last change to your choices (Ctrl+Z)',
      onclick: () => undo(),
    },
    'Undo',
  );
  const resetButton = h(
    'button',
    {
      type: 'button',
      class: 'quiet',
      title: 'Go back to your choices as they were when this phase began',
      onclick: () => restore(1, 'Back to the start of this phase.'),
    },
    'Start over',
  );
  function sync(): void {
    const now = JSON.stringify(get());
    if (stack[stack.length - 1] !== now) stack.push(now);
    undoButton.disabled = resetButton.disabled = stack.length <= 1;
  }
  function restore(keep: number, message: string): void {
    if (stack.length <= 1) return;
    stack.length = keep;
    set(JSON.parse(stack[keep - 1]!) as T);
    render();
    sync();
    note.textContent = message;
    if (undoButton.disabled) panel.closest('section')?.querySelector<HTMLElement>('h2[tabindex]')?.focus();
  }
  function undo(): void {
    restore(stack.length - 1, 'Undid the last change.');
  }
  panel.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement;
    const typing =
      t instanceof HTMLTextAreaElement ||
      (t instanceof HTMLInputElement && /^(text|number|search)$/.test(t.type));
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !typing) {
      e.preventDefault();
      undo();
    }
  });
  return {
    sync,
    element: h(
      'div',
      { class: 'undo', role: 'group', 'aria-label': 'Undo your changes' },
      undoButton,
      resetButton,
      note,
    ),
  };
}

/** A name for a control that survives a re-render: its focus key, label, or text. */
function focusKey(el: Element): string | null {
  if (!(el instanceof HTMLElement)) return null;
  const label =
    el.dataset['focusKey'] ??
    el.getAttribute('aria-label') ??
    (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ??
    el.textContent;
  return `${el.tagName}|${el instanceof HTMLInputElement ? el.type : ''}|${label?.trim() ?? ''}`;
}

/**
 * Re-renders part of the controls without losing the keyboard's place: the control that had the focus
 * gets it back in its new copy, so a keyboard player can keep going after each choice.
 */
function keepingFocus(container: HTMLElement, render: () => void): void {
  const active = document.activeElement;
  const key = active && container.contains(active) ? focusKey(active) : null;
  render();
  if (!key) return;
  for (const el of container.querySelectorAll<HTMLElement>('button, select, input'))
    if (focusKey(el) === key) {
      el.focus();
      return;
    }
}

function submitRow(label: string, onClick: () => void, extra?: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'submit-row' },
    extra ?? null,
    h('button', { type: 'button', class: 'primary', onclick: onClick }, label),
  );
}

export function renderControls(panel: HTMLElement, ctx: ControlsContext): void {
  const body = h('div', { class: 'scroll', tabindex: '0', role: 'group', 'aria-label': 'Phase panel' }); // scrollable: reachable by keyboard
  switch (ctx.view.phase) {
    case 'proposing':
      renderProposing(body, ctx);
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
}

// ---------------------------------------------------------------------------------------------
// Proposing

function renderProposing(panel: HTMLElement, ctx: ControlsContext): void {
  const { world, view } = ctx;
  const me = view.me;
  const rules = world.rules;
  const drafts: OfferDraft[] = [];
  const err = errorBox();
  const composeErr = errorBox();
  const dealable = (by: ActorId): ActionDef[] => world.actions.filter((d) => d.dealable && mayTake(d, by));
  const others = world.actors.map((a) => a.id).filter((id) => id !== me);
  const firstContact = view.contacts[0] ?? others[0]!;

  const facts = viewFacts(view);
  const termFor = (by: ActorId, def: ActionDef, counterpart: ActorId): Term => {
    if (!def.targeted) return { by, action: def.id };
    return {
      by,
      action: def.id,
      target:
        pickTarget(world, facts, def, by, counterpart) ??
        targetsFor(world, facts, def, by)[0]?.id ??
        counterpart,
    };
  };
  const defaultTerm = (by: ActorId, counterpart: ActorId): Term => {
    const defs = dealable(by).filter((d) => unavailable(world, facts, d, by) === null);
    const prefer =
      by === me ? ['cultural-exchange', 'humanitarian-aid'] : ['cultural-exchange', 'missile-moratorium'];
    const def = defs.find((d) => prefer.includes(d.id)) ?? defs[0] ?? dealable(by)[0]!;
    return termFor(by, def, counterpart);
  };

  let terms: Term[] = [];
  let verification: Verification = 'partial';
  let steps = 1;
  let expires = 1;
  const resetComposer = (): void => {
    terms = [defaultTerm(me, firstContact), defaultTerm(firstContact, me)];
    verification = 'partial';
    steps = 1;
    expires = 1;
  };
  resetComposer();

  const composerBody = h('div', { class: 'composer-body' });
  const previewId = uid('preview');
  const previewBody = h('div', { id: previewId });
  // One element for the whole phase, so that screen readers announce each new preview politely.
  const preview = h(
    'section',
    {
      class: 'effect-preview',
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': 'true',
      'aria-label': 'Likely effects of this offer',
    },
    h('h3', null, 'Likely effects if it is signed and carried out'),
    previewBody,
  );
  const composerFoot = h('div', { class: 'composer-foot' });
  const composer = h(
    'fieldset',
    { class: 'composer' },
    h('legend', null, 'Compose an offer'),
    composerBody,
    preview,
    composerFoot,
  );
  const list = h('div', { class: 'drafts' });
  const changed = (field: 'terms' | 'verification' | 'steps' | 'expires'): void =>
    ctx.onChange?.({ kind: 'composer', field, draft: draftNow() });

  const draftNow = (): OfferDraft => ({ terms: terms.map((t) => ({ ...t })), verification, steps, expires });
  const history = draftHistory(
    panel,
    () => ({ drafts, terms, verification, steps, expires }),
    (d) => {
      drafts.splice(0, drafts.length, ...d.drafts);
      ({ terms, verification, steps, expires } = d);
    },
    () => (renderComposer(), renderDrafts()),
  );

  function termRow(t: Term, k: number): HTMLElement {
    const byId = uid('by');
    const actId = uid('act');
    const tgtId = uid('tgt');
    const def = findAction(world, t.action);
    const counterpart = (): ActorId =>
      terms.find((x) => x.by !== t.by)?.by ?? (t.by === me ? firstContact : me);
    return h(
      'div',
      { class: 'term', role: 'group', 'aria-label': `Term ${k + 1}` },
      h('label', { for: byId, class: 'sr-only' }, `Term ${k + 1}: who acts`),
      h(
        'select',
        {
          id: byId,
          onchange: (e: Event) => {
            const by = (e.target as HTMLSelectElement).value;
            terms[k] = defaultTerm(by, by === me ? counterpart() : me);
            renderComposer();
            changed('terms');
          },
        },
        world.actors.map((a) =>
          h('option', { value: a.id, selected: a.id === t.by }, a.id === me ? `You (${a.name})` : a.name),
        ),
      ),
      h('span', { class: 'will' }, 'will'),
      h('label', { for: actId, class: 'sr-only' }, `Term ${k + 1}: action`),
      h(
        'select',
        {
          id: actId,
          class: 'grow',
          onchange: (e: Event) => {
            const d = findAction(world, (e.target as HTMLSelectElement).value)!;
            terms[k] = termFor(t.by, d, t.target ?? (t.by === me ? counterpart() : me));
            renderComposer();
            changed('terms');
          },
        },
        actionOptions(dealable(t.by), t.action, (d) => unavailable(world, facts, d, t.by)),
      ),
      def?.targeted
        ? [
            h('span', { class: 'will' }, 'toward'),
            h('label', { for: tgtId, class: 'sr-only' }, `Term ${k + 1}: toward whom`),
            h(
              'select',
              {
                id: tgtId,
                onchange: (e: Event) => {
                  terms[k] = { ...t, target: (e.target as HTMLSelectElement).value };
                  renderComposer();
                  changed('terms');
                },
              },
              targetsFor(world, facts, def, t.by).map((x) =>
                h(
                  'option',
                  { value: x.id, selected: x.id === t.target, disabled: x.why !== null },
                  `${x.id === me ? 'you' : nameOf(world, x.id)}${x.why ? ` (${x.why})` : ''}`,
                ),
              ),
            ),
          ]
        : null,
      h(
        'button',
        {
          type: 'button',
          class: 'icon',
          'aria-label': `Remove term ${k + 1}`,
          title: 'Remove this term',
          disabled: terms.length <= 1,
          onclick: () => (terms.splice(k, 1), renderComposer(), changed('terms')),
        },
        '✕',
      ),
      def ? h('p', { class: 'term-help' }, def.summary) : null,
    );
  }

  function renderComposer(): void {
    const parties = [...new Set(terms.map((t) => t.by))];
    const vName = uid('verif');
    const stepsId = uid('steps');
    const expId = uid('exp');
    keepingFocus(composer, () => fillComposer(parties, vName, stepsId, expId));
    history.sync();
  }

  function fillComposer(parties: ActorId[], vName: string, stepsId: string, expId: string): void {
    fill(
      composerBody,
      h('div', { class: 'terms' }, terms.map(termRow)),
      h(
        'div',
        { class: 'term-buttons' },
        h(
          'button',
          {
            type: 'button',
            onclick: () => (
              terms.push(defaultTerm(me, parties.find((p) => p !== me) ?? firstContact)),
              renderComposer(),
              changed('terms')
            ),
          },
          '+ Something you give',
        ),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              const them = parties.find((p) => p !== me) ?? firstContact;
              terms.push(defaultTerm(them, me));
              renderComposer();
              changed('terms');
            },
          },
          '+ Something you ask for',
        ),
      ),
      h(
        'fieldset',
        { class: 'inline verification' },
        h('legend', null, 'Verification'),
        VERIFICATIONS.map((x) => {
          const id = uid('v');
          return h(
            'label',
            { for: id, title: verificationHelp(world, x) },
            h('input', {
              type: 'radio',
              id,
              name: vName,
              value: x,
              checked: x === verification,
              onchange: () => ((verification = x), renderComposer(), changed('verification')),
            }),
            ` ${VERIFICATION_LABELS[x]}`,
          );
        }),
        h('p', { class: 'term-help' }, verificationHelp(world, verification)),
      ),
      h(
        'div',
        { class: 'numbers' },
        h('label', { for: stepsId }, 'Steps'),
        h('input', {
          id: stepsId,
          type: 'number',
          min: 1,
          max: rules.maxSteps,
          value: steps,
          onchange: (e: Event) => (
            (steps = Number((e.target as HTMLInputElement).value)),
            renderComposer(),
            changed('steps')
          ),
        }),
        h('label', { for: expId }, 'Open for (rounds)'),
        h('input', {
          id: expId,
          type: 'number',
          min: 1,
          max: rules.maxExpiry,
          value: expires,
          onchange: (e: Event) => (
            (expires = Number((e.target as HTMLInputElement).value)),
            renderComposer(),
            changed('expires')
          ),
        }),
        h(
          'p',
          { class: 'term-help' },
          steps > 1
            ? `Phased over ${steps} rounds: each step waits on the last being seen as kept.`
            : 'All at once, in the commitment phase after it is signed.',
          ` The others may answer it ${expires > 1 ? `until round ${view.round + expires - 1}` : 'this round only'}.`,
        ),
      ),
      h(
        'p',
        { class: 'preview' },
        h('strong', null, 'Parties: '),
        parties.map((p) => who(world, p, me)).join(', '),
        parties.length > 2 ? ' (needs six-party talks to be convened)' : '',
        !parties.includes(me) ? ' — you would mediate' : '',
      ),
    );
    renderPreview();
    fill(
      composerFoot,
      composeErr.el,
      h(
        'button',
        {
          type: 'button',
          'data-focus-key': 'add-offer',
          disabled: drafts.length >= rules.offersPerRound,
          onclick: addDraft,
        },
        `Add this offer (${drafts.length} of ${rules.offersPerRound})`,
      ),
    );
  }

  function renderPreview(): void {
    const d = draftNow();
    if (d.terms.length === 0 || d.terms.some((t) => !findAction(world, t.action))) {
      fill(previewBody, h('p', { class: 'hint' }, 'Add a term to see its effects.'));
      return;
    }
    const lines = previewLines(world, me, previewOffer(world, view, d), d.steps);
    const nTerms = d.terms.length;
    fill(
      previewBody,
      h(
        'ul',
        { class: 'preview-terms' },
        lines.slice(0, nTerms).map((x) => h('li', null, x)),
      ),
      h(
        'ul',
        { class: 'preview-notes' },
        lines.slice(nTerms).map((x) => h('li', null, x)),
      ),
    );
  }

  function addDraft(): void {
    const d = draftNow();
    const bad = checkDraftInView(world, view, d, 'This offer');
    composeErr.show(bad ? bad.message : null);
    if (bad) return;
    drafts.push(d);
    resetComposer();
    renderComposer();
    renderDrafts();
    ctx.onChange?.({ kind: 'offer-added', drafts: drafts.length });
  }

  function renderDrafts(): void {
    keepingFocus(list, fillDrafts);
    history.sync();
  }

  function fillDrafts(): void {
    fill(
      list,
      h('h3', null, `Offers to send this round (${drafts.length} of ${rules.offersPerRound})`),
      drafts.length === 0
        ? h('p', { class: 'hint' }, 'None yet. You may also send no offer this round.')
        : h(
            'div',
            { class: 'draft-list' },
            drafts.map((d, k) =>
              h(
                'article',
                { class: 'card', 'aria-label': `Offer ${k + 1} to send` },
                h(
                  'h4',
                  null,
                  `Offer ${k + 1}: with ${[...new Set(d.terms.map((t) => t.by))]
                    .filter((p) => p !== me)
                    .map((p) => nameOf(world, p))
                    .join(', ')}`,
                ),
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
                  {
                    type: 'button',
                    class: 'small',
                    'aria-label': `Remove offer ${k + 1}`,
                    onclick: () => (drafts.splice(k, 1), renderDrafts(), renderComposer()),
                  },
                  'Remove',
                ),
              ),
            ),
          ),
    );
  }

  const contacts = view.contacts.map((c) => nameOf(world, c));
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
    ),
    err.el,
    composer,
    list,
    submitRow(
      'Send offers and end proposals',
      () => err.show(ctx.submit({ phase: 'proposing', offers: drafts })?.message ?? null),
      history.element,
    ),
  );
  renderComposer();
  renderDrafts();
}

// ---------------------------------------------------------------------------------------------
// Responding

function offerCard(
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

function renderResponding(panel: HTMLElement, ctx: ControlsContext): void {
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
        );
        return offerCard(
          world,
          view,
          o,
          h(
            'div',
            null,
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

// ---------------------------------------------------------------------------------------------
// Commitment

function renderCommitment(panel: HTMLElement, ctx: ControlsContext): void {
  const { world, view } = ctx;
  const me = view.me;
  const mine = view.actors.find((a) => a.id === me)!.vars;
  const agreements = myActiveAgreements(view);
  let honour = new Map<number, boolean>(agreements.map((g) => [g.id, true]));
  const n = world.rules.actionsPerRound;
  let chosen: (ActionChoice | null)[] = new Array<ActionChoice | null>(n).fill(null);
  const agreementsHost = h('div', { class: 'cards' });
  const history = draftHistory(
    panel,
    () => ({ honour: [...honour], chosen }),
    (d) => {
      honour = new Map(d.honour);
      chosen = d.chosen;
    },
    () => (renderAgreements(), renderActions()),
  );
  const err = errorBox();
  const facts = viewFacts(view);
  const takeable = world.actions.filter((d) => mayTake(d, me) && !d.joint);
  const notNow = (d: ActionDef): string | null => {
    for (const [v, x] of Object.entries(d.cost))
      if ((x ?? 0) > mine[v as keyof typeof mine]) return `needs ${x} ${v}`;
    return unavailable(world, facts, d, me);
  };

  const renderAgreements = (): void =>
    fill(
      agreementsHost,
      agreements.map((g) => {
        const name = uid('hon');
        const hid = uid('agr');
        const last = g.record[g.record.length - 1];
        const partners = g.parties.filter((p) => p !== me);
        return h(
          'article',
          { class: 'card', 'aria-labelledby': hid },
          h('h3', { id: hid }, `Agreement #${g.id} with ${partners.map((p) => nameOf(world, p)).join(', ')}`),
          h(
            'ul',
            { class: 'term-list' },
            g.terms.map((t) => h('li', null, termText(world, t, me))),
          ),
          h(
            'p',
            { class: 'meta' },
            `Step ${g.done + 1} of ${g.steps} · ${VERIFICATION_LABELS[g.verification]} verification`,
            last
              ? ` · last step you saw: ${Object.entries(last.saw)
                  .map(([p, k]) => `${nameOf(world, p)} ${k ? 'kept' : 'broke'} it`)
                  .join(', ')}`
              : '',
          ),
          h(
            'fieldset',
            { class: 'inline answer' },
            h('legend', null, `Step ${g.done + 1} of agreement #${g.id}`),
            radios(
              name,
              [
                [true, 'Honour'],
                [false, 'Renege'],
              ] as const,
              honour.get(g.id),
              (value) => {
                honour.set(g.id, value);
                history.sync();
                ctx.onChange?.({ kind: 'honour', agreement: g.id, honour: value });
              },
            ),
            h(
              'p',
              { class: 'term-help' },
              `Reneging spares you your side's cost, but ${verificationHelp(world, g.verification).replace(/^[^:]*: /, '')}`,
            ),
          ),
        );
      }),
    );

  const actionRows = h('div', { class: 'actions' });
  function renderActions(): void {
    keepingFocus(actionRows, fillActions);
    history.sync();
  }

  function fillActions(): void {
    fill(
      actionRows,
      chosen.map((c, k) => {
        const sid = uid('act');
        const tid = uid('tgt');
        const def = c ? findAction(world, c.action) : undefined;
        return h(
          'div',
          { class: 'term' },
          h('label', { for: sid }, `Action ${k + 1}`),
          h(
            'select',
            {
              id: sid,
              class: 'grow',
              onchange: (e: Event) => {
                const id = (e.target as HTMLSelectElement).value;
                const d = findAction(world, id);
                const target = d?.targeted ? pickTarget(world, facts, d, me) : undefined;
                chosen[k] = !d ? null : target ? { action: d.id, target } : { action: d.id };
                renderActions();
                ctx.onChange?.({ kind: 'action', slot: k, action: d?.id ?? null });
              },
            },
            h('option', { value: '', selected: !c }, '— none —'),
            actionOptions(takeable, c?.action, notNow),
          ),
          def?.targeted
            ? [
                h('label', { for: tid }, 'toward'),
                h(
                  'select',
                  {
                    id: tid,
                    onchange: (e: Event) => (
                      (chosen[k] = { action: def.id, target: (e.target as HTMLSelectElement).value }),
                      renderActions()
                    ),
                  },
                  targetsFor(world, facts, def, me).map((x) =>
                    h(
                      'option',
                      { value: x.id, selected: x.id === c?.target, disabled: x.why !== null },
                      `${nameOf(world, x.id)}${x.why ? ` (${x.why})` : ''}`,
                    ),
                  ),
                ),
              ]
            : null,
          def
            ? h(
                'p',
                { class: 'term-help' },
                `${def.summary} (${costText(def)}; ${VISIBILITY_TEXT[def.visibility]}.)`,
              )
            : null,
        );
      }),
    );
  }
  renderAgreements();
  renderActions();

  fill(
    panel,
    h(
      'p',
      { class: 'intro' },
      'Decide in secret. Honour or renege on each step you owe, and choose up to two actions of your own (joint steps such as summits and exchanges happen only as part of a deal). Then the round is resolved and everyone sees what they can see.',
    ),
    err.el,
    h('h3', null, 'Your agreements'),
    agreements.length ? agreementsHost : h('p', { class: 'empty' }, 'You have no active agreement.'),
    h('h3', null, `Your own actions (up to ${n})`),
    h(
      'p',
      { class: 'hint' },
      `You have ${Math.round(mine.economy)} economy, ${Math.round(mine.support)} support and ${Math.round(mine.influence)} influence to spend.`,
    ),
    actionRows,
    submitRow(
      'Commit and resolve the round',
      () => {
        const decisions: Decision[] = [...honour].map(([agreement, h]) => ({ agreement, honour: h }));
        const actions = chosen.filter((c): c is ActionChoice => c !== null);
        err.show(ctx.submit({ phase: 'commitment', decisions, actions })?.message ?? null);
      },
      history.element,
    ),
  );
}

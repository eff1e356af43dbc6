/**
 * The offer composer of the proposing phase: terms (who does what, toward whom), verification, steps and how
 * long the offer stays open, with a preview of its likely effects. It checks a draft against the seat's view
 * before adding it to the offers to send; the engine checks it again when the phase input is submitted.
 */
import {
  VERIFICATIONS,
  checkDraftInView,
  findAction,
  mayTake,
  refusalBetween,
  talkingIn,
  viewFacts,
} from '../../../engine/index.ts';
import type {
  ActionDef,
  ActorId,
  Facts,
  OfferDraft,
  Term,
  Verification,
  World,
} from '../../../engine/index.ts';

import { fill, h, uid } from '../../kit/dom.ts';
import { VERIFICATION_LABELS, nameOf, verificationHelp, who } from '../../kit/text.ts';
import { previewLines, previewOffer } from '../preview.ts';
import { actionOptions, keepingFocus, pickTarget, targetsFor, twinInForce, unavailable } from './shared.ts';
import type { ControlsContext } from './shared.ts';

/** The offer being composed (an `OfferDraft` in the making). */
export interface ComposerDraft {
  terms: Term[];
  verification: Verification;
  steps: number;
  expires: number;
}

type Field = 'terms' | 'verification' | 'steps' | 'expires';

export interface Composer {
  element: HTMLElement;
  /** The draft as it stands (the proposing phase's undo history keeps copies of it). */
  get: () => ComposerDraft;
  set: (d: ComposerDraft) => void;
  /** Back to the default offer: one thing each side does, partial verification, at once, open one round. */
  reset: () => void;
  render: () => void;
  /** A fresh offer with `to` as the other party (from the map). */
  offerTo: (to: ActorId) => void;
}

/** What the composer's parts share: the context, the seat's facts, and the draft being changed. */
interface Parts {
  ctx: ControlsContext;
  me: ActorId;
  facts: Facts;
  firstContact: ActorId;
  d: ComposerDraft;
  /** Re-render after a change to `field`, and tell the listener. */
  update: (field: Field) => void;
  /**
   * After typing in a number field: the preview, the problem and the help follow at once, without rebuilding
   * the fields (so nothing moves when the field loses the focus to a click on "Add this offer").
   */
  refresh: (field: Field) => void;
}

const dealable = (world: World, by: ActorId): ActionDef[] =>
  world.actions.filter((d) => d.dealable && mayTake(d, by));

/** A term of `by` doing `def`, aimed (when it takes a target) at `counterpart` if it may be, else the first that may. */
function termFor(p: Parts, by: ActorId, def: ActionDef, counterpart: ActorId): Term {
  if (!def.targeted) return { by, action: def.id };
  const { world } = p.ctx;
  return {
    by,
    action: def.id,
    target:
      pickTarget(world, p.facts, def, by, counterpart) ??
      targetsFor(world, p.facts, def, by)[0]?.id ??
      counterpart,
  };
}

/** A sensible first term for `by`: a mild step that is possible now. */
function defaultTerm(p: Parts, by: ActorId, counterpart: ActorId): Term {
  const { world } = p.ctx;
  const defs = dealable(world, by).filter((d) => unavailable(world, p.facts, d, by) === null);
  const prefer =
    by === p.me ? ['cultural-exchange', 'humanitarian-aid'] : ['cultural-exchange', 'missile-moratorium'];
  const def = defs.find((d) => prefer.includes(d.id)) ?? defs[0] ?? dealable(world, by)[0]!;
  return termFor(p, by, def, counterpart);
}

function termRow(p: Parts, t: Term, k: number): HTMLElement {
  const { world } = p.ctx;
  const { me, d } = p;
  const byId = uid('by');
  const actId = uid('act');
  const tgtId = uid('tgt');
  const def = findAction(world, t.action);
  const counterpart = (): ActorId =>
    d.terms.find((x) => x.by !== t.by)?.by ?? (t.by === me ? p.firstContact : me);
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
          d.terms[k] = defaultTerm(p, by, by === me ? counterpart() : me);
          p.update('terms');
        },
      },
      world.actors.map((a) => {
        // Only governments you can reach take part (another's offer you mediate needs a channel to each too).
        const why = a.id === me ? null : reachProblem(p, a.id);
        return h(
          'option',
          { value: a.id, selected: a.id === t.by, disabled: why !== null && a.id !== t.by },
          a.id === me ? `You (${a.name})` : `${a.name}${why ? ` (${why})` : ''}`,
        );
      }),
    ),
    h('span', { class: 'will' }, 'will'),
    h('label', { for: actId, class: 'sr-only' }, `Term ${k + 1}: action`),
    h(
      'select',
      {
        id: actId,
        class: 'grow',
        onchange: (e: Event) => {
          const def = findAction(world, (e.target as HTMLSelectElement).value)!;
          d.terms[k] = termFor(p, t.by, def, t.target ?? (t.by === me ? counterpart() : me));
          p.update('terms');
        },
      },
      actionOptions(dealable(world, t.by), t.action, (x) => unavailable(world, p.facts, x, t.by)),
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
                d.terms[k] = { ...t, target: (e.target as HTMLSelectElement).value };
                p.update('terms');
              },
            },
            targetsFor(world, p.facts, def, t.by).map((x) =>
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
        disabled: d.terms.length <= 1,
        onclick: () => (d.terms.splice(k, 1), p.update('terms')),
      },
      '✕',
    ),
    def ? h('p', { class: 'term-help' }, def.summary) : null,
  );
}

function termButtons(p: Parts, parties: ActorId[]): HTMLElement {
  const { me, d } = p;
  const them = (): ActorId => parties.find((x) => x !== me) ?? p.firstContact;
  return h(
    'div',
    { class: 'term-buttons' },
    h(
      'button',
      {
        type: 'button',
        onclick: () => (d.terms.push(defaultTerm(p, me, them())), p.update('terms')),
      },
      '+ Something you give',
    ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => (d.terms.push(defaultTerm(p, them(), me)), p.update('terms')),
      },
      '+ Something you ask for',
    ),
  );
}

function verificationField(p: Parts): HTMLElement {
  const { world } = p.ctx;
  const vName = uid('verif');
  return h(
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
          checked: x === p.d.verification,
          onchange: () => ((p.d.verification = x), p.update('verification')),
        }),
        ` ${VERIFICATION_LABELS[x]}`,
      );
    }),
    h('p', { class: 'term-help' }, verificationHelp(world, p.d.verification)),
  );
}

function numbersField(p: Parts): HTMLElement {
  const { world, view } = p.ctx;
  const { d } = p;
  const stepsId = uid('steps');
  const expId = uid('exp');
  return h(
    'div',
    { class: 'numbers' },
    h('label', { for: stepsId }, 'Steps'),
    h('input', {
      id: stepsId,
      type: 'number',
      min: 1,
      max: world.rules.maxSteps,
      value: d.steps,
      oninput: (e: Event) => ((d.steps = Number((e.target as HTMLInputElement).value)), p.refresh('steps')),
    }),
    h('label', { for: expId }, 'Open for (rounds)'),
    h('input', {
      id: expId,
      type: 'number',
      min: 1,
      max: world.rules.maxExpiry,
      value: d.expires,
      oninput: (e: Event) => (
        (d.expires = Number((e.target as HTMLInputElement).value)),
        p.refresh('expires')
      ),
    }),
    h('p', { class: 'term-help numbers-help' }, numbersHelp(d, view.round)),
  );
}

function numbersHelp(d: ComposerDraft, round: number): string {
  return `${
    d.steps > 1
      ? `Phased over ${d.steps} rounds: each step waits on the last being seen as kept.`
      : 'All at once, in the commitment phase after it is signed.'
  } The others may answer it ${d.expires > 1 ? `until round ${round + d.expires - 1}` : 'this round only'}.`;
}

/** Why `id` cannot be a party to an offer of yours now, or null when it can. */
function reachProblem(p: Parts, id: ActorId): string | null {
  const { view } = p.ctx;
  if (view.actors.find((a) => a.id === id)?.present === false) return 'away';
  if (view.contacts.includes(id)) return null;
  return refusalBetween(p.ctx.world, view.me, id) ? 'no dealings' : 'no contact';
}

/** What mediating this draft would do: bridge a pair that cannot talk, or nothing (all the parties talk already). */
function mediationNote(p: Parts, parties: ActorId[]): string {
  const { world, view } = p.ctx;
  const apart: string[] = [];
  for (let i = 0; i < parties.length; i++)
    for (let j = i + 1; j < parties.length; j++)
      if (!talkingIn(view, parties[i]!, parties[j]!))
        apart.push(`${nameOf(world, parties[i]!)} and ${nameOf(world, parties[j]!)}`);
  return apart.length
    ? ` — you would mediate, bridging ${apart.join(', ')}, who cannot talk directly`
    : ' — you would mediate, but they already talk directly: a mediator only brings together governments that cannot';
}

function partiesLine(p: Parts, parties: ActorId[]): HTMLElement {
  const { world } = p.ctx;
  return h(
    'p',
    { class: 'preview' },
    h('strong', null, 'Parties: '),
    parties.map((x) => who(world, x, p.me)).join(', '),
    parties.length > 2 ? ' (needs six-party talks to be convened)' : '',
    !parties.includes(p.me) ? mediationNote(p, parties) : '',
  );
}

/** The likely effects of the draft if it is signed and carried out, term by term and then overall. */
function fillPreview(p: Parts, previewBody: HTMLElement, problem: string | null): void {
  const { world, view } = p.ctx;
  const d: OfferDraft = { ...p.d, terms: p.d.terms.map((t) => ({ ...t })) };
  if (problem) {
    fill(previewBody, h('p', { class: 'hint' }, 'No preview until the problem above is fixed.'));
    return;
  }
  if (d.terms.length === 0 || d.terms.some((t) => !findAction(world, t.action))) {
    fill(previewBody, h('p', { class: 'hint' }, 'Add a term to see its effects.'));
    return;
  }
  const lines = previewLines(world, p.me, previewOffer(world, view, d), d.steps, view.stage);
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

/**
 * The composer. `drafts()` is how many offers are already to be sent; `add` takes a draft that passed the check
 * against the seat's view; `rendered` runs after each re-render (the undo history takes its snapshot there).
 */
export function createComposer(
  ctx: ControlsContext,
  opts: { drafts: () => number; add: (draft: OfferDraft) => void; rendered: () => void },
): Composer {
  const { world, view } = ctx;
  const me = view.me;
  const others = world.actors.map((a) => a.id).filter((id) => id !== me);
  const body = h('div', { class: 'composer-body' });
  // What is wrong with the offer as it stands, shown as soon as it is wrong (above the preview), and a warning
  // when the same deal is already in force.
  const problemId = uid('offer-problem');
  const problem = h('p', { class: 'error', id: problemId, role: 'status', tabindex: '-1', hidden: true });
  const twin = h('p', { class: 'warning', role: 'status', hidden: true });
  const previewBody = h('div', { id: uid('preview') });
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
  // One button for the whole phase: a click on it always lands, even when a field it follows has just changed.
  const addButton = h('button', { type: 'button', 'data-focus-key': 'add-offer', onclick: () => addDraft() });
  const foot = h('div', { class: 'composer-foot' }, addButton);
  const element = h(
    'fieldset',
    { class: 'composer' },
    h('legend', null, 'Compose an offer'),
    body,
    problem,
    twin,
    preview,
    foot,
  );
  const p: Parts = {
    ctx,
    me,
    facts: viewFacts(view),
    firstContact: view.contacts[0] ?? others[0]!,
    d: { terms: [], verification: 'partial', steps: 1, expires: 1 },
    update: (field) => {
      render();
      ctx.onChange?.({ kind: 'composer', field, draft: draftNow() });
    },
    refresh: (field) => {
      const help = body.querySelector('.numbers-help');
      if (help) help.textContent = numbersHelp(p.d, view.round);
      check();
      opts.rendered();
      ctx.onChange?.({ kind: 'composer', field, draft: draftNow() });
    },
  };
  const draftNow = (): OfferDraft => ({ ...p.d, terms: p.d.terms.map((t) => ({ ...t })) });
  const reset = (): void => {
    p.d = {
      terms: [defaultTerm(p, me, p.firstContact), defaultTerm(p, p.firstContact, me)],
      verification: 'partial',
      steps: 1,
      expires: 1,
    };
  };
  /** Checks the draft as it stands: the problem or the preview, the twin warning, the button. */
  function check(): string | null {
    const d = draftNow();
    const bad = checkDraftInView(world, view, d, 'This offer');
    problem.textContent = bad ? bad.message : '';
    problem.hidden = !bad;
    const same = bad ? null : twinInForce(view, d.terms);
    twin.textContent = same
      ? `Agreement #${same.id} with exactly these terms is already in force, so this copy would not be signed: it would ask for the same steps twice.`
      : '';
    twin.hidden = !same;
    fillPreview(p, previewBody, bad ? bad.message : null);
    const n = opts.drafts();
    addButton.textContent = `Add this offer (${n} of ${world.rules.offersPerRound})`;
    addButton.disabled = n >= world.rules.offersPerRound;
    if (bad) addButton.setAttribute('aria-describedby', problemId);
    else addButton.removeAttribute('aria-describedby');
    return bad ? bad.message : null;
  }
  const addDraft = (): void => {
    // The fields' last values are already in the draft (they follow every keystroke).
    if (check()) {
      problem.focus();
      return;
    }
    opts.add(draftNow());
  };
  function fillComposer(): void {
    const parties = [...new Set(p.d.terms.map((t) => t.by))];
    fill(
      body,
      h(
        'div',
        { class: 'terms' },
        p.d.terms.map((t, k) => termRow(p, t, k)),
      ),
      termButtons(p, parties),
      verificationField(p),
      numbersField(p),
      partiesLine(p, parties),
    );
    check();
  }
  function render(): void {
    keepingFocus(element, fillComposer);
    opts.rendered();
  }
  reset();
  return {
    element,
    get: () => p.d,
    set: (d) => (p.d = d),
    reset,
    render,
    offerTo: (to) => {
      p.firstContact = to;
      reset();
      render();
      ctx.onChange?.({ kind: 'composer', field: 'terms', draft: draftNow() });
      element.scrollIntoView({ block: 'start' });
      body.querySelector<HTMLElement>('select')?.focus();
    },
  };
}

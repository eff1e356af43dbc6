/**
 * What the phase controls share: their context, the changes they report, the error box, the undo history,
 * re-rendering without losing the keyboard's place, action menus grouped by family, the target choices.
 */
import {
  ACTION_FAMILIES,
  actionOption,
  mayBroker,
  talkingIn,
  targetOptions,
  twinInForce as engineTwin,
} from '../../../engine/index.ts';
import type {
  ActionDef,
  ActionOption,
  ActorId,
  Answer,
  Facts,
  OfferDraft,
  OptionReason,
  PhaseInput,
  PlayerView,
  Rejection,
  Term,
  World,
} from '../../../engine/index.ts';

import { reasonText } from '../../../text/index.ts';
import { h } from '../../kit/dom.ts';

export interface ControlsContext {
  world: World;
  view: PlayerView;
  /** Sends the input; returns the engine's rejection, or null when it was taken. */
  submit: (input: PhaseInput) => Rejection | null;
  /** Told of each change the player makes to a draft (the tutorial's coach listens). */
  onChange?: (change: ControlsChange) => void;
}

/** What the game screen may ask of the controls it rendered. */
export interface ControlsHandle {
  /** In the proposing phase: the composer starts a fresh offer with `to` as the other party, and takes the focus. */
  offerTo?: (to: ActorId) => void;
}

/**
 * An agreement of this government's in force with exactly these terms (the same parties doing the same things
 * toward the same governments), if there is one: the rules would not sign another copy (`twinInForce`).
 */
export function twinInForce(
  view: PlayerView,
  terms: readonly Term[],
): PlayerView['agreements'][number] | null {
  return engineTwin(
    view.agreements.filter((g) => g.parties.includes(view.me)),
    { terms },
  );
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

export function errorBox(): { el: HTMLElement; show: (msg: string | null) => void } {
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
export function actionOptions(
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

/** The reason an option cannot be chosen, in words, or null when it can. */
export const why = (world: World, r: OptionReason | null): string | null =>
  r ? reasonText(r, { world }) : null;

/** The first target of an option that may be chosen now, preferring `wanted`. */
export function firstOpen(o: ActionOption, wanted?: ActorId): ActorId | undefined {
  const ts = (o.targets ?? []).filter((t) => t.reason === null);
  return (ts.find((t) => t.id === wanted) ?? ts[0])?.id;
}

/**
 * Each government an action could be aimed at by `by`, with the reason it cannot be now in words (null when it
 * can): the engine's `targetOptions`, the rule the input check applies.
 */
export function targetsFor(
  world: World,
  facts: Facts,
  def: ActionDef,
  by: ActorId,
): { id: ActorId; why: string | null }[] {
  return targetOptions(world, facts, def, by).map((t) => ({ id: t.id, why: why(world, t.reason) }));
}

/** Why `by` cannot take or promise `def` at all now, in words, or null when some target works (`actionOption`). */
export function unavailable(world: World, facts: Facts, def: ActionDef, by: ActorId): string | null {
  return why(world, actionOption(world, facts, def, by).reason);
}

/** The first target that works, preferring `wanted`. */
export function pickTarget(
  world: World,
  facts: Facts,
  def: ActionDef,
  by: ActorId,
  wanted?: ActorId,
): ActorId | undefined {
  return firstOpen(actionOption(world, facts, def, by), wanted);
}

/**
 * Undo for the draft of one phase, until it is submitted: a snapshot of the draft is kept after every change;
 * "Undo" steps back one change, "Start over" goes back to the draft the phase began with. Ctrl+Z undoes too
 * (outside text fields, which keep their own undo).
 */
export function draftHistory<T>(
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
export function keepingFocus(container: HTMLElement, render: () => void): void {
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

export function submitRow(label: string, onClick: () => void, extra?: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'submit-row' },
    extra ?? null,
    h('button', { type: 'button', class: 'primary', onclick: onClick }, label),
  );
}

/**
 * The pairs `view.me` could bridge as a mediator: two governments at the table it can talk to that are not on
 * speaking terms with each other. None when it may not mediate; a mediator has nothing to carry between two
 * that already talk (the engine refuses such a package).
 */
export function bridgeablePairs(world: World, view: PlayerView): [ActorId, ActorId][] {
  if (!mayBroker(world, view.me)) return [];
  const here = new Set(view.actors.filter((a) => a.present).map((a) => a.id));
  const reach = view.contacts.filter((c) => here.has(c));
  const out: [ActorId, ActorId][] = [];
  for (let i = 0; i < reach.length; i++)
    for (let j = i + 1; j < reach.length; j++)
      if (!talkingIn(view, reach[i]!, reach[j]!)) out.push([reach[i]!, reach[j]!]);
  return out;
}

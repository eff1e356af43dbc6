/** The commitment phase: honour or renege on each step you owe, and choose your own actions, in secret. */
import { findAction, ownActions, seatOptions } from '../../../engine/index.ts';
import type { ActionChoice, ActionDef, ActionOption, Decision, PlayerView } from '../../../engine/index.ts';

import { fill, h, radios, uid } from '../../kit/dom.ts';
import {
  VERIFICATION_LABELS,
  VISIBILITY_TEXT,
  costText,
  nameOf,
  termText,
  verificationHelp,
} from '../../kit/text.ts';
import { myActiveAgreements } from '../session.ts';
import { actionOptions, draftHistory, errorBox, keepingFocus, firstOpen, submitRow, why } from './shared.ts';
import type { ControlsContext } from './shared.ts';

export function renderCommitment(panel: HTMLElement, ctx: ControlsContext): void {
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
  // What it may take on its own, each with its targets and whether it can pay (the engine's answer).
  const own = new Map(seatOptions(world, view).own.map((o) => [o.action, o]));
  const takeable = ownActions(world, me);
  const notNow = (d: ActionDef): string | null => why(world, own.get(d.id)?.reason ?? null);

  const renderAgreements = (): void =>
    fill(
      agreementsHost,
      agreements.map((g) =>
        agreementCard(ctx, g, honour.get(g.id), (value) => {
          honour.set(g.id, value);
          history.sync();
          ctx.onChange?.({ kind: 'honour', agreement: g.id, honour: value });
        }),
      ),
    );

  const actionRows = h('div', { class: 'actions' });
  function renderActions(): void {
    keepingFocus(actionRows, fillActions);
    history.sync();
  }

  function fillActions(): void {
    fill(
      actionRows,
      chosen.map((c, k) =>
        actionRow(ctx, { own, takeable, notNow }, c, k, (choice, actionChanged) => {
          chosen[k] = choice;
          renderActions();
          if (actionChanged) ctx.onChange?.({ kind: 'action', slot: k, action: choice?.action ?? null });
        }),
      ),
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
      world.actors.find((a) => a.id === view.me)?.noEconomy
        ? `You have ${Math.round(mine.support)} support and ${Math.round(mine.influence)} influence to spend (no economy: you are an organisation).`
        : `You have ${Math.round(mine.economy)} economy, ${Math.round(mine.support)} support and ${Math.round(mine.influence)} influence to spend.`,
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

/** One agreement whose step falls due, with the choice to honour or renege on it. */
function agreementCard(
  ctx: ControlsContext,
  g: PlayerView['agreements'][number],
  honour: boolean | undefined,
  pick: (value: boolean) => void,
): HTMLElement {
  const { world, view } = ctx;
  const me = view.me;
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
        honour,
        pick,
      ),
      h(
        'p',
        { class: 'term-help' },
        `Reneging spares you your side's cost, but ${verificationHelp(world, g.verification).replace(/^[^:]*: /, '')}`,
      ),
    ),
  );
}

/** One of the seat's own action slots: the action (or none) and, for a targeted one, toward whom. */
function actionRow(
  ctx: ControlsContext,
  menu: { own: Map<string, ActionOption>; takeable: ActionDef[]; notNow: (d: ActionDef) => string | null },
  c: ActionChoice | null,
  k: number,
  pick: (choice: ActionChoice | null, actionChanged: boolean) => void,
): HTMLElement {
  const { world } = ctx;
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
          const d = findAction(world, (e.target as HTMLSelectElement).value);
          const o = d && menu.own.get(d.id);
          const target = d?.targeted && o ? firstOpen(o) : undefined;
          pick(!d ? null : target ? { action: d.id, target } : { action: d.id }, true);
        },
      },
      h('option', { value: '', selected: !c }, '— none —'),
      actionOptions(menu.takeable, c?.action, menu.notNow),
    ),
    def?.targeted
      ? [
          h('label', { for: tid }, 'toward'),
          h(
            'select',
            {
              id: tid,
              onchange: (e: Event) =>
                pick({ action: def.id, target: (e.target as HTMLSelectElement).value }, false),
            },
            (menu.own.get(def.id)?.targets ?? []).map((x) => {
              const no = why(world, x.reason);
              return h(
                'option',
                { value: x.id, selected: x.id === c?.target, disabled: no !== null },
                `${nameOf(world, x.id)}${no ? ` (${no})` : ''}`,
              );
            }),
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
}

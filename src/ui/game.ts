/**
 * The game screen: the board (Phaser, lazily loaded), the governments' meters, the controls for the phase,
 * the log, the round summary and the end report. It wires plain session functions to the DOM.
 */
import { ACTOR_VARS } from '../engine/index.ts';
import type { ActorVar, PhaseInput, PlayerView, Rejection } from '../engine/index.ts';
import type { Board } from './board/index.ts';
import { ALL_LAYERS, boardModel, trustBand } from './board/model.ts';
import type { Layers } from './board/model.ts';
import { renderControls } from './controls.ts';
import { fill, h, signed, uid } from './dom.ts';
import { endReport } from './end.ts';
import type { MenuChoice } from './menu.ts';
import { newSession, play, viewOf } from './session.ts';
import { roundSummary } from './summary.ts';
import type { RoundSummary } from './summary.ts';
import { PHASE_TITLES, TRUST_HELP, VAR_LABELS, nameOf, prose, varHelp } from './text.ts';

const PHASE_NUMBER: Record<string, number> = { proposing: 1, responding: 2, commitment: 3 };

export function startGameScreen(root: HTMLElement, choice: MenuChoice, onQuit: () => void): void {
  const session = newSession(choice.loaded, choice);
  const world = session.world;
  const capitals = Object.fromEntries(
    Object.entries(choice.loaded.scenario.actors).map(([id, a]) => [id, a.capital]),
  );
  let layers: Layers = { ...ALL_LAYERS };
  let board: Board | null = null;

  const status = h('p', { class: 'status', id: 'status' });
  const boardHost = h('div', {
    class: 'board-canvas',
    role: 'img',
    'aria-label': 'Map of Northeast Asia with the governments and their relations',
    'aria-describedby': 'board-desc',
  });
  const boardDesc = h('p', { id: 'board-desc', class: 'sr-only' });
  const meters = h('div', { class: 'meters-wrap' });
  const phaseTitle = h('h2', { id: 'phase-h', tabindex: '-1' });
  const controls = h('div', { class: 'controls' });
  const logList = h('div', { class: 'log-body' });
  const dialog = h('dialog', { class: 'round-summary', 'aria-labelledby': 'summary-h' });
  const main = h('main', { class: 'game' });

  const layerToggles = h(
    'fieldset',
    { class: 'layers' },
    h('legend', null, 'Map shows:'),
    (
      [
        ['trust', 'Your trust', 'sw-trust'],
        ['sanctions', 'Sanctions S1–3', 'sw-sanctions'],
        ['channels', 'Channels H/B', 'sw-channels'],
        ['alliances', 'Alliances A', 'sw-alliances'],
      ] as const
    ).map(([key, label, sw]) => {
      const id = uid('layer');
      return h(
        'label',
        { for: id },
        h('input', {
          type: 'checkbox',
          id,
          checked: layers[key],
          onchange: (e: Event) => (
            (layers = { ...layers, [key]: (e.target as HTMLInputElement).checked }),
            drawBoard(viewOf(session))
          ),
        }),
        h('span', { class: `swatch ${sw}`, 'aria-hidden': 'true' }),
        label,
      );
    }),
  );

  fill(
    root,
    h(
      'div',
      { class: 'app' },
      h(
        'header',
        { class: 'topbar' },
        h('h1', null, 'Quid Pro Quo'),
        h('span', { class: 'scenario-title' }, world.title),
        status,
        h('button', { type: 'button', class: 'small quiet', onclick: () => confirmQuit() }, 'New game'),
      ),
      main,
    ),
    dialog,
  );

  function confirmQuit(): void {
    if (session.state.end || window.confirm('Leave this game and return to the menu?')) {
      board?.destroy();
      onQuit();
    }
  }

  function layoutPlaying(): void {
    fill(
      main,
      h(
        'div',
        { class: 'left' },
        h('figure', { class: 'board' }, boardHost, boardDesc, h('figcaption', null, layerToggles)),
        h(
          'section',
          { class: 'governments', 'aria-labelledby': 'gov-table-h' },
          h('h2', { id: 'gov-table-h', class: 'sr-only' }, 'Governments'),
          meters,
        ),
      ),
      h(
        'div',
        { class: 'right' },
        h('section', { class: 'panel phase', 'aria-labelledby': 'phase-h' }, phaseTitle, controls),
        h(
          'section',
          { class: 'panel log', 'aria-labelledby': 'log-h' },
          h('h2', { id: 'log-h' }, 'What you have seen'),
          logList,
        ),
      ),
    );
  }

  function drawBoard(view: PlayerView): void {
    board?.show(boardModel(world, capitals, view), layers);
    const parts = [
      `Your trust: ${Object.entries(view.myTrust)
        .map(([id, t]) => `${nameOf(world, id)} ${Math.round(t)} (${trustBand(t).word})`)
        .join(', ')}.`,
    ];
    const sanctions = Object.entries(view.sanctions).flatMap(([from, row]) =>
      Object.entries(row)
        .filter(([, l]) => l > 0)
        .map(([to, l]) => `${nameOf(world, from)} on ${nameOf(world, to)} level ${l}`),
    );
    parts.push(sanctions.length ? `Sanctions: ${sanctions.join('; ')}.` : 'No sanctions.');
    parts.push(
      view.channels.length
        ? `Open channels: ${view.channels.map((c) => `${c.channel} ${nameOf(world, c.a)}–${nameOf(world, c.b)}`).join('; ')}.`
        : 'No open hotline or backchannel.',
    );
    parts.push(
      `Alliances: ${view.alliances.map(([a, b]) => `${nameOf(world, a)}–${nameOf(world, b)}`).join('; ') || 'none'}.`,
    );
    boardDesc.textContent = parts.join(' ');
  }

  function renderStatus(view: PlayerView): void {
    const phase = view.end
      ? 'Game over'
      : `Phase ${PHASE_NUMBER[view.phase] ?? '?'} of 3: ${PHASE_TITLES[view.phase] ?? view.phase}`;
    fill(
      status,
      h('span', null, 'You: ', h('strong', null, nameOf(world, view.me))),
      h('span', null, `${view.date} · round ${view.round} of ${view.rounds}`),
      h('span', null, phase),
      h(
        'span',
        {
          title: `Regional tension, 0–100. At ${world.rules.crisisAt} or more a crisis can turn into a clash by miscalculation.`,
        },
        `Tension ${Math.round(view.tension)}${view.tension >= world.rules.crisisAt ? ' (crisis!)' : ''}`,
      ),
      h('span', { title: 'The stage of the peace process' }, `Stage: ${view.stageName}`),
    );
  }

  function renderMeters(view: PlayerView): void {
    const prev = view.history[view.history.length - 1];
    const prevPrev = view.history[view.history.length - 2];
    // Changes since the last round ended (during play) or over the last round (at the end).
    const base = view.end ? prevPrev : prev;
    const helpIds: Record<string, string> = {};
    const head = h(
      'tr',
      null,
      h('th', { scope: 'col' }, 'Government'),
      ACTOR_VARS.map((v) => {
        helpIds[v] = `help-${v}`;
        return h(
          'th',
          { scope: 'col', title: varHelp(world, v) },
          VAR_LABELS[v],
          h('span', { id: `help-${v}`, class: 'sr-only' }, varHelp(world, v)),
        );
      }),
      h(
        'th',
        { scope: 'col', title: TRUST_HELP },
        'Your trust',
        h('span', { id: 'help-trust', class: 'sr-only' }, TRUST_HELP),
      ),
    );
    const cell = (
      label: string,
      value: number,
      delta: number | null,
      help: string,
      describedBy: string,
      extraClass = '',
    ): HTMLElement => {
      const r = Math.round(value);
      const d = delta === null || Math.round(delta) === 0 ? '' : signed(delta);
      const tip = `${label}: ${r} of 100${delta !== null ? ` (${signed(delta)} since last round)` : ''}. ${help}`;
      return h(
        'td',
        { title: tip, class: extraClass },
        h(
          'span',
          {
            role: 'meter',
            'aria-valuemin': 0,
            'aria-valuemax': 100,
            'aria-valuenow': r,
            'aria-label': label,
            'aria-describedby': describedBy,
            class: 'meter',
          },
          h('span', { class: 'num' }, String(r)),
          d ? h('span', { class: `delta ${delta! > 0 ? 'up' : 'down'}` }, d) : null,
          h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${r}%` })),
        ),
      );
    };
    const rows = view.actors.map((a) => {
      const isMe = a.id === view.me;
      const t = view.myTrust[a.id];
      const t0 = base?.myTrust[a.id];
      return h(
        'tr',
        { class: isMe ? 'me' : '' },
        h(
          'th',
          { scope: 'row' },
          h('span', { class: 'gov-name' }, isMe ? `${a.name} (you)` : a.name),
          h(
            'span',
            {
              class: 'leader',
              title: `Leader's stance ${Math.round(a.leader.stance)} of 100 (0 hawk, 100 dove)${a.leader.termEnds ? `; next election at the start of round ${a.leader.termEnds}` : ''}`,
            },
            a.leader.name,
          ),
        ),
        ACTOR_VARS.map((v: ActorVar) =>
          cell(
            `${a.name} ${VAR_LABELS[v].toLowerCase()}`,
            a.vars[v],
            base ? a.vars[v] - base.vars[a.id]![v] : null,
            varHelp(world, v),
            helpIds[v]!,
          ),
        ),
        isMe || t === undefined
          ? h('td', { class: 'na' }, '—')
          : cell(
              `Your trust in ${a.name}`,
              t,
              t0 === undefined ? null : t - t0,
              TRUST_HELP,
              'help-trust',
              `trust-${trustBand(t).word}`,
            ),
      );
    });
    fill(
      meters,
      h(
        'table',
        { class: 'meters' },
        h('caption', { class: 'sr-only' }, 'Every government’s numbers, 0 to 100'),
        h('thead', null, head),
        h('tbody', null, rows),
      ),
    );
  }

  function renderLog(view: PlayerView): void {
    const byRound = new Map<number, PlayerView['log']>();
    for (const e of view.log) byRound.set(e.round, [...(byRound.get(e.round) ?? []), e]);
    const rounds = [...byRound.keys()].sort((a, b) => b - a);
    fill(
      logList,
      view.end
        ? h(
            'p',
            { class: 'hint' },
            'The game is over: the log now shows everything, including what was hidden from you.',
          )
        : null,
      rounds.length === 0 ? h('p', { class: 'hint' }, 'Nothing yet.') : null,
      rounds.map((r) =>
        h(
          'section',
          { class: 'log-round', 'aria-label': `Round ${r}` },
          h('h3', null, `Round ${r}`),
          h(
            'ol',
            null,
            byRound
              .get(r)!
              .map((e) =>
                h(
                  'li',
                  { class: `log-${e.kind}` },
                  h('span', { class: 'kind' }, e.kind),
                  ' ',
                  prose(world, e.text),
                ),
              ),
          ),
        ),
      ),
    );
  }

  function submit(input: PhaseInput): Rejection | null {
    const r = play(session, input);
    if (!r.ok) return r.rejection;
    if (input.phase === 'commitment') showSummary(roundSummary(world, r.before, r.after, input));
    refresh(true);
    return null;
  }

  function showSummary(s: RoundSummary): void {
    const list = (items: string[], empty: string): HTMLElement =>
      items.length
        ? h(
            'ul',
            null,
            items.map((x) => h('li', null, x)),
          )
        : h('p', { class: 'hint' }, empty);
    const changed = s.trust.filter((t) => Math.round(t.after) !== Math.round(t.before));
    const button = h(
      'button',
      { type: 'button', class: 'primary', onclick: () => dialog.close() },
      s.over ? 'See the outcome' : `Continue to round ${s.round + 1}`,
    );
    fill(
      dialog,
      h('h2', { id: 'summary-h' }, `Round ${s.round} (${s.date}) resolved`),
      h(
        'div',
        { class: 'summary-grid' },
        h('section', null, h('h3', null, 'What you did'), list(s.did, '')),
        h(
          'section',
          null,
          h('h3', null, 'What you saw of the others'),
          list(s.observed, 'No agreement step was due this round, so there was no compliance to watch.'),
        ),
        h(
          'section',
          null,
          h('h3', null, 'Your numbers'),
          h(
            'table',
            { class: 'changes' },
            h(
              'tbody',
              null,
              s.changes.map((c) =>
                h(
                  'tr',
                  null,
                  h('th', { scope: 'row' }, c.label),
                  h('td', null, `${Math.round(c.before)} → ${Math.round(c.after)}`),
                  h(
                    'td',
                    {
                      class:
                        Math.round(c.after - c.before) > 0
                          ? 'up'
                          : Math.round(c.after - c.before) < 0
                            ? 'down'
                            : '',
                    },
                    signed(c.after - c.before),
                  ),
                ),
              ),
            ),
          ),
          h(
            'p',
            null,
            `Tension ${Math.round(s.tension.before)} → ${Math.round(s.tension.after)}. Stage: ${s.stage.before === s.stage.after ? s.stage.after : `${s.stage.before} → ${s.stage.after}`}.`,
          ),
          changed.length
            ? h(
                'p',
                null,
                'Your trust: ',
                changed.map((t) => `${t.name} ${Math.round(t.before)} → ${Math.round(t.after)}`).join('; '),
                '.',
              )
            : null,
        ),
        h(
          'section',
          { class: 'news' },
          h('h3', null, 'News and events'),
          list(
            s.news.map((e) => prose(world, e.text)),
            'Nothing else happened that you could see.',
          ),
        ),
      ),
      h('div', { class: 'submit-row' }, button),
    );
    dialog.showModal();
    button.focus();
  }

  dialog.addEventListener('close', () => {
    if (session.state.end) showEnd();
    else phaseTitle.focus();
  });

  function showEnd(): void {
    const view = viewOf(session);
    renderStatus(view);
    board?.destroy();
    board = null;
    fill(
      main,
      h(
        'div',
        { class: 'end-wrap' },
        h(
          'div',
          { class: 'end-actions' },
          h('button', { type: 'button', class: 'primary', onclick: () => onQuit() }, 'Play again'),
        ),
        endReport(world, view),
        h(
          'section',
          { class: 'panel log', 'aria-labelledby': 'log-h' },
          h('h2', { id: 'log-h' }, 'The full record'),
          logList,
        ),
      ),
    );
    renderLog(view);
    (main.querySelector('#outcome-h') as HTMLElement | null)?.focus();
  }

  function refresh(moveFocus = false): void {
    const view = viewOf(session);
    renderStatus(view);
    if (view.end) {
      if (!dialog.open) showEnd();
      return;
    }
    drawBoard(view);
    renderMeters(view);
    phaseTitle.textContent = `Round ${view.round}: ${PHASE_TITLES[view.phase] ?? view.phase}`;
    renderControls(controls, { world, state: session.state, view, submit });
    renderLog(view);
    if (moveFocus && !dialog.open) phaseTitle.focus();
  }

  layoutPlaying();
  refresh();
  void import('./board/index.ts').then(({ mountBoard }) => {
    if (session.state.end) return;
    board = mountBoard(boardHost);
    drawBoard(viewOf(session));
  });
}

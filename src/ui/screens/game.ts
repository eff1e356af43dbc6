/**
 * The game screen: the board (Phaser, lazily loaded), the governments' meters, the controls for the phase,
 * the log, the round summary and the end report. With more than one human seat (hot-seat), each human's turn
 * starts behind a hand-over screen that shows nothing of the previous player's; each sees only their own
 * player view. It wires plain session functions to the DOM; no rules here.
 */
import { roundDate } from '../../engine/index.ts';
import { finishedGame as rebuild } from '../../session/index.ts';
import type { ActorId, PhaseInput, PlayerView, Rejection } from '../../engine/index.ts';
import type { Board } from '../board/index.ts';
import { ALL_LAYERS, boardModel } from '../board/model.ts';
import type { Layers } from '../board/model.ts';
import { boardHotspots } from '../board/hotspots.ts';
import { dealLegend } from '../board/legend.ts';
import { renderControls } from '../play/controls/index.ts';
import type { ControlsHandle } from '../play/controls/index.ts';
import { fill, h, uid } from '../kit/dom.ts';
import { endReport } from './end.ts';
import type { DebriefSource } from './end.ts';
import { boardDescription, panelElements, renderLog, renderMeters, renderStatus } from '../play/panels.ts';
import { download, recordOf, saveFileOf, writeSlot } from '../records/saves.ts';
import type { Session } from '../play/session.ts';
import { shareControl } from '../records/share.ts';
import { roundSummary, summaryNumbers } from '../play/summary.ts';
import type { RoundSummary } from '../play/summary.ts';
import { PHASE_TITLES, nameOf } from '../kit/text.ts';
import { logText } from '../../text/index.ts';
import { briefingPanel } from '../play/briefing.ts';
import { createCoach } from '../tutorial/index.ts';
import type { Coach, CoachEvent } from '../tutorial/index.ts';

export interface GameScreenOptions {
  onQuit: () => void;
  /** Replays this game from its record (offered at the end). */
  onReplay: (s: Session) => void;
}

export function startGameScreen(root: HTMLElement, session: Session, opts: GameScreenOptions): void {
  const world = session.world;
  const humans = session.humans();
  const hotseat = humans.length > 1;
  const capitals = Object.fromEntries(
    Object.entries(session.loaded.scenario.actors).map(([id, a]) => [id, a.capital]),
  );
  let layers: Layers = { ...ALL_LAYERS };
  let board: Board | null = null;
  /** What the controls of the phase shown can be asked (start an offer from the map). */
  let controlsHandle: ControlsHandle = {};
  /** The human at the device, or null on the hand-over screen. */
  let turn: ActorId | null = null;
  /** Hot-seat: each human's round summary, shown after their next hand-over. */
  const summaries = new Map<ActorId, RoundSummary>();
  const briefed = new Set<ActorId>();

  const { status, boardHost, boardDesc, meters, logList } = panelElements();
  const phaseTitle = h('h2', { id: 'phase-h', tabindex: '-1' });
  const controls = h('div', { class: 'controls' });
  const dialog = h('dialog', { class: 'round-summary', 'aria-labelledby': 'summary-h' });
  const saveDialog = h('dialog', { class: 'save-dialog', 'aria-labelledby': 'save-h' });
  const main = h('main', { class: 'game' });
  const saveButton = h(
    'button',
    { type: 'button', class: 'small quiet', onclick: () => openSave() },
    'Save game',
  );
  const briefingButton = h(
    'button',
    {
      type: 'button',
      class: 'small quiet',
      'data-coach': 'briefing',
      title: 'Read your government’s briefing again',
      onclick: () => turn && showBriefing(turn),
    },
    'Briefing',
  );
  /** What the shared dialog shows now. */
  let dialogKind: 'briefing' | 'summary' | null = null;
  // A scenario with a coach section (the tutorial) comes with a coach for a player alone at the device.
  let coach: Coach | null = null;
  const tutorialButton = h(
    'button',
    {
      type: 'button',
      class: 'small quiet',
      'aria-expanded': 'false',
      title: 'Open or close the tutorial’s coach',
      onclick: () => (coach?.isOpen ? coach.close() : coach?.open()),
    },
    'Tutorial',
  );
  const tell = (e: CoachEvent): void => coach?.notify(e);

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
        ['deals', 'Deals', null],
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
          onchange: (e: Event) => {
            layers = { ...layers, [key]: (e.target as HTMLInputElement).checked };
            if (turn) drawBoard(session.view(turn));
          },
        }),
        sw ? h('span', { class: `swatch ${sw}`, 'aria-hidden': 'true' }) : null,
        label,
      );
    }),
    dealLegend(),
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
        h('span', { class: 'scenario-title', title: world.title }, world.title),
        status,
        briefingButton,
        session.loaded.scenario.coach && !hotseat ? tutorialButton : null,
        saveButton,
        h('button', { type: 'button', class: 'small quiet', onclick: () => confirmQuit() }, 'New game'),
      ),
      main,
    ),
    dialog,
    saveDialog,
  );
  // The game opens at its top, not at the scroll position the menu was left at.
  window.scrollTo(0, 0);

  function confirmQuit(): void {
    if (session.over() || window.confirm('Leave this game and return to the menu?')) {
      board?.destroy();
      opts.onQuit();
    }
  }

  function defaultTitle(): string {
    const who = humans.map((a) => nameOf(world, a)).join(' & ');
    return `${world.title} — ${who}, round ${session.round()}`;
  }

  function openSave(): void {
    const id = uid('save-title');
    const input = h('input', { id, type: 'text', value: defaultTitle(), autocomplete: 'off' });
    const msg = h('p', { role: 'status', class: 'hint' });
    const saveNow = (): void => {
      const title = input.value.trim() || defaultTitle();
      const err = writeSlot(saveFileOf(session, title));
      if (err) {
        msg.textContent = err;
        return;
      }
      saveDialog.close();
      announce(`Saved as “${title}”.`);
      // Seen as well as heard: the button says so for a few seconds.
      saveButton.textContent = 'Saved ✓';
      saveButton.title = `Saved as “${title}”`;
      window.setTimeout(() => {
        saveButton.textContent = 'Save game';
        saveButton.removeAttribute('title');
      }, 4000);
    };
    fill(
      saveDialog,
      h('h2', { id: 'save-h' }, 'Save this game'),
      h(
        'p',
        { class: 'hint' },
        'The save keeps every round played so far (not choices entered in this phase). If a save already has this name, you are asked before it is replaced.',
      ),
      h('div', { class: 'seed-row' }, h('label', { for: id }, 'Name'), input),
      msg,
      h(
        'div',
        { class: 'submit-row' },
        h('button', { type: 'button', onclick: () => saveDialog.close() }, 'Cancel'),
        h('button', { type: 'button', class: 'primary', onclick: saveNow }, 'Save'),
      ),
      h(
        'div',
        { class: 'save-share' },
        h(
          'p',
          { class: 'hint' },
          'Or share it: a link carries the game so far, to continue or replay elsewhere.',
        ),
        shareControl(() => saveFileOf(session, input.value.trim() || defaultTitle())),
      ),
    );
    input.addEventListener('keydown', (e) => {
      // Without preventDefault the same Enter would press "Save game" again once the focus returns to it.
      if (e.key === 'Enter') {
        e.preventDefault();
        saveNow();
      }
    });
    saveDialog.showModal();
    input.select();
  }

  const live = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  root.append(live);
  const script = session.loaded.scenario.coach;
  if (script && !hotseat) {
    const me = humans[0]!;
    coach = createCoach({
      world,
      script,
      me,
      view: () => (turn ? session.view(turn) : null),
      openBriefing: () => turn && showBriefing(turn),
      home: root,
      onToggle: (open) => tutorialButton.setAttribute('aria-expanded', String(open)),
      focusAfterClose: () =>
        (dialog.open ? dialog.querySelector<HTMLElement>('.submit-row button') : tutorialButton)?.focus(),
    });
  }
  function announce(text: string): void {
    live.textContent = text;
  }

  // Buttons over the capitals: relations with each government, and offers to it from the map.
  const hotspots = boardHotspots({ onOffer: (to) => startOffer(to) });
  // One figure for the whole game: the board mounts its own controls in it, and they stay across hand-overs.
  const figure = h(
    'figure',
    { class: 'board' },
    h('div', { class: 'board-stage' }, boardHost, hotspots.element),
    boardDesc,
    h('figcaption', null, layerToggles),
  );

  function layoutPlaying(): void {
    layoutMain();
    ensureBoard();
  }

  function layoutMain(): void {
    fill(
      main,
      h(
        'div',
        { class: 'left' },
        figure,
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
          { class: 'panel log', 'aria-labelledby': 'log-h', tabindex: '0' },
          h('h2', { id: 'log-h' }, 'What you have seen'),
          logList,
        ),
      ),
    );
  }

  function drawBoard(view: PlayerView): void {
    const model = boardModel(world, capitals, view);
    board?.show(model, layers);
    hotspots.update(model);
    boardDesc.textContent = boardDescription(world, view);
  }

  /** Hot-seat: a screen that shows nothing of anyone's game until the next player presses Continue. */
  function showHandover(next: ActorId): void {
    turn = null;
    if (dialog.open) dialog.close();
    const name = nameOf(world, next);
    const round = session.round();
    fill(
      status,
      h('span', null, 'Hand-over'),
      h('span', null, `${roundDate(world, round)} · round ${round} of ${world.rounds}`),
    );
    briefingButton.hidden = true;
    // Nothing of the last player's stays in the page: the board, meters, log and controls are emptied.
    for (const el of [meters, controls, logList, boardDesc, dialog, saveDialog]) el.replaceChildren();
    phaseTitle.textContent = '';
    const button = h(
      'button',
      { type: 'button', class: 'primary big', onclick: () => takeTurn(next) },
      'Continue',
    );
    fill(
      main,
      h(
        'section',
        { class: 'handover panel', role: 'region', 'aria-labelledby': 'handover-h' },
        h('h2', { id: 'handover-h', tabindex: '-1' }, `Pass the device to the player of ${name}`),
        h(
          'p',
          null,
          `${name}: press Continue when you are ready and nobody else is looking. What you see next is for your eyes only.`,
        ),
        button,
      ),
    );
    document.title = `Quid Pro Quo — pass to ${name}`;
    button.focus();
  }

  function takeTurn(actor: ActorId): void {
    turn = actor;
    briefingButton.hidden = false;
    document.title = `Quid Pro Quo — ${world.title}`;
    layoutPlaying();
    refresh(!summaries.has(actor));
    const s = summaries.get(actor);
    if (s) {
      summaries.delete(actor);
      showSummary(s, nameOf(world, actor));
    } else if (hotseat && !briefed.has(actor)) showBriefing(actor);
  }

  function showBriefing(actor: ActorId): void {
    if (dialog.open) return;
    const view = session.view(actor);
    // "Start" only for a government's first look at its briefing as the game begins; later it leads back.
    const starting = !briefed.has(actor) && view.round === 1 && view.phase === 'proposing';
    briefed.add(actor);
    dialogKind = 'briefing';
    const leader = view.actors.find((a) => a.id === actor)!.leader;
    const button = h(
      'button',
      { type: 'button', class: 'primary', onclick: () => dialog.close() },
      starting ? 'Start' : 'Back to the game',
    );
    fill(
      dialog,
      h('div', { class: 'briefing' }, briefingPanel(session.loaded, actor, 'summary-h', leader, view.round)),
      h('div', { class: 'submit-row' }, button),
    );
    dialog.showModal();
    button.focus();
  }

  /** The next human's turn: straight on with one human, behind a hand-over screen with several. */
  function nextTurn(): void {
    if (session.over()) {
      if (!dialog.open) showEnd();
      return;
    }
    const next = session.waitingFor()[0]!;
    if (hotseat) showHandover(next);
    else {
      turn = next;
      if (!figure.isConnected) layoutPlaying();
      refresh(true);
    }
  }

  function submit(input: PhaseInput): Rejection | null {
    const me = turn!;
    const last = session.waitingFor().length === 1;
    // The phase closes on the last person's input: keep each person's view from before it, for the summary.
    const before = last ? Object.fromEntries(humans.map((hId) => [hId, plainView(hId)])) : {};
    const mine: Record<ActorId, PhaseInput> = {};
    for (const hId of humans) mine[hId] = hId === me ? input : session.held(hId)!;
    const r = session.submit(me, input);
    if (!r.ok) return r.rejection;
    if (last && input.phase === 'commitment')
      for (const hId of humans) {
        const s = roundSummary(world, before[hId]!, plainView(hId), mine[hId]!);
        if (!hotseat) showSummary(s, nameOf(world, hId));
        else if (!session.over()) summaries.set(hId, s);
      }
    nextTurn();
    return null;
  }

  /** A plain copy of a seat's view now, safe to keep while the game moves on. */
  const plainView = (actor: ActorId): PlayerView =>
    JSON.parse(JSON.stringify(session.view(actor))) as PlayerView;

  function showSummary(s: RoundSummary, who: string): void {
    const list = (items: string[], empty: string): HTMLElement =>
      items.length
        ? h(
            'ul',
            null,
            items.map((x) => h('li', null, x)),
          )
        : h('p', { class: 'hint' }, empty);
    const button = h(
      'button',
      { type: 'button', class: 'primary', onclick: () => dialog.close() },
      s.over ? 'See the outcome' : `Continue to round ${s.round + 1}`,
    );
    dialogKind = 'summary';
    fill(
      dialog,
      h('h2', { id: 'summary-h' }, `Round ${s.round} (${s.date}) resolved`),
      hotseat ? h('p', { class: 'hint' }, `For ${who} only.`) : null,
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
        summaryNumbers(s),
        h(
          'section',
          { class: 'news' },
          h('h3', null, 'News and events'),
          list(
            s.news.map((e) => logText(e, { world, me: s.me })),
            'Nothing else happened that you could see.',
          ),
        ),
      ),
      h('div', { class: 'submit-row' }, button),
    );
    dialog.showModal();
    button.focus();
    tell({ kind: 'summary-open', dialog, round: s.round });
  }

  dialog.addEventListener('close', () => {
    const kind = dialogKind;
    dialogKind = null;
    if (session.over()) showEnd();
    else if (turn) phaseTitle.focus();
    tell({ kind: kind === 'summary' ? 'summary-closed' : 'briefing-closed' });
  });

  /** The finished game for the debrief: its record, public once the game is over, replayed by the engine. */
  function finishedGame(): DebriefSource {
    const rec = recordOf(session);
    return rebuild(world, rec).finished;
  }

  function showEnd(): void {
    const view = session.view(humans[0]!);
    turn = null;
    coach?.close();
    tutorialButton.hidden = true;
    briefingButton.hidden = true;
    renderStatus(status, world, view);
    saveButton.hidden = true;
    board?.destroy();
    board = null;
    const record = (): ReturnType<typeof saveFileOf> => saveFileOf(session, `${world.title} — finished game`);
    fill(
      main,
      h(
        'div',
        { class: 'end-wrap' },
        h(
          'div',
          { class: 'end-actions' },
          h('button', { type: 'button', class: 'primary', onclick: () => opts.onQuit() }, 'Play again'),
          h('button', { type: 'button', onclick: () => opts.onReplay(session) }, 'Replay this game'),
          h('button', { type: 'button', onclick: () => download(record()) }, 'Download the game record'),
          shareControl(record),
          h(
            'button',
            {
              type: 'button',
              onclick: () => {
                const err = writeSlot(record());
                announce(err ?? 'Saved among your saved games.');
              },
            },
            'Save',
          ),
        ),
        // The debrief reads the finished game, rebuilt from its record (which the player may download anyway).
        endReport(world, view, finishedGame()),
        h(
          'section',
          { class: 'panel log', 'aria-labelledby': 'log-h', tabindex: '0' },
          h('h2', { id: 'log-h' }, 'The full record'),
          logList,
        ),
      ),
    );
    renderLog(logList, world, view);
    (main.querySelector('#outcome-h') as HTMLElement | null)?.focus();
  }

  function refresh(moveFocus = false): void {
    if (!turn) return;
    const view = session.view(turn);
    renderStatus(status, world, view);
    if (view.end) {
      if (!dialog.open) showEnd();
      return;
    }
    drawBoard(view);
    renderMeters(meters, world, view);
    phaseTitle.textContent = `Round ${view.round}: ${PHASE_TITLES[view.phase] ?? view.phase}`;
    controlsHandle = renderControls(controls, { world, view, submit, onChange: tell });
    renderLog(logList, world, view);
    if (moveFocus && !dialog.open) phaseTitle.focus();
    if (moveFocus) tell({ kind: 'phase', view });
  }

  /** From the map: the composer starts a fresh offer to `to` (offers already added stay). */
  function startOffer(to: ActorId): void {
    controlsHandle.offerTo?.(to);
  }

  /** Mounts the board once its host is in the page (Phaser sizes itself from it), and resizes it on return. */
  let boardLoading = false;
  function ensureBoard(): void {
    if (board) {
      window.dispatchEvent(new Event('resize'));
      return;
    }
    if (boardLoading) return;
    boardLoading = true;
    void import('../board/index.ts').then(({ mountBoard }) => {
      if (session.over() || !boardHost.isConnected) {
        boardLoading = false;
        return;
      }
      board = mountBoard(boardHost);
      if (turn) drawBoard(session.view(turn));
    });
  }

  // A computer seat whose choice failed or was refused does nothing that phase: say so for whoever debugs.
  session.subscribe((e) => {
    if (e.type === 'phase-closed') for (const p of e.problems) console.warn(p);
  });
  nextTurn();
  // A new tutorial game opens its coach; a continued one leaves it a button press away.
  if (coach && session.inputCount() === 0 && !session.over()) coach.open();
}

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

/** What the game screen's parts share: the session, the screen's elements, and where the game stands on it. */
interface GameCtx {
  readonly root: HTMLElement;
  readonly session: Session;
  readonly opts: GameScreenOptions;
  readonly world: Session['world'];
  readonly humans: ActorId[];
  readonly hotseat: boolean;
  readonly capitals: Record<string, string>;
  layers: Layers;
  board: Board | null;
  /** What the controls of the phase shown can be asked (start an offer from the map). */
  controlsHandle: ControlsHandle;
  /** The human at the device, or null on the hand-over screen. */
  turn: ActorId | null;
  /** Hot-seat: each human's round summary, shown after their next hand-over. */
  readonly summaries: Map<ActorId, RoundSummary>;
  readonly briefed: Set<ActorId>;
  readonly status: HTMLElement;
  readonly boardHost: HTMLElement;
  readonly boardDesc: HTMLElement;
  readonly meters: HTMLElement;
  readonly logList: HTMLElement;
  readonly phaseTitle: HTMLElement;
  readonly controls: HTMLElement;
  readonly dialog: HTMLDialogElement;
  readonly saveDialog: HTMLDialogElement;
  readonly main: HTMLElement;
  readonly saveButton: HTMLButtonElement;
  readonly briefingButton: HTMLButtonElement;
  readonly tutorialButton: HTMLButtonElement;
  /** What the shared dialog shows now. */
  dialogKind: 'briefing' | 'summary' | null;
  // A scenario with a coach section (the tutorial) comes with a coach for a player alone at the device.
  coach: Coach | null;
  readonly live: HTMLElement;
  readonly hotspots: ReturnType<typeof boardHotspots>;
  /** One figure for the whole game: the board mounts its own controls in it, and they stay across hand-overs. */
  readonly figure: HTMLElement;
  boardLoading: boolean;
}

export function startGameScreen(root: HTMLElement, session: Session, opts: GameScreenOptions): void {
  const world = session.world;
  const humans = session.humans();
  const capitals = Object.fromEntries(
    Object.entries(session.loaded.scenario.actors).map(([id, a]) => [id, a.capital]),
  );
  const panels = panelElements();
  const { saveButton, briefingButton, tutorialButton } = topBarButtons({
    save: () => openSave(g),
    briefing: () => g.turn && showBriefing(g, g.turn),
    tutorial: () => (g.coach?.isOpen ? g.coach.close() : g.coach?.open()),
  });
  const layers: Layers = { ...ALL_LAYERS };
  const layerToggles = layerTogglesFieldset(layers, (key, checked) => {
    g.layers = { ...g.layers, [key]: checked };
    if (g.turn) drawBoard(g, session.view(g.turn));
  });
  // Buttons over the capitals: relations with each government, and offers to it from the map.
  const hotspots = boardHotspots({ onOffer: (to) => startOffer(g, to) });
  // One figure for the whole game: the board mounts its own controls in it, and they stay across hand-overs.
  const figure = h(
    'figure',
    { class: 'board' },
    h('div', { class: 'board-stage' }, panels.boardHost, hotspots.element),
    panels.boardDesc,
    h('figcaption', null, layerToggles),
  );
  const g: GameCtx = {
    root,
    session,
    opts,
    world,
    humans,
    hotseat: humans.length > 1,
    capitals,
    layers,
    board: null,
    controlsHandle: {},
    turn: null,
    summaries: new Map<ActorId, RoundSummary>(),
    briefed: new Set<ActorId>(),
    ...panels,
    phaseTitle: h('h2', { id: 'phase-h', tabindex: '-1' }),
    controls: h('div', { class: 'controls' }),
    dialog: h('dialog', { class: 'round-summary', 'aria-labelledby': 'summary-h' }),
    saveDialog: h('dialog', { class: 'save-dialog', 'aria-labelledby': 'save-h' }),
    main: h('main', { class: 'game' }),
    saveButton,
    briefingButton,
    tutorialButton,
    dialogKind: null,
    coach: null,
    live: h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' }),
    hotspots,
    figure,
    boardLoading: false,
  };
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
        g.status,
        briefingButton,
        session.loaded.scenario.coach && !g.hotseat ? tutorialButton : null,
        saveButton,
        h('button', { type: 'button', class: 'small quiet', onclick: () => confirmQuit(g) }, 'New game'),
      ),
      g.main,
    ),
    g.dialog,
    g.saveDialog,
  );
  // The game opens at its top, not at the scroll position the menu was left at.
  window.scrollTo(0, 0);
  root.append(g.live);
  g.coach = gameCoach(g);
  g.dialog.addEventListener('close', () => {
    const kind = g.dialogKind;
    g.dialogKind = null;
    if (session.over()) showEnd(g);
    else if (g.turn) g.phaseTitle.focus();
    tell(g, { kind: kind === 'summary' ? 'summary-closed' : 'briefing-closed' });
  });

  // A computer seat whose choice failed or was refused does nothing that phase: say so for whoever debugs.
  session.subscribe((e) => {
    if (e.type === 'phase-closed') for (const p of e.problems) console.warn(p);
  });
  nextTurn(g);
  // A new tutorial game opens its coach; a continued one leaves it a button press away.
  if (g.coach && session.inputCount() === 0 && !session.over()) g.coach.open();
}

/** The top bar's buttons: save, the briefing again, and the tutorial's coach. */
function topBarButtons(on: { save: () => void; briefing: () => void; tutorial: () => void }): {
  saveButton: HTMLButtonElement;
  briefingButton: HTMLButtonElement;
  tutorialButton: HTMLButtonElement;
} {
  const saveButton = h(
    'button',
    { type: 'button', class: 'small quiet', onclick: () => on.save() },
    'Save game',
  );
  const briefingButton = h(
    'button',
    {
      type: 'button',
      class: 'small quiet',
      'data-coach': 'briefing',
      title: 'Read your government’s briefing again',
      onclick: () => on.briefing(),
    },
    'Briefing',
  );
  const tutorialButton = h(
    'button',
    {
      type: 'button',
      class: 'small quiet',
      'aria-expanded': 'false',
      title: 'Open or close the tutorial’s coach',
      onclick: () => on.tutorial(),
    },
    'Tutorial',
  );
  return { saveButton, briefingButton, tutorialButton };
}

/** The map's layer checkboxes, ticked as in `layers`, and its legend of deals. */
function layerTogglesFieldset(
  layers: Layers,
  onToggle: (key: keyof Layers, checked: boolean) => void,
): HTMLElement {
  return h(
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
          onchange: (e: Event) => onToggle(key, (e.target as HTMLInputElement).checked),
        }),
        sw ? h('span', { class: `swatch ${sw}`, 'aria-hidden': 'true' }) : null,
        label,
      );
    }),
    dealLegend(),
  );
}

/** The tutorial's coach, for a scenario with a coach section and a player alone at the device. */
function gameCoach(g: GameCtx): Coach | null {
  const script = g.session.loaded.scenario.coach;
  if (!script || g.hotseat) return null;
  const me = g.humans[0]!;
  return createCoach({
    world: g.world,
    script,
    me,
    view: () => (g.turn ? g.session.view(g.turn) : null),
    openBriefing: () => g.turn && showBriefing(g, g.turn),
    home: g.root,
    onToggle: (open) => g.tutorialButton.setAttribute('aria-expanded', String(open)),
    focusAfterClose: () =>
      (g.dialog.open ? g.dialog.querySelector<HTMLElement>('.submit-row button') : g.tutorialButton)?.focus(),
  });
}

const tell = (g: GameCtx, e: CoachEvent): void => g.coach?.notify(e);

function confirmQuit(g: GameCtx): void {
  if (g.session.over() || window.confirm('Leave this game and return to the menu?')) {
    g.board?.destroy();
    g.opts.onQuit();
  }
}

function defaultTitle(g: GameCtx): string {
  const who = g.humans.map((a) => nameOf(g.world, a)).join(' & ');
  return `${g.world.title} — ${who}, round ${g.session.round()}`;
}

function openSave(g: GameCtx): void {
  const id = uid('save-title');
  const input = h('input', { id, type: 'text', value: defaultTitle(g), autocomplete: 'off' });
  const msg = h('p', { role: 'status', class: 'hint' });
  const saveNow = (): void => {
    const title = input.value.trim() || defaultTitle(g);
    const err = writeSlot(saveFileOf(g.session, title));
    if (err) {
      msg.textContent = err;
      return;
    }
    g.saveDialog.close();
    announce(g, `Saved as “${title}”.`);
    // Seen as well as heard: the button says so for a few seconds.
    g.saveButton.textContent = 'Saved ✓';
    g.saveButton.title = `Saved as “${title}”`;
    window.setTimeout(() => {
      g.saveButton.textContent = 'Save game';
      g.saveButton.removeAttribute('title');
    }, 4000);
  };
  fill(
    g.saveDialog,
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
      h('button', { type: 'button', onclick: () => g.saveDialog.close() }, 'Cancel'),
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
      shareControl(() => saveFileOf(g.session, input.value.trim() || defaultTitle(g))),
    ),
  );
  input.addEventListener('keydown', (e) => {
    // Without preventDefault the same Enter would press "Save game" again once the focus returns to it.
    if (e.key === 'Enter') {
      e.preventDefault();
      saveNow();
    }
  });
  g.saveDialog.showModal();
  input.select();
}

function announce(g: GameCtx, text: string): void {
  g.live.textContent = text;
}

function layoutPlaying(g: GameCtx): void {
  layoutMain(g);
  ensureBoard(g);
}

function layoutMain(g: GameCtx): void {
  fill(
    g.main,
    h(
      'div',
      { class: 'left' },
      g.figure,
      h(
        'section',
        { class: 'governments', 'aria-labelledby': 'gov-table-h' },
        h('h2', { id: 'gov-table-h', class: 'sr-only' }, 'Governments'),
        g.meters,
      ),
    ),
    h(
      'div',
      { class: 'right' },
      h('section', { class: 'panel phase', 'aria-labelledby': 'phase-h' }, g.phaseTitle, g.controls),
      h(
        'section',
        { class: 'panel log', 'aria-labelledby': 'log-h', tabindex: '0' },
        h('h2', { id: 'log-h' }, 'What you have seen'),
        g.logList,
      ),
    ),
  );
}

function drawBoard(g: GameCtx, view: PlayerView): void {
  const model = boardModel(g.world, g.capitals, view);
  g.board?.show(model, g.layers);
  g.hotspots.update(model);
  g.boardDesc.textContent = boardDescription(g.world, view);
}

/** Hot-seat: a screen that shows nothing of anyone's game until the next player presses Continue. */
function showHandover(g: GameCtx, next: ActorId): void {
  g.turn = null;
  if (g.dialog.open) g.dialog.close();
  const name = nameOf(g.world, next);
  const round = g.session.round();
  fill(
    g.status,
    h('span', null, 'Hand-over'),
    h('span', null, `${roundDate(g.world, round)} · round ${round} of ${g.world.rounds}`),
  );
  g.briefingButton.hidden = true;
  // Nothing of the last player's stays in the page: the board, meters, log and controls are emptied.
  for (const el of [g.meters, g.controls, g.logList, g.boardDesc, g.dialog, g.saveDialog])
    el.replaceChildren();
  g.phaseTitle.textContent = '';
  const button = h(
    'button',
    { type: 'button', class: 'primary big', onclick: () => takeTurn(g, next) },
    'Continue',
  );
  fill(
    g.main,
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

function takeTurn(g: GameCtx, actor: ActorId): void {
  g.turn = actor;
  g.briefingButton.hidden = false;
  document.title = `Quid Pro Quo — ${g.world.title}`;
  layoutPlaying(g);
  refresh(g, !g.summaries.has(actor));
  const s = g.summaries.get(actor);
  if (s) {
    g.summaries.delete(actor);
    showSummary(g, s, nameOf(g.world, actor));
  } else if (g.hotseat && !g.briefed.has(actor)) showBriefing(g, actor);
}

function showBriefing(g: GameCtx, actor: ActorId): void {
  if (g.dialog.open) return;
  const view = g.session.view(actor);
  // "Start" only for a government's first look at its briefing as the game begins; later it leads back.
  const starting = !g.briefed.has(actor) && view.round === 1 && view.phase === 'proposing';
  g.briefed.add(actor);
  g.dialogKind = 'briefing';
  const leader = view.actors.find((a) => a.id === actor)!.leader;
  const button = h(
    'button',
    { type: 'button', class: 'primary', onclick: () => g.dialog.close() },
    starting ? 'Start' : 'Back to the game',
  );
  fill(
    g.dialog,
    h('div', { class: 'briefing' }, briefingPanel(g.session.loaded, actor, 'summary-h', leader, view.round)),
    h('div', { class: 'submit-row' }, button),
  );
  g.dialog.showModal();
  button.focus();
}

/** The next human's turn: straight on with one human, behind a hand-over screen with several. */
function nextTurn(g: GameCtx): void {
  if (g.session.over()) {
    if (!g.dialog.open) showEnd(g);
    return;
  }
  const next = g.session.waitingFor()[0]!;
  if (g.hotseat) showHandover(g, next);
  else {
    g.turn = next;
    if (!g.figure.isConnected) layoutPlaying(g);
    refresh(g, true);
  }
}

function submit(g: GameCtx, input: PhaseInput): Rejection | null {
  const me = g.turn!;
  const last = g.session.waitingFor().length === 1;
  // The phase closes on the last person's input: keep each person's view from before it, for the summary.
  const before = last ? Object.fromEntries(g.humans.map((hId) => [hId, plainView(g, hId)])) : {};
  const mine: Record<ActorId, PhaseInput> = {};
  for (const hId of g.humans) mine[hId] = hId === me ? input : g.session.held(hId)!;
  const r = g.session.submit(me, input);
  if (!r.ok) return r.rejection;
  if (last && input.phase === 'commitment')
    for (const hId of g.humans) {
      const s = roundSummary(g.world, before[hId]!, plainView(g, hId), mine[hId]!);
      if (!g.hotseat) showSummary(g, s, nameOf(g.world, hId));
      else if (!g.session.over()) g.summaries.set(hId, s);
    }
  nextTurn(g);
  return null;
}

function showSummary(g: GameCtx, s: RoundSummary, who: string): void {
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
    { type: 'button', class: 'primary', onclick: () => g.dialog.close() },
    s.over ? 'See the outcome' : `Continue to round ${s.round + 1}`,
  );
  g.dialogKind = 'summary';
  fill(
    g.dialog,
    h('h2', { id: 'summary-h' }, `Round ${s.round} (${s.date}) resolved`),
    g.hotseat ? h('p', { class: 'hint' }, `For ${who} only.`) : null,
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
          s.news.map((e) => logText(e, { world: g.world, me: s.me })),
          'Nothing else happened that you could see.',
        ),
      ),
    ),
    h('div', { class: 'submit-row' }, button),
  );
  g.dialog.showModal();
  button.focus();
  tell(g, { kind: 'summary-open', dialog: g.dialog, round: s.round });
}

/** The finished game for the debrief: its record, public once the game is over, replayed by the engine. */
function finishedGame(g: GameCtx): DebriefSource {
  const rec = recordOf(g.session);
  return rebuild(g.world, rec).finished;
}

function showEnd(g: GameCtx): void {
  const view = g.session.view(g.humans[0]!);
  g.turn = null;
  g.coach?.close();
  g.tutorialButton.hidden = true;
  g.briefingButton.hidden = true;
  renderStatus(g.status, g.world, view);
  g.saveButton.hidden = true;
  g.board?.destroy();
  g.board = null;
  const record = (): ReturnType<typeof saveFileOf> =>
    saveFileOf(g.session, `${g.world.title} — finished game`);
  fill(
    g.main,
    h(
      'div',
      { class: 'end-wrap' },
      h(
        'div',
        { class: 'end-actions' },
        h('button', { type: 'button', class: 'primary', onclick: () => g.opts.onQuit() }, 'Play again'),
        h('button', { type: 'button', onclick: () => g.opts.onReplay(g.session) }, 'Replay this game'),
        h('button', { type: 'button', onclick: () => download(record()) }, 'Download the game record'),
        shareControl(record),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              const err = writeSlot(record());
              announce(g, err ?? 'Saved among your saved games.');
            },
          },
          'Save',
        ),
      ),
      // The debrief reads the finished game, rebuilt from its record (which the player may download anyway).
      endReport(g.world, view, finishedGame(g)),
      h(
        'section',
        { class: 'panel log', 'aria-labelledby': 'log-h', tabindex: '0' },
        h('h2', { id: 'log-h' }, 'The full record'),
        g.logList,
      ),
    ),
  );
  renderLog(g.logList, g.world, view);
  (g.main.querySelector('#outcome-h') as HTMLElement | null)?.focus();
}

function refresh(g: GameCtx, moveFocus = false): void {
  if (!g.turn) return;
  const view = g.session.view(g.turn);
  renderStatus(g.status, g.world, view);
  if (view.end) {
    if (!g.dialog.open) showEnd(g);
    return;
  }
  drawBoard(g, view);
  renderMeters(g.meters, g.world, view);
  g.phaseTitle.textContent = `Round ${view.round}: ${PHASE_TITLES[view.phase] ?? view.phase}`;
  g.controlsHandle = renderControls(g.controls, {
    world: g.world,
    view,
    submit: (input) => submit(g, input),
    onChange: (e) => tell(g, e),
  });
  renderLog(g.logList, g.world, view);
  if (moveFocus && !g.dialog.open) g.phaseTitle.focus();
  if (moveFocus) tell(g, { kind: 'phase', view });
}

/** From the map: the composer starts a fresh offer to `to` (offers already added stay). */
function startOffer(g: GameCtx, to: ActorId): void {
  g.controlsHandle.offerTo?.(to);
}

/** Mounts the board once its host is in the page (Phaser sizes itself from it), and resizes it on return. */
function ensureBoard(g: GameCtx): void {
  if (g.board) {
    window.dispatchEvent(new Event('resize'));
    return;
  }
  if (g.boardLoading) return;
  g.boardLoading = true;
  void import('../board/index.ts').then(({ mountBoard }) => {
    if (g.session.over() || !g.boardHost.isConnected) {
      g.boardLoading = false;
      return;
    }
    g.board = mountBoard(g.boardHost);
    if (g.turn) drawBoard(g, g.session.view(g.turn));
  });
}

/** A plain copy of a seat's view now, safe to keep while the game moves on. */
const plainView = (g: GameCtx, actor: ActorId): PlayerView =>
  JSON.parse(JSON.stringify(g.session.view(actor))) as PlayerView;

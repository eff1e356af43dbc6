/**
 * Replaying a game round by round: the session rebuilds the finished game's record into frames, every
 * government's view at the start of each round and at the end; the screen shows the board, the meters and the
 * log as one government saw them then, with next and previous round buttons. Only the engine's rules run.
 */
import type { ActorId, PlayerView } from '../../engine/index.ts';
import type { LoadedScenario } from '../../scenario/index.ts';
import type { Board } from '../board/index.ts';
import { ALL_LAYERS, boardModel } from '../board/model.ts';
import { fill, h, uid } from '../kit/dom.ts';
import { endReport } from './end.ts';
import { boardDescription, panelElements, renderLog, renderMeters, renderStatus } from '../play/panels.ts';
import { download } from '../records/saves.ts';
import type { SaveFile } from '../records/saves.ts';
import { shareControl } from '../records/share.ts';
import type { Frame } from '../records/frames.ts';

export { NOT_OVER, replayFrames, replayable } from '../records/frames.ts';
export type { Frame } from '../records/frames.ts';

export interface ReplayOptions {
  title: string;
  save?: SaveFile;
  onQuit: () => void;
}

export function startReplayScreen(
  root: HTMLElement,
  loaded: LoadedScenario,
  frames: Frame[],
  opts: ReplayOptions,
): void {
  const world = loaded.world;
  const capitals = Object.fromEntries(
    Object.entries(loaded.scenario.actors).map(([id, a]) => [id, a.capital]),
  );
  let k = 0;
  // Seen first as the government a person played (the first of them), not simply the first in the scenario.
  const seats = opts.save?.record.seats ?? {};
  let seeAs: ActorId = world.actors.find((a) => seats[a.id] === 'human')?.id ?? world.actors[0]!.id;
  let board: Board | null = null;

  const { status, boardHost, boardDesc, meters, logList } = panelElements();
  const heading = h('h2', { id: 'replay-h', tabindex: '-1' });
  const extra = h('div', { class: 'replay-extra' });
  const prev = h('button', { type: 'button', onclick: () => go(k - 1) }, '← Previous round');
  const next = h('button', { type: 'button', class: 'primary', onclick: () => go(k + 1) }, 'Next round →');
  const seeId = uid('see-as');

  fill(
    root,
    h(
      'div',
      { class: 'app' },
      h(
        'header',
        { class: 'topbar' },
        h('h1', null, 'Quid Pro Quo'),
        h('span', { class: 'scenario-title' }, `Replay: ${opts.title}`),
        status,
        opts.save
          ? h(
              'button',
              { type: 'button', class: 'small quiet', onclick: () => download(opts.save!) },
              'Download record',
            )
          : null,
        opts.save ? shareControl(() => opts.save!, { class: 'small quiet' }) : null,
        h(
          'button',
          { type: 'button', class: 'small quiet', onclick: () => (board?.destroy(), opts.onQuit()) },
          'Back to the menu',
        ),
      ),
      h(
        'main',
        { class: 'game replay' },
        h(
          'div',
          { class: 'left' },
          h('figure', { class: 'board' }, boardHost, boardDesc),
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
          h(
            'section',
            { class: 'panel phase', 'aria-labelledby': 'replay-h' },
            heading,
            h(
              'div',
              { class: 'replay-nav', role: 'group', 'aria-label': 'Replay controls' },
              prev,
              next,
              h('label', { for: seeId }, 'See as'),
              h(
                'select',
                {
                  id: seeId,
                  onchange: (e: Event) => {
                    seeAs = (e.target as HTMLSelectElement).value;
                    show();
                  },
                },
                world.actors.map((a) =>
                  h('option', a.id === seeAs ? { value: a.id, selected: true } : { value: a.id }, a.name),
                ),
              ),
            ),
            h(
              'p',
              { class: 'hint' },
              'Each step shows the start of a round, as the chosen government saw it; the last shows the end, with everything revealed.',
            ),
            extra,
          ),
          h(
            'section',
            { class: 'panel log', 'aria-labelledby': 'log-h', tabindex: '0' },
            h('h2', { id: 'log-h' }, 'The log as it was'),
            logList,
          ),
        ),
      ),
    ),
  );

  function go(to: number): void {
    k = Math.max(0, Math.min(frames.length - 1, to));
    show();
    heading.focus();
  }

  function show(): void {
    const f = frames[k]!;
    const view: PlayerView = f.views[seeAs]!;
    const last = k === frames.length - 1;
    heading.textContent = f.over
      ? `The end (after round ${view.history.length ? view.round : f.round}) — step ${k + 1} of ${frames.length}`
      : `Start of round ${f.round} — step ${k + 1} of ${frames.length}`;
    prev.disabled = k === 0;
    next.disabled = last;
    renderStatus(status, world, view);
    renderMeters(meters, world, view);
    renderLog(logList, world, view);
    board?.show(boardModel(world, capitals, view), ALL_LAYERS);
    boardDesc.textContent = boardDescription(world, view);
    fill(
      extra,
      f.over
        ? h('details', null, h('summary', null, 'The outcome and scores'), endReport(world, view, f.finished))
        : null,
    );
  }

  show();
  heading.focus();
  void import('../board/index.ts').then(({ mountBoard }) => {
    if (!boardHost.isConnected) return;
    board = mountBoard(boardHost);
    show();
  });
}

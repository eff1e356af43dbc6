/**
 * Run in the page by tests/e2e/views.test.ts: plays a seeded game with computer seats, and renders every screen
 * that takes a seat's view twice, from the live view and from `JSON.parse(JSON.stringify(view))` (what a
 * classroom browser receives over the network), returning both HTML strings per screen for the test to compare.
 */
import { computerChooser, strategyById } from '../../../src/ai/index.ts';
import {
  ACTOR_VARS,
  findAction,
  playerView,
  roundDate,
  runGame,
  startGame,
} from '../../../src/engine/index.ts';
import type { GameState, PhaseInput, PlayerView, RecordedInput } from '../../../src/engine/index.ts';
import type { LoadedScenario } from '../../../src/scenario/index.ts';
import { finishedFromState, recordFrames } from '../../../src/session/index.ts';
import { lend, renderDebrief } from '../../../src/ui/debrief/index.ts';
import { VERIFICATION_LABELS, nameOf, prose } from '../../../src/ui/kit/text.ts';
import { renderControls } from '../../../src/ui/play/controls/index.ts';
import { causesByRound } from '../../../src/ui/play/summary.ts';
import { briefingPanel } from '../../../src/ui/play/briefing.ts';
import { panelElements, renderLog, renderMeters, renderStatus } from '../../../src/ui/play/panels.ts';
import { roundSummary, summaryNumbers } from '../../../src/ui/play/summary.ts';
import { endReport } from '../../../src/ui/screens/end.ts';

export interface Rendered {
  screen: string;
  live: string;
  plain: string;
}

const plainCopy = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** HTML with the generated ids (`uid`: "act-12") numbered by first appearance, so two renders compare. */
function normalised(el: Element): string {
  const html = el.outerHTML;
  const seen = new Map<string, string>();
  return html.replace(/\b([a-z]+(?:-[a-z]+)*)-(\d+)\b/g, (m, p: string) => {
    if (!seen.has(m)) seen.set(m, `${p}-#${seen.size}`);
    return seen.get(m)!;
  });
}

function panels(world: LoadedScenario['world'], view: PlayerView): HTMLElement {
  const { status, meters, logList } = panelElements();
  renderStatus(status, world, view);
  renderMeters(meters, world, view);
  renderLog(logList, world, view);
  const host = document.createElement('div');
  host.append(status, meters, logList);
  return host;
}

function controls(world: LoadedScenario['world'], view: PlayerView): HTMLElement {
  const host = document.createElement('section');
  renderControls(host, { world, view, submit: () => null });
  return host;
}

export async function renderAll(loaded: LoadedScenario, seed: string): Promise<Rendered[]> {
  const world = loaded.world;
  lend({ ACTOR_VARS, findAction, roundDate, nameOf, prose, VERIFICATION_LABELS, causesByRound });
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('reciprocal')]));
  const inputs: RecordedInput[] = [];
  // The state as each waiting phase opened (the first time per phase kind and round 1..2), and the end.
  const opened: GameState[] = [];
  const chooser = computerChooser(world, seed, seats);
  const final = runGame(
    world,
    startGame(world, seed),
    (s, actor, phase) => {
      if (s.round <= 2 && actor === world.actors[0]!.id) opened.push(plainCopy(s));
      return chooser(s, actor, phase);
    },
    (r) => inputs.push(r),
  );
  const me = world.actors[0]!.id;
  const out: Rendered[] = [];
  const both = (screen: string, view: PlayerView, render: (v: PlayerView) => Element): void => {
    out.push({ screen, live: normalised(render(view)), plain: normalised(render(plainCopy(view))) });
  };
  for (const s of opened) {
    const view = playerView(world, s, me);
    both(`panels, round ${s.round} ${s.phase}`, view, (v) => panels(world, v));
    both(`controls, round ${s.round} ${s.phase}`, view, (v) => controls(world, v));
    both(`briefing, round ${s.round} ${s.phase}`, view, (v) => {
      const host = document.createElement('div');
      host.append(...briefingPanel(loaded, me, 'b-h', v.actors.find((a) => a.id === me)!.leader));
      return host;
    });
  }
  // The summary of round 1, from the views before it committed and after it resolved.
  const before = opened.find((s) => s.round === 1 && s.phase === 'commitment');
  const after = opened.find((s) => s.round === 2);
  if (before && after) {
    const mine = inputs.find((r) => r.round === 1 && r.actor === me && r.input.phase === 'commitment')!
      .input as PhaseInput;
    const b = playerView(world, before, me);
    const a = playerView(world, after, me);
    out.push({
      screen: 'summary, round 1',
      live: normalised(summaryNumbers(roundSummary(world, b, a, mine))),
      plain: normalised(summaryNumbers(roundSummary(world, plainCopy(b), plainCopy(a), mine))),
    });
  }
  const endView = playerView(world, final, me);
  const finished = finishedFromState(world, final);
  both('panels, the end', endView, (v) => panels(world, v));
  both('end report', endView, (v) => endReport(world, v, plainCopy(finished)));
  both('debrief', endView, (v) => {
    const host = document.createElement('div');
    renderDebrief(host, world, v, plainCopy(finished));
    return host;
  });
  const frames = recordFrames(world, {
    engine: '',
    scenario: { id: world.id, hash: world.hash },
    seed,
    seats: {},
    inputs,
  } as never)!;
  const frame = frames[1]!;
  both('replay frame, round 2', frame.views[me]!, (v) => panels(world, v));
  both('replay frame, end', frames.at(-1)!.views[me]!, (v) => panels(world, v));
  return out;
}

/**
 * The opening screen: choose a scenario, your government and who plays the others (computer or, for a
 * hot-seat class game, a person), read the briefing, start; or continue, replay or share a saved game.
 */
import { DIFFICULTIES, STRATEGIES } from '../../ai/index.ts';
import type { Difficulty } from '../../ai/index.ts';
import { loadUserScenario } from '../kit/content.ts';
import type { Content, ScenarioEntry } from '../kit/content.ts';
import { fill, h, uid } from '../kit/dom.ts';
import { defaultStrategy } from '../play/session.ts';
import type { Session, SessionOptions } from '../play/session.ts';
import type { LoadedScenario } from '../../scenario/index.ts';
import { briefingPanel } from '../play/briefing.ts';
import { deleteSlot, download, listSlots, parseSave, resume, roundsPlayed } from '../records/saves.ts';
import type { SaveFile } from '../records/saves.ts';
import { SHARED_WHERE, shareControl } from '../records/share.ts';
import type { SharedGame } from '../records/share.ts';
import { replayFrames, replayable } from './replay.ts';
import type { Frame } from './replay.ts';
import { TUTORIAL_ID } from '../tutorial/index.ts';

export interface MenuChoice extends SessionOptions {
  loaded: LoadedScenario;
}

/** What the menu starts: a new game, a saved game continued, or a game replayed. */
export type MenuResult =
  | { kind: 'new'; choice: MenuChoice }
  | { kind: 'resume'; session: Session }
  | { kind: 'replay'; loaded: LoadedScenario; frames: Frame[]; title: string; save: SaveFile };

const randomSeed = (): string =>
  Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0');

export function renderMenu(
  root: HTMLElement,
  content: Content,
  onStart: (c: MenuResult) => void,
  /** A game opened from a shared link, offered at the top (or its problem said there). */
  shared: SharedGame | null = null,
): void {
  const playable = content.scenarios.filter((s): s is Extract<ScenarioEntry, { ok: true }> => s.ok);
  /** The tutorial: the shipped one where it is present with its coach, else the first scenario with a coach. */
  const tutorial =
    playable.find((s) => s.loaded.world.id === TUTORIAL_ID && s.loaded.scenario.coach) ??
    playable.find((s) => s.loaded.scenario.coach) ??
    null;
  // A tutorial, where there is one, is where a new player starts.
  let current = tutorial ?? playable[0] ?? null;
  let me = current?.loaded.world.actors[0]?.id ?? '';
  const strategies: Record<string, string> = {};
  /** Other governments played by a person on this device (hot-seat). */
  const humans = new Set<string>();
  let difficulty: Difficulty = 'normal';

  const scenarioList = h('div', {
    class: 'choice-list',
    role: 'radiogroup',
    'aria-labelledby': 'scenario-h',
  });
  const govList = h('div', { class: 'choice-list gov-list', role: 'radiogroup', 'aria-labelledby': 'gov-h' });
  const seats = h('div', { class: 'seats' });
  const briefing = h('section', { class: 'panel briefing', 'aria-labelledby': 'briefing-h' });
  const seedInput = h('input', {
    id: 'seed',
    type: 'text',
    value: randomSeed(),
    inputmode: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const startButton = h(
    'button',
    { type: 'button', class: 'primary big', onclick: () => start() },
    'Start the game',
  );

  // An instructor's own scenario: chosen with the file picker or dropped on the list, checked like `qpq check`.
  const fileProblems = h('div', { class: 'file-problems', 'aria-live': 'polite' });
  const fileInput = h('input', {
    id: 'scenario-file',
    type: 'file',
    accept: '.yaml,.yml,text/yaml',
    onchange: () => {
      const f = fileInput.files?.[0];
      if (f) void readScenarioFile(f);
    },
  }) as HTMLInputElement;
  const filePicker = h(
    'div',
    { class: 'file-picker' },
    h('label', { for: 'scenario-file' }, 'Load your own scenario file (.yaml), or drop it on this list'),
    fileInput,
    fileProblems,
  );

  async function readScenarioFile(f: File): Promise<void> {
    const text = await f.text().catch(() => '\u0000');
    const entry = await loadUserScenario(content, f.name, text);
    if (!entry.ok) {
      fill(
        fileProblems,
        h(
          'p',
          { role: 'alert' },
          `${f.name} cannot be played. ${entry.problems.length === 1 ? 'One problem' : `${entry.problems.length} problems`}:`,
        ),
        h(
          'ul',
          { class: 'problems' },
          entry.problems.map((p) => h('li', null, p)),
        ),
      );
      return;
    }
    fill(
      fileProblems,
      h('p', { role: 'status' }, `${f.name} is valid: “${entry.loaded.scenario.title}” is selected.`),
    );
    content.scenarios = [...content.scenarios.filter((s) => s.file !== entry.file), entry];
    playable.push(entry);
    selectScenario(entry);
  }

  scenarioList.addEventListener('dragover', (e) => e.preventDefault());
  scenarioList.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files[0];
    if (f) void readScenarioFile(f);
  });

  // Saved games: each slot can be continued, replayed, downloaded or deleted; a damaged one says what is wrong.
  const saves = h('section', { class: 'saves', 'aria-labelledby': 'saves-h' });
  const savesMsg = h('div', { class: 'file-problems', 'aria-live': 'polite' });
  const recordInput = h('input', {
    id: 'record-file',
    type: 'file',
    accept: '.json,application/json',
    onchange: () => {
      const f = recordInput.files?.[0];
      if (f) void readRecordFile(f);
    },
  }) as HTMLInputElement;

  /** Shows a problem beside the slot or file it is about. */
  function problem(text: string, into: HTMLElement): void {
    fill(into, h('p', { role: 'alert', class: 'error' }, text));
    into.scrollIntoView({ block: 'nearest' });
  }

  function continueGame(save: SaveFile, loaded: LoadedScenario, where: string, msg: HTMLElement): void {
    const r = resume(save, loaded, where);
    if (!r.ok) return problem(r.problem, msg);
    onStart({ kind: 'resume', session: r.session });
  }

  function replayGame(save: SaveFile, loaded: LoadedScenario, where: string, msg: HTMLElement): void {
    try {
      onStart({ kind: 'replay', loaded, frames: replayFrames(loaded, save), title: save.title, save });
    } catch (e) {
      problem(`${where} cannot be replayed: ${(e as Error).message}`, msg);
    }
  }

  // The saved games sit below the scenarios; a link in the header jumps there.
  const savesLink = h(
    'a',
    {
      href: '#saves-h',
      class: 'saves-link',
      onclick: (e: Event) => {
        e.preventDefault();
        const target = saves.querySelector<HTMLElement>('#saves-h');
        target?.scrollIntoView({ block: 'start' });
        target?.focus();
      },
    },
    'Saved games',
  );

  async function readRecordFile(f: File): Promise<void> {
    const text = await f.text().catch(() => '');
    const where = `The file ${f.name}`;
    const r = parseSave(text, content, where);
    if (!r.ok) return problem(r.problem, savesMsg);
    offer(r.save, r.loaded, f.name, where, savesMsg);
  }

  /** A checked save from a file or a link: continue it or watch its replay. */
  function offer(
    save: SaveFile,
    loaded: LoadedScenario,
    name: string,
    where: string,
    into: HTMLElement,
    intro = `${name}: `,
  ): void {
    fill(
      into,
      h('p', { role: 'status' }, `${intro}“${save.title}” on ${loaded.world.title}.`),
      h(
        'div',
        { class: 'slot-actions' },
        h(
          'button',
          { type: 'button', onclick: () => continueGame(save, loaded, where, into) },
          `Continue ${name}`,
        ),
        // Only a finished game is replayed: a replay shows every government's secrets.
        replayable(loaded, save)
          ? h(
              'button',
              { type: 'button', onclick: () => replayGame(save, loaded, where, into) },
              `Replay ${name}`,
            )
          : null,
      ),
    );
  }

  // A shared link: offered above everything else, or its problem said there; nothing saved is touched.
  const sharedBox = h('div', { class: 'file-problems shared-game', 'aria-live': 'polite' });
  if (shared?.ok) {
    const rounds = roundsPlayed(shared.save);
    offer(
      shared.save,
      shared.loaded,
      'the shared game',
      SHARED_WHERE,
      sharedBox,
      `A game shared with you (${rounds === 1 ? '1 round' : `${rounds} rounds`} played): `,
    );
  } else if (shared) fill(sharedBox, h('p', { role: 'alert', class: 'error' }, shared.problem));
  sharedBox.hidden = !shared;

  function renderSaves(): void {
    const slots = listSlots(content);
    savesLink.textContent = `Saved games (${slots.length})`;
    savesLink.hidden = slots.length === 0;
    fill(
      saves,
      h('h2', { id: 'saves-h', tabindex: '-1' }, 'Saved games'),
      slots.length === 0
        ? h('p', { class: 'hint' }, 'No saved game yet. Save from the game’s top bar.')
        : null,
      h(
        'ul',
        { class: 'slot-list' },
        slots.map((slot) => {
          const where = `The save “${slot.name}”`;
          const msg = h('div', { class: 'slot-msg' });
          const hid = uid('slot');
          const del = h(
            'button',
            {
              type: 'button',
              class: 'small quiet',
              'aria-label': `Delete “${slot.name}”`,
              onclick: () => {
                if (window.confirm(`Delete the save “${slot.name}”?`)) {
                  deleteSlot(slot.key);
                  renderSaves();
                  saves.querySelector<HTMLElement>('#saves-h')?.focus();
                }
              },
            },
            'Delete',
          );
          if (!slot.save)
            return h(
              'li',
              { class: 'slot broken', 'aria-labelledby': hid },
              h('strong', { id: hid }, slot.name),
              h('p', { class: 'error' }, slot.problem),
              h('div', { class: 'slot-actions' }, del),
            );
          const save = slot.save;
          const entry = content.scenarios.find((e) => e.ok && e.loaded.world.id === save.record.scenario.id);
          const loaded = entry?.ok ? entry.loaded : null;
          const played = roundsPlayed(save);
          return h(
            'li',
            { class: 'slot', 'aria-labelledby': hid },
            h('strong', { id: hid }, slot.name),
            h(
              'span',
              { class: 'period' },
              `${loaded?.world.title ?? save.record.scenario.id} · ${played === 1 ? '1 round' : `${played} rounds`} played · ${save.savedAt ? new Date(save.savedAt).toLocaleString() : ''}`,
            ),
            h(
              'div',
              { class: 'slot-actions' },
              loaded
                ? [
                    h(
                      'button',
                      {
                        type: 'button',
                        class: 'small',
                        'aria-label': `Continue “${slot.name}”`,
                        onclick: () => continueGame(save, loaded, where, msg),
                      },
                      'Continue',
                    ),
                    // Only a finished game is replayed: a replay shows every government's secrets.
                    replayable(loaded, save)
                      ? h(
                          'button',
                          {
                            type: 'button',
                            class: 'small',
                            'aria-label': `Replay “${slot.name}”`,
                            onclick: () => replayGame(save, loaded, where, msg),
                          },
                          'Replay',
                        )
                      : null,
                  ]
                : null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'small',
                  'aria-label': `Download “${slot.name}”`,
                  onclick: () => download(save),
                },
                'Download',
              ),
              shareControl(() => save, {
                class: 'small',
                label: `Copy link to “${slot.name}”`,
                text: 'Copy link',
              }),
              del,
            ),
            msg,
          );
        }),
      ),
      h(
        'div',
        { class: 'file-picker' },
        h('label', { for: 'record-file' }, 'Load a game record file (.json)'),
        recordInput,
      ),
      savesMsg,
    );
  }

  function start(): void {
    if (!current) return;
    const seed = seedInput.value.trim() || randomSeed();
    const others = current.loaded.world.actors.map((a) => a.id).filter((a) => a !== me && humans.has(a));
    onStart({
      kind: 'new',
      choice: { loaded: current.loaded, humans: [me, ...others], seed, strategies: { ...strategies } },
    });
  }

  /**
   * The tutorial, seated as its coach says (or as its first government), on the coach's seed where it gives one:
   * the same dice for everyone, so its first rounds can be compared (and tested).
   */
  function startTutorial(): void {
    if (!tutorial) return;
    const coach = tutorial.loaded.scenario.coach;
    const actors = tutorial.loaded.world.actors.map((a) => a.id);
    const seat = coach?.seat && actors.includes(coach.seat) ? coach.seat : actors[0]!;
    const seed = coach?.seed ?? randomSeed();
    onStart({ kind: 'new', choice: { loaded: tutorial.loaded, humans: [seat], seed } });
  }
  const tutorialEntry = tutorial
    ? h(
        'div',
        { class: 'tutorial-entry' },
        h(
          'button',
          { type: 'button', class: 'primary', onclick: () => startTutorial() },
          'Play the tutorial',
        ),
        h('span', { class: 'hint' }, `New here? ${tutorial.loaded.scenario.coach!.invitation.trim()}`),
      )
    : null;

  function renderScenarios(): void {
    fill(
      scenarioList,
      content.scenarios.map((s) => {
        if (!s.ok)
          return h(
            'div',
            { class: 'choice broken' },
            h('strong', null, `${s.file} cannot be played`),
            h(
              'ul',
              { class: 'problems' },
              s.problems.slice(0, 6).map((p) => h('li', null, p)),
            ),
          );
        const sc = s.loaded.scenario;
        const id = uid('scn');
        return h(
          'label',
          { class: `choice${s === current ? ' selected' : ''}`, for: id },
          h('input', {
            type: 'radio',
            name: 'scenario',
            id,
            checked: s === current,
            onchange: () => selectScenario(s),
          }),
          h(
            'span',
            { class: 'choice-body' },
            h('strong', { class: 'choice-title' }, sc.title),
            h('span', { class: 'period' }, sc.period),
            s === current ? h('span', { class: 'summary' }, sc.summary.trim()) : null,
          ),
        );
      }),
      content.catalogueProblems.length
        ? h(
            'ul',
            { class: 'problems' },
            content.catalogueProblems.map((p) => h('li', null, p)),
          )
        : null,
      playable.length === 0
        ? h(
            'p',
            { role: 'alert' },
            'No scenario can be played: every scenario file has problems (listed above).',
          )
        : null,
    );
  }

  function selectScenario(s: Extract<ScenarioEntry, { ok: true }>): void {
    current = s;
    if (!s.loaded.world.actors.some((a) => a.id === me)) me = s.loaded.world.actors[0]!.id;
    renderScenarios();
    renderGovs();
    // Re-rendering the list must not take the keyboard focus away from it.
    scenarioList.querySelector<HTMLInputElement>('input:checked')?.focus();
  }

  function renderGovs(): void {
    if (!current) return;
    const sc = current.loaded.scenario;
    fill(
      govList,
      current.loaded.world.actors.map((a) => {
        const id = uid('gov');
        const def = sc.actors[a.id]!;
        return h(
          'label',
          { class: `choice compact${a.id === me ? ' selected' : ''}`, for: id },
          h('input', {
            type: 'radio',
            name: 'government',
            id,
            value: a.id,
            checked: a.id === me,
            onchange: () => {
              me = a.id;
              humans.delete(a.id);
              renderGovs();
              govList.querySelector<HTMLInputElement>('input:checked')?.focus();
            },
          }),
          h(
            'span',
            { class: 'choice-body' },
            h('strong', { class: 'choice-title' }, a.name),
            h('span', { class: 'period' }, `${def.leader.name} · ${def.capital}`),
          ),
        );
      }),
    );
    const loaded = current.loaded;
    const strategyOf = (id: string): string => strategies[id] ?? defaultStrategy(loaded, id);
    const difficultyId = uid('difficulty');
    fill(
      seats,
      h(
        'div',
        { class: 'seat difficulty' },
        h('label', { for: difficultyId }, 'Difficulty'),
        h(
          'select',
          {
            id: difficultyId,
            onchange: (e: Event) => {
              const d = DIFFICULTIES[(e.target as HTMLSelectElement).value as Difficulty];
              for (const a of loaded.world.actors) if (a.id !== me) strategies[a.id] = d.strategy;
              difficulty = (e.target as HTMLSelectElement).value as Difficulty;
              renderGovs();
              seats.querySelector<HTMLSelectElement>(`#${difficultyId}`)?.focus();
            },
          },
          Object.entries(DIFFICULTIES).map(([k, d]) =>
            h('option', { value: k, selected: k === difficulty }, d.label),
          ),
        ),
      ),
      h(
        'p',
        { class: 'hint' },
        'The other governments are run by the computer, or tick “Person” for a classmate to play one on this device (hot-seat):',
      ),
      loaded.world.actors
        .filter((a) => a.id !== me)
        .map((a) => {
          const id = uid('seat');
          const cid = uid('human');
          const human = humans.has(a.id);
          return h(
            'div',
            { class: 'seat' },
            h('label', { for: id }, a.name),
            h(
              'select',
              {
                id,
                disabled: human,
                onchange: (e: Event) => (strategies[a.id] = (e.target as HTMLSelectElement).value),
              },
              Object.values(STRATEGIES)
                .filter((s) => s.id !== 'reciprocal')
                .map((s) =>
                  h(
                    'option',
                    {
                      value: s.id,
                      selected:
                        strategyOf(a.id) === s.id ||
                        (strategyOf(a.id) === 'reciprocal' && s.id === 'tit-for-tat'),
                    },
                    s.name,
                  ),
                ),
            ),
            h(
              'label',
              { class: 'human', for: cid },
              h('input', {
                type: 'checkbox',
                id: cid,
                checked: human,
                'aria-label': `${a.name} is played by a person`,
                onchange: (e: Event) => {
                  if ((e.target as HTMLInputElement).checked) humans.add(a.id);
                  else humans.delete(a.id);
                  renderGovs();
                  seats.querySelector<HTMLInputElement>(`#${cid}`)?.focus();
                },
              }),
              ' Person',
            ),
          );
        }),
    );
    renderBriefing();
  }

  function renderBriefing(): void {
    if (!current) return;
    const others = current.loaded.world.actors.filter((a) => a.id !== me && humans.has(a.id));
    if (others.length === 0) {
      fill(briefing, briefingPanel(current.loaded, me, 'briefing-h'));
      return;
    }
    // Hot-seat: nobody reads another's private briefing at setup; each reads their own after the hand-over.
    const players = [current.loaded.world.actors.find((a) => a.id === me)!, ...others];
    fill(
      briefing,
      h('h2', { id: 'briefing-h' }, `Hot-seat game: ${players.length} players`),
      h(
        'p',
        null,
        `${players.map((a) => a.name).join(', ')} are played by people taking turns on this device. `,
        'Before each turn the game asks to pass the device on and hides everything of the previous player’s. ',
        'Each player reads their own briefing at their first turn.',
      ),
    );
  }

  fill(
    root,
    h(
      'div',
      { class: 'menu' },
      h(
        'header',
        { class: 'menu-head' },
        h('h1', null, 'Quid Pro Quo'),
        h(
          'p',
          { class: 'tagline' },
          'Diplomacy on the Korean peninsula: trade “I do X if you do Y”, decide in secret whether to keep your word, and live with what the others see you do.',
        ),
        tutorialEntry,
        savesLink,
        h(
          'p',
          { class: 'classroom-links' },
          h('a', { href: '?teach' }, 'Run a classroom session'),
          ' · ',
          h('a', { href: '?join' }, 'Join a class with a code'),
        ),
        sharedBox,
      ),
      h(
        'main',
        { class: 'menu-grid' },
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'scenario-h' },
          h('h2', { id: 'scenario-h' }, '1. Scenario'),
          scenarioList,
          filePicker,
          saves,
          howToPlay(),
        ),
        h(
          'section',
          { class: 'panel', 'aria-labelledby': 'gov-h' },
          h('h2', { id: 'gov-h' }, '2. Your government'),
          govList,
          seats,
          h(
            'div',
            { class: 'seed-row' },
            h('label', { for: 'seed' }, 'Seed'),
            seedInput,
            h('span', { class: 'hint' }, 'Same seed and choices, same game.'),
          ),
          startButton,
        ),
        briefing,
      ),
    ),
  );
  renderScenarios();
  renderGovs();
  renderSaves();
  if (!current) startButton.disabled = true;
}

function howToPlay(): HTMLElement {
  return h(
    'section',
    { class: 'how', 'aria-labelledby': 'how-h' },
    h('h3', { id: 'how-h' }, 'How a round works'),
    h(
      'ol',
      null,
      h(
        'li',
        null,
        h('strong', null, 'Propose: '),
        'offer deals — what you will do, what you want in return, how it is verified, in how many steps.',
      ),
      h('li', null, h('strong', null, 'Answer: '), 'accept or reject the offers made to you.'),
      h(
        'li',
        null,
        h('strong', null, 'Commit: '),
        'in secret, honour or renege on each deal’s step, and take up to two actions of your own.',
      ),
    ),
    h(
      'p',
      null,
      'Then everything is revealed at once — but you see others’ compliance only as well as the deal’s verification allows. Each round is a quarter of a year.',
    ),
  );
}

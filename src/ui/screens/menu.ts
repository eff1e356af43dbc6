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

type Playable = Extract<ScenarioEntry, { ok: true }>;

/** What the menu's parts share: the content, the choices made so far, and the elements they fill. */
interface MenuCtx {
  readonly content: Content;
  readonly onStart: (c: MenuResult) => void;
  readonly playable: Playable[];
  /** The tutorial: the shipped one where it is present with its coach, else the first scenario with a coach. */
  readonly tutorial: Playable | null;
  current: Playable | null;
  me: string;
  readonly strategies: Record<string, string>;
  /** Other governments played by a person on this device (hot-seat). */
  readonly humans: Set<string>;
  difficulty: Difficulty;
  readonly scenarioList: HTMLElement;
  readonly govList: HTMLElement;
  readonly seats: HTMLElement;
  readonly briefing: HTMLElement;
  readonly seedInput: HTMLInputElement;
  readonly startButton: HTMLButtonElement;
  readonly fileProblems: HTMLElement;
  readonly saves: HTMLElement;
  readonly savesMsg: HTMLElement;
  readonly recordInput: HTMLInputElement;
  readonly savesLink: HTMLElement;
}

export function renderMenu(
  root: HTMLElement,
  content: Content,
  onStart: (c: MenuResult) => void,
  /** A game opened from a shared link, offered at the top (or its problem said there). */
  shared: SharedGame | null = null,
): void {
  const playable = content.scenarios.filter((s): s is Playable => s.ok);
  const tutorial =
    playable.find((s) => s.loaded.world.id === TUTORIAL_ID && s.loaded.scenario.coach) ??
    playable.find((s) => s.loaded.scenario.coach) ??
    null;
  // A tutorial, where there is one, is where a new player starts.
  const current = tutorial ?? playable[0] ?? null;
  // Saved games: each slot can be continued, replayed, downloaded or deleted; a damaged one says what is wrong.
  const saves = h('section', { class: 'saves', 'aria-labelledby': 'saves-h' });
  const m: MenuCtx = {
    content,
    onStart,
    playable,
    tutorial,
    current,
    me: current?.loaded.world.actors[0]?.id ?? '',
    strategies: {},
    humans: new Set<string>(),
    difficulty: 'normal',
    scenarioList: h('div', {
      class: 'choice-list',
      role: 'radiogroup',
      'aria-labelledby': 'scenario-h',
    }),
    govList: h('div', { class: 'choice-list gov-list', role: 'radiogroup', 'aria-labelledby': 'gov-h' }),
    seats: h('div', { class: 'seats' }),
    briefing: h('section', { class: 'panel briefing', 'aria-labelledby': 'briefing-h' }),
    seedInput: h('input', {
      id: 'seed',
      type: 'text',
      value: randomSeed(),
      inputmode: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
    }),
    startButton: h(
      'button',
      { type: 'button', class: 'primary big', onclick: () => start(m) },
      'Start the game',
    ),
    fileProblems: h('div', { class: 'file-problems', 'aria-live': 'polite' }),
    saves,
    savesMsg: h('div', { class: 'file-problems', 'aria-live': 'polite' }),
    recordInput: h('input', {
      id: 'record-file',
      type: 'file',
      accept: '.json,application/json',
      onchange: () => {
        const f = m.recordInput.files?.[0];
        if (f) void readRecordFile(m, f);
      },
    }) as HTMLInputElement,
    savesLink: savesLinkTo(saves),
  };
  const filePicker = scenarioFilePicker(m);
  m.scenarioList.addEventListener('dragover', (e) => e.preventDefault());
  m.scenarioList.addEventListener('drop', (e) => {
    e.preventDefault();
    const f = e.dataTransfer?.files[0];
    if (f) void readScenarioFile(m, f);
  });
  fill(
    root,
    menuPage(m, { sharedBox: sharedGameBox(m, shared), tutorialEntry: tutorialEntry(m), filePicker }),
  );
  renderScenarios(m);
  renderGovs(m);
  renderSaves(m);
  if (!m.current) m.startButton.disabled = true;
}

/** An instructor's own scenario: chosen with the file picker or dropped on the list, checked like `qpq check`. */
function scenarioFilePicker(m: MenuCtx): HTMLElement {
  const fileInput = h('input', {
    id: 'scenario-file',
    type: 'file',
    accept: '.yaml,.yml,text/yaml',
    onchange: () => {
      const f = fileInput.files?.[0];
      if (f) void readScenarioFile(m, f);
    },
  }) as HTMLInputElement;
  return h(
    'div',
    { class: 'file-picker' },
    h('label', { for: 'scenario-file' }, 'Load your own scenario file (.yaml), or drop it on this list'),
    fileInput,
    m.fileProblems,
  );
}

/** The saved games sit below the scenarios; a link in the header jumps there. */
function savesLinkTo(saves: HTMLElement): HTMLElement {
  return h(
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
}

/** A shared link: offered above everything else, or its problem said there; nothing saved is touched. */
function sharedGameBox(m: MenuCtx, shared: SharedGame | null): HTMLElement {
  const sharedBox = h('div', { class: 'file-problems shared-game', 'aria-live': 'polite' });
  if (shared?.ok) {
    const rounds = roundsPlayed(shared.save);
    offer(
      m,
      shared.save,
      shared.loaded,
      'the shared game',
      SHARED_WHERE,
      sharedBox,
      `A game shared with you (${rounds === 1 ? '1 round' : `${rounds} rounds`} played): `,
    );
  } else if (shared) fill(sharedBox, h('p', { role: 'alert', class: 'error' }, shared.problem));
  sharedBox.hidden = !shared;
  return sharedBox;
}

/** The header's invitation to play the tutorial, where there is one. */
function tutorialEntry(m: MenuCtx): HTMLElement | null {
  const tutorial = m.tutorial;
  return tutorial
    ? h(
        'div',
        { class: 'tutorial-entry' },
        h(
          'button',
          { type: 'button', class: 'primary', onclick: () => startTutorial(m) },
          'Play the tutorial',
        ),
        h('span', { class: 'hint' }, `New here? ${tutorial.loaded.scenario.coach!.invitation.trim()}`),
      )
    : null;
}

/** The menu's page: its header, then the scenario, government and briefing columns. */
function menuPage(
  m: MenuCtx,
  parts: { sharedBox: HTMLElement; tutorialEntry: HTMLElement | null; filePicker: HTMLElement },
): HTMLElement {
  return h(
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
      parts.tutorialEntry,
      m.savesLink,
      h(
        'p',
        { class: 'classroom-links' },
        h('a', { href: '?teach' }, 'Run a classroom session'),
        ' · ',
        h('a', { href: '?join' }, 'Join a class with a code'),
      ),
      parts.sharedBox,
    ),
    h(
      'main',
      { class: 'menu-grid' },
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'scenario-h' },
        h('h2', { id: 'scenario-h' }, '1. Scenario'),
        m.scenarioList,
        parts.filePicker,
        m.saves,
        howToPlay(),
      ),
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'gov-h' },
        h('h2', { id: 'gov-h' }, '2. Your government'),
        m.govList,
        m.seats,
        h(
          'div',
          { class: 'seed-row' },
          h('label', { for: 'seed' }, 'Seed'),
          m.seedInput,
          h('span', { class: 'hint' }, 'Same seed and choices, same game.'),
        ),
        m.startButton,
      ),
      m.briefing,
    ),
  );
}

async function readScenarioFile(m: MenuCtx, f: File): Promise<void> {
  const text = await f.text().catch(() => '\u0000');
  const entry = await loadUserScenario(m.content, f.name, text);
  if (!entry.ok) {
    fill(
      m.fileProblems,
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
    m.fileProblems,
    h('p', { role: 'status' }, `${f.name} is valid: “${entry.loaded.scenario.title}” is selected.`),
  );
  m.content.scenarios = [...m.content.scenarios.filter((s) => s.file !== entry.file), entry];
  m.playable.push(entry);
  selectScenario(m, entry);
}

/** Shows a problem beside the slot or file it is about. */
function problem(text: string, into: HTMLElement): void {
  fill(into, h('p', { role: 'alert', class: 'error' }, text));
  into.scrollIntoView({ block: 'nearest' });
}

function continueGame(
  m: MenuCtx,
  save: SaveFile,
  loaded: LoadedScenario,
  where: string,
  msg: HTMLElement,
): void {
  const r = resume(save, loaded, where);
  if (!r.ok) return problem(r.problem, msg);
  m.onStart({ kind: 'resume', session: r.session });
}

function replayGame(
  m: MenuCtx,
  save: SaveFile,
  loaded: LoadedScenario,
  where: string,
  msg: HTMLElement,
): void {
  try {
    m.onStart({ kind: 'replay', loaded, frames: replayFrames(loaded, save), title: save.title, save });
  } catch (e) {
    problem(`${where} cannot be replayed: ${(e as Error).message}`, msg);
  }
}

async function readRecordFile(m: MenuCtx, f: File): Promise<void> {
  const text = await f.text().catch(() => '');
  const where = `The file ${f.name}`;
  const r = parseSave(text, m.content, where);
  if (!r.ok) return problem(r.problem, m.savesMsg);
  offer(m, r.save, r.loaded, f.name, where, m.savesMsg);
}

/** A checked save from a file or a link: continue it or watch its replay. */
function offer(
  m: MenuCtx,
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
        { type: 'button', onclick: () => continueGame(m, save, loaded, where, into) },
        `Continue ${name}`,
      ),
      // Only a finished game is replayed: a replay shows every government's secrets.
      replayable(loaded, save)
        ? h(
            'button',
            { type: 'button', onclick: () => replayGame(m, save, loaded, where, into) },
            `Replay ${name}`,
          )
        : null,
    ),
  );
}

function renderSaves(m: MenuCtx): void {
  const slots = listSlots(m.content);
  m.savesLink.textContent = `Saved games (${slots.length})`;
  m.savesLink.hidden = slots.length === 0;
  fill(
    m.saves,
    h('h2', { id: 'saves-h', tabindex: '-1' }, 'Saved games'),
    slots.length === 0 ? h('p', { class: 'hint' }, 'No saved game yet. Save from the game’s top bar.') : null,
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
                renderSaves(m);
                m.saves.querySelector<HTMLElement>('#saves-h')?.focus();
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
        const entry = m.content.scenarios.find((e) => e.ok && e.loaded.world.id === save.record.scenario.id);
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
                      onclick: () => continueGame(m, save, loaded, where, msg),
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
                          onclick: () => replayGame(m, save, loaded, where, msg),
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
      m.recordInput,
    ),
    m.savesMsg,
  );
}

function start(m: MenuCtx): void {
  if (!m.current) return;
  const seed = m.seedInput.value.trim() || randomSeed();
  const others = m.current.loaded.world.actors.map((a) => a.id).filter((a) => a !== m.me && m.humans.has(a));
  m.onStart({
    kind: 'new',
    choice: { loaded: m.current.loaded, humans: [m.me, ...others], seed, strategies: { ...m.strategies } },
  });
}

/**
 * The tutorial, seated as its coach says (or as its first government), on the coach's seed where it gives one:
 * the same dice for everyone, so its first rounds can be compared (and tested).
 */
function startTutorial(m: MenuCtx): void {
  if (!m.tutorial) return;
  const coach = m.tutorial.loaded.scenario.coach;
  const actors = m.tutorial.loaded.world.actors.map((a) => a.id);
  const seat = coach?.seat && actors.includes(coach.seat) ? coach.seat : actors[0]!;
  const seed = coach?.seed ?? randomSeed();
  m.onStart({ kind: 'new', choice: { loaded: m.tutorial.loaded, humans: [seat], seed } });
}

function renderScenarios(m: MenuCtx): void {
  fill(
    m.scenarioList,
    m.content.scenarios.map((s) => {
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
        { class: `choice${s === m.current ? ' selected' : ''}`, for: id },
        h('input', {
          type: 'radio',
          name: 'scenario',
          id,
          checked: s === m.current,
          onchange: () => selectScenario(m, s),
        }),
        h(
          'span',
          { class: 'choice-body' },
          h('strong', { class: 'choice-title' }, sc.title),
          h('span', { class: 'period' }, sc.period),
          s === m.current ? h('span', { class: 'summary' }, sc.summary.trim()) : null,
        ),
      );
    }),
    m.content.catalogueProblems.length
      ? h(
          'ul',
          { class: 'problems' },
          m.content.catalogueProblems.map((p) => h('li', null, p)),
        )
      : null,
    m.playable.length === 0
      ? h(
          'p',
          { role: 'alert' },
          'No scenario can be played: every scenario file has problems (listed above).',
        )
      : null,
  );
}

function selectScenario(m: MenuCtx, s: Extract<ScenarioEntry, { ok: true }>): void {
  m.current = s;
  if (!s.loaded.world.actors.some((a) => a.id === m.me)) m.me = s.loaded.world.actors[0]!.id;
  renderScenarios(m);
  renderGovs(m);
  // Re-rendering the list must not take the keyboard focus away from it.
  m.scenarioList.querySelector<HTMLInputElement>('input:checked')?.focus();
}

function renderGovs(m: MenuCtx): void {
  if (!m.current) return;
  const sc = m.current.loaded.scenario;
  fill(
    m.govList,
    m.current.loaded.world.actors.map((a) => {
      const id = uid('gov');
      const def = sc.actors[a.id]!;
      return h(
        'label',
        { class: `choice compact${a.id === m.me ? ' selected' : ''}`, for: id },
        h('input', {
          type: 'radio',
          name: 'government',
          id,
          value: a.id,
          checked: a.id === m.me,
          onchange: () => {
            m.me = a.id;
            m.humans.delete(a.id);
            renderGovs(m);
            m.govList.querySelector<HTMLInputElement>('input:checked')?.focus();
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
  const loaded = m.current.loaded;
  const strategyOf = (id: string): string => m.strategies[id] ?? defaultStrategy(loaded, id);
  const difficultyId = uid('difficulty');
  fill(
    m.seats,
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
            for (const a of loaded.world.actors) if (a.id !== m.me) m.strategies[a.id] = d.strategy;
            m.difficulty = (e.target as HTMLSelectElement).value as Difficulty;
            renderGovs(m);
            m.seats.querySelector<HTMLSelectElement>(`#${difficultyId}`)?.focus();
          },
        },
        Object.entries(DIFFICULTIES).map(([k, d]) =>
          h('option', { value: k, selected: k === m.difficulty }, d.label),
        ),
      ),
    ),
    h(
      'p',
      { class: 'hint' },
      'The other governments are run by the computer, or tick “Person” for a classmate to play one on this device (hot-seat):',
    ),
    loaded.world.actors
      .filter((a) => a.id !== m.me)
      .map((a) => {
        const id = uid('seat');
        const cid = uid('human');
        const human = m.humans.has(a.id);
        return h(
          'div',
          { class: 'seat' },
          h('label', { for: id }, a.name),
          h(
            'select',
            {
              id,
              disabled: human,
              onchange: (e: Event) => (m.strategies[a.id] = (e.target as HTMLSelectElement).value),
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
                if ((e.target as HTMLInputElement).checked) m.humans.add(a.id);
                else m.humans.delete(a.id);
                renderGovs(m);
                m.seats.querySelector<HTMLInputElement>(`#${cid}`)?.focus();
              },
            }),
            ' Person',
          ),
        );
      }),
  );
  renderBriefing(m);
}

function renderBriefing(m: MenuCtx): void {
  if (!m.current) return;
  const others = m.current.loaded.world.actors.filter((a) => a.id !== m.me && m.humans.has(a.id));
  if (others.length === 0) {
    fill(m.briefing, briefingPanel(m.current.loaded, m.me, 'briefing-h'));
    return;
  }
  // Hot-seat: nobody reads another's private briefing at setup; each reads their own after the hand-over.
  const players = [m.current.loaded.world.actors.find((a) => a.id === m.me)!, ...others];
  fill(
    m.briefing,
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

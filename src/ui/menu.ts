/** The opening screen: choose a scenario and a government, read the briefing, start. */
import { DIFFICULTIES, STRATEGIES } from '../ai/index.ts';
import type { Difficulty } from '../ai/index.ts';
import { loadUserScenario } from './content.ts';
import type { Content, ScenarioEntry } from './content.ts';
import { fill, h, uid } from './dom.ts';
import { defaultStrategy } from './session.ts';
import type { SessionOptions } from './session.ts';
import type { LoadedScenario } from '../scenario/index.ts';

export interface MenuChoice extends SessionOptions {
  loaded: LoadedScenario;
}

const randomSeed = (): string =>
  Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, '0');

export function renderMenu(root: HTMLElement, content: Content, onStart: (c: MenuChoice) => void): void {
  const playable = content.scenarios.filter((s): s is Extract<ScenarioEntry, { ok: true }> => s.ok);
  // A tutorial, where there is one, is where a new player starts.
  let current = playable.find((s) => /tutorial/i.test(s.loaded.world.id)) ?? playable[0] ?? null;
  let me = current?.loaded.world.actors[0]?.id ?? '';
  const strategies: Record<string, string> = {};
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
    const entry = loadUserScenario(content, f.name, text);
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

  function start(): void {
    if (!current) return;
    const seed = seedInput.value.trim() || randomSeed();
    onStart({ loaded: current.loaded, me, seed, strategies: { ...strategies } });
  }

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
      h('p', { class: 'hint' }, 'The other governments are run by the computer:'),
      loaded.world.actors
        .filter((a) => a.id !== me)
        .map((a) => {
          const id = uid('seat');
          return h(
            'div',
            { class: 'seat' },
            h('label', { for: id }, a.name),
            h(
              'select',
              { id, onchange: (e: Event) => (strategies[a.id] = (e.target as HTMLSelectElement).value) },
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
          );
        }),
    );
    renderBriefing();
  }

  function renderBriefing(): void {
    if (!current) return;
    const def = current.loaded.scenario.actors[me]!;
    const actor = current.loaded.world.actors.find((a) => a.id === me)!;
    fill(
      briefing,
      h('h2', { id: 'briefing-h' }, `Your briefing: ${def.name}`),
      h('p', { class: 'leader' }, `You are ${def.leader.name}'s government in ${def.capital}.`),
      h('h3', null, 'Public role'),
      h('p', null, def.briefing.public.trim()),
      h('h3', null, 'For your eyes only'),
      h('p', { class: 'private' }, def.briefing.private.trim()),
      h('h3', null, 'You are scored on'),
      h(
        'ul',
        { class: 'objectives' },
        actor.objectives.map((o) =>
          h(
            'li',
            null,
            `${o.label} `,
            h('span', { class: 'weight', title: 'Relative weight in your final score' }, `×${o.weight}`),
          ),
        ),
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

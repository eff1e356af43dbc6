/**
 * The computer players' explanations, round by round: every input a computer seat made carries a sentence
 * or more on why. Filters by government, round and phase, and a search for a word ("mediat", "provoked").
 */
import type { GameRecord, LogEntry, World } from '../../engine/index.ts';
import { fill, h, uid } from '../kit/dom.ts';
import { K } from './kit.ts';
import { logText } from '../../text/index.ts';
import { PHASE_WORDS, explanations } from './data.ts';
import type { Explanation } from './data.ts';

/** What set the scene in a round: events, elections, changes of leader, crises and clashes. */
const SCENE: readonly LogEntry['kind'][] = ['event', 'election', 'leader', 'hardline', 'crisis', 'clash'];

/** One explanation: the government, the phase, and its sentences. */
const row = (world: World, e: Explanation): HTMLElement =>
  h(
    'tr',
    null,
    h('th', { scope: 'row' }, K.nameOf(world, e.actor)),
    h('td', null, PHASE_WORDS[e.phase]),
    h(
      'td',
      null,
      e.sentences.length === 1
        ? e.sentences[0]!
        : h(
            'ul',
            null,
            e.sentences.map((s) => h('li', null, s)),
          ),
    ),
  );

/** What set the scene of round `r`, from the log, or null when nothing did. */
function scene(world: World, log: readonly LogEntry[], r: number): HTMLElement | null {
  const lines = log.filter((e) => e.round === r && SCENE.includes(e.kind));
  return lines.length
    ? h(
        'p',
        { class: 'why-scene' },
        h('strong', null, 'That round: '),
        lines.map((e) => logText(e, { world })).join(' '),
      )
    : null;
}

/** One round's explanations as a table, under the round's date and scene. */
function roundSection(
  world: World,
  log: readonly LogEntry[],
  r: number,
  items: readonly Explanation[],
): HTMLElement {
  return h(
    'section',
    { class: 'why-round', 'aria-label': `Round ${r}` },
    h('h4', null, `Round ${r} · ${K.roundDate(world, r)}`),
    scene(world, log, r),
    h(
      'table',
      { class: 'why-table' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Government'),
          h('th', { scope: 'col' }, 'Phase'),
          h('th', { scope: 'col' }, 'Why'),
        ),
      ),
      h(
        'tbody',
        null,
        items.map((e) => row(world, e)),
      ),
    ),
  );
}

export function explanationsSection(
  world: World,
  record: GameRecord | undefined,
  log: readonly LogEntry[] = [],
): HTMLElement {
  const all = explanations(world, record);
  const people = record ? world.actors.filter((a) => record.seats[a.id] === 'human').map((a) => a.name) : [];
  const rounds = [...new Set(all.map((e) => e.round))].sort((a, b) => a - b);
  const ids = {
    gov: uid('why-gov'),
    round: uid('why-round'),
    phase: uid('why-phase'),
    find: uid('why-find'),
    idle: uid('why-idle'),
  };
  const gov = h(
    'select',
    { id: ids.gov },
    h('option', { value: '' }, 'All governments'),
    world.actors
      .filter((a) => all.some((e) => e.actor === a.id))
      .map((a) => h('option', { value: a.id }, a.name)),
  ) as HTMLSelectElement;
  const round = h(
    'select',
    { id: ids.round },
    h('option', { value: '' }, 'All rounds'),
    rounds.map((r) => h('option', { value: String(r) }, `Round ${r} (${K.roundDate(world, r)})`)),
  ) as HTMLSelectElement;
  const phase = h(
    'select',
    { id: ids.phase },
    h('option', { value: '' }, 'All phases'),
    Object.entries(PHASE_WORDS).map(([k, v]) => h('option', { value: k }, v)),
  ) as HTMLSelectElement;
  const find = h('input', {
    id: ids.find,
    type: 'search',
    placeholder: 'e.g. mediat, provoked',
  }) as HTMLInputElement;
  const idle = h('input', { id: ids.idle, type: 'checkbox' }) as HTMLInputElement;
  const count = h('p', { class: 'filter-count', role: 'status', 'aria-live': 'polite' });
  const list = h('div', { class: 'why-list' });

  function render(): void {
    const words = find.value.trim().toLowerCase();
    const shown = all.filter(
      (e) =>
        (!gov.value || e.actor === gov.value) &&
        (!round.value || e.round === Number(round.value)) &&
        (!phase.value || e.phase === phase.value) &&
        (idle.checked || e.acted) &&
        (!words || e.sentences.some((s) => s.toLowerCase().includes(words))),
    );
    count.textContent = `Showing ${shown.length} of ${all.length} explanations.`;
    const byRound = rounds
      .map((r) => ({ r, items: shown.filter((e) => e.round === r) }))
      .filter((x) => x.items.length);
    fill(
      list,
      byRound.length
        ? byRound.map(({ r, items }) => roundSection(world, log, r, items))
        : h('p', { class: 'hint' }, 'No explanation matches these choices.'),
    );
  }
  for (const el of [gov, round, phase, idle]) el.addEventListener('change', render);
  find.addEventListener('input', render);
  render();

  return h(
    'section',
    { class: 'debrief-why', id: 'debrief-why', 'aria-labelledby': 'debrief-why-h' },
    h('h3', { id: 'debrief-why-h', tabindex: '-1' }, 'Why the computer players did what they did'),
    h(
      'p',
      { class: 'hint' },
      'Each computer-run government explained every choice it made, in its own words: which offers it made and why, what it accepted or turned down, when it kept or broke its word.',
      people.length
        ? ` ${people.join(', ')} ${people.length === 1 ? 'was' : 'were'} played by a person; a person’s choices carry no explanation.`
        : '',
    ),
    all.length === 0
      ? h(
          'p',
          null,
          record
            ? 'No computer player explained a choice in this game.'
            : 'The game record is not available here.',
        )
      : [
          h(
            'div',
            { class: 'debrief-filters', role: 'group', 'aria-label': 'Filter the explanations' },
            h('label', { for: ids.gov }, 'Government'),
            gov,
            h('label', { for: ids.round }, 'Round'),
            round,
            h('label', { for: ids.phase }, 'Phase'),
            phase,
            h('label', { for: ids.find }, 'Find words'),
            find,
            h('label', { for: ids.idle, class: 'check' }, idle, ' Include turns where nothing was done'),
            count,
          ),
          list,
        ],
  );
}

/**
 * The panels that show one player's view: the status line, the governments' meters, the log and the board
 * in words. Shared by the game screen and the replay screen; they only read a player view.
 */
import { ACTOR_VARS, economyAtRest, publicScores } from '../../engine/index.ts';
import type { ActorDef, ActorId, ActorVar, PlayerView, Quantity, World } from '../../engine/index.ts';
import { trustBand } from '../board/model.ts';
import { fill, h, signed } from '../kit/dom.ts';
import { kindText, logTexts } from '../../text/index.ts';
import { causesLine, shownCauses } from './summary.ts';
import { PHASE_TITLES, TRUST_HELP, VAR_LABELS, nameOf, rankOf, refusalText, varHelp } from '../kit/text.ts';

const PHASE_NUMBER: Record<string, number> = { proposing: 1, responding: 2, commitment: 3 };

/** The elements the panels fill: the same on the game and the replay screens. */
export function panelElements() {
  return {
    status: h('p', { class: 'status', id: 'status' }),
    boardHost: h('div', {
      class: 'board-canvas',
      role: 'img',
      'aria-label': 'Map of Northeast Asia with the governments and their relations',
      'aria-describedby': 'board-desc',
    }),
    boardDesc: h('p', { id: 'board-desc', class: 'sr-only' }),
    meters: h('div', { class: 'meters-wrap' }),
    logList: h('div', { class: 'log-body' }),
  };
}

/** The board in words, for screen readers. */
export function boardDescription(world: World, view: PlayerView): string {
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
  // A refusal is public, as whom a government will receive is (`World.refusals`).
  for (const r of world.refusals ?? []) parts.push(refusalText(world, r));
  return parts.join(' ');
}

export function renderStatus(status: HTMLElement, world: World, view: PlayerView): void {
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
        title: `Regional tension, 0–100. At ${world.rules.crisisAt} or more a crisis can turn into a clash by miscalculation.${lastChange(world, view, { kind: 'tension' }, view.tension, (h) => h.tension)}`,
      },
      `Tension ${Math.round(view.tension)}${view.tension >= world.rules.crisisAt ? ' (crisis!)' : ''}`,
    ),
    h(
      'span',
      {
        title: `The stage of the peace process.${lastChange(world, view, { kind: 'stage' }, view.stage, (h) => h.stage)}`,
      },
      `Stage: ${view.stageName}`,
    ),
    standing(world, view),
  );
}

/** 1st, 2nd, 3rd, 4th… */
const short = (n: number): string =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;

/**
 * Where the player ranks among the governments: by the final scores at the end, else by the scores as they
 * stand, read from the public numbers (none when an objective reads something private).
 */
function standing(world: World, view: PlayerView): HTMLElement | null {
  const scores = view.scores ?? publicScores(world, view);
  const place = scores ? rankOf(scores, view.me) : null;
  if (!scores || !place) return null;
  const word = `${place.tied ? 'joint ' : ''}${short(place.rank)} of ${place.of}`;
  const lead =
    place.rank === 1
      ? place.tied
        ? 'level with the leaders'
        : 'ahead of everyone'
      : `${nameOf(world, place.leader)} leads with ${place.top}`;
  return h(
    'span',
    {
      class: 'standing',
      title: `${view.end ? 'Your final score' : 'Your score if the game ended now'}: ${place.score} of 100 (${lead}). Each government scores how well its own aims are met, 0–100.`,
    },
    `Rank: ${word}`,
  );
}

/** " Since last round: 32 → 29 (drift −2, summit by you toward North Korea −1)." or nothing when it did not move. */
function lastChange(
  world: World,
  view: PlayerView,
  of: Quantity,
  now: number,
  at: (h: PlayerView['history'][number]) => number,
): string {
  const base = view.history[view.history.length - (view.end ? 2 : 1)];
  if (!base) return '';
  const shown = Math.round(now) - Math.round(at(base));
  if (shown === 0) return '';
  const recent = (view.causes ?? []).filter((e) => e.round === view.round);
  const why = causesLine(shownCauses(world, view.me, recent, of, shown));
  return ` Since last round: ${Math.round(at(base))} → ${Math.round(now)}${why ? ` (${why})` : ''}.`;
}

/** An organisation away from the table, in a short label and a sentence. */
function awayText(def: ActorDef, round: number): { short: string; long: string } {
  const left = def.leaves !== undefined && round >= def.leaves;
  return left
    ? {
        short: `away: left in round ${def.leaves}`,
        long: `${def.name} left the table in round ${def.leaves}: it offers, answers and does nothing more, and no deal can include it.`,
      }
    : {
        short: `away: joins in round ${def.joins ?? 1}`,
        long: `${def.name} joins the table only in round ${def.joins ?? 1}: until then it offers, answers and does nothing, and no deal can include it.`,
      };
}

/** How far an economy must be from where it is heading before the table shows the heading. */
const HEADING_SHOWN = 5;

/** The columns explained where keyboard and touch reach them too, not only in hover titles. */
function columnHelp(world: World, open: boolean): HTMLElement {
  return h(
    'details',
    { class: 'column-help', open },
    h('summary', null, 'What the columns mean'),
    h(
      'dl',
      null,
      ACTOR_VARS.flatMap((v) => [h('dt', null, VAR_LABELS[v]), h('dd', null, varHelp(world, v))]),
      h('dt', null, 'Your trust'),
      h('dd', null, TRUST_HELP),
    ),
  );
}

export function renderMeters(meters: HTMLElement, world: World, view: PlayerView): void {
  const prev = view.history[view.history.length - 1];
  const prevPrev = view.history[view.history.length - 2];
  // Changes since the last round ended (during play) or over the last round (at the end).
  const base = view.end ? prevPrev : prev;
  // The ledger's entries since then: those of the round under way (or, at the end, of the last round).
  const recent = (view.causes ?? []).filter((e) => e.round === view.round);
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
    /** Where the number is heading on its own, when that is far from where it is. */
    heading: number | null = null,
    /** The ledger's quantity behind the number, for the causes of its last change. */
    of: Quantity | null = null,
  ): HTMLElement => {
    const r = Math.round(value);
    // The change as displayed: rounded end minus rounded start, which its causes add up to.
    const shown = delta === null ? null : r - Math.round(value - delta);
    const d = shown === null || shown === 0 ? '' : signed(shown);
    const towards =
      heading === null
        ? ''
        : ` Left to itself it is heading for about ${Math.round(heading)}: one-off gains and costs fade, while sanctions and lifelines keep pulling.`;
    const why = of && shown ? causesLine(shownCauses(world, view.me, recent, of, shown)) : '';
    const tip = `${label}: ${r} of 100${shown !== null ? ` (${signed(shown)} since last round${why ? `: ${why}` : ''})` : ''}.${towards} ${help}`;
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
        heading === null
          ? null
          : h(
              'span',
              { class: `heading ${heading > value ? 'up' : 'down'}`, 'aria-hidden': 'true' },
              `${heading > value ? '↗' : '↘'}${Math.round(heading)}`,
            ),
        h('span', { class: 'bar', 'aria-hidden': 'true' }, h('span', { style: `width:${r}%` })),
      ),
      // Outside the meter, whose content a screen reader does not read: the heading in words.
      towards ? h('span', { class: 'sr-only' }, towards) : null,
    );
  };
  // Where each economy is heading under today's sanctions and lifelines: shown where it is far from where it is.
  const rest = economyAtRest(world, view.sanctions, view.lifeline);
  const headingOf = (id: ActorId, v: ActorVar, now: number): number | null => {
    const r = v === 'economy' ? (rest[id] ?? null) : null;
    return r !== null && Math.abs(r - now) >= HEADING_SHOWN ? r : null;
  };
  const rows = view.actors.map((a) => {
    const isMe = a.id === view.me;
    const t = view.myTrust[a.id];
    const t0 = base?.myTrust[a.id];
    const def = world.actors.find((d) => d.id === a.id);
    // An organisation before it joins or after it leaves: its numbers stay, marked as away from the table.
    const away = a.present === false && def ? awayText(def, view.round) : null;
    return h(
      'tr',
      { class: [isMe ? 'me' : '', away ? 'away' : ''].filter(Boolean).join(' ') },
      h(
        'th',
        { scope: 'row' },
        h('span', { class: 'gov-name' }, isMe ? `${a.name} (you)` : a.name),
        away ? h('span', { class: 'away-note', title: away.long }, away.short) : null,
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
        v === 'economy' && def?.noEconomy
          ? h(
              'td',
              { class: 'na', title: `${a.name} has no economy of its own: it is an organisation.` },
              h('span', { 'aria-hidden': 'true' }, '—'),
              h('span', { class: 'sr-only' }, `${a.name}: no economy`),
            )
          : cell(
              `${a.name} ${VAR_LABELS[v].toLowerCase()}`,
              a.vars[v],
              base ? a.vars[v] - base.vars[a.id]![v] : null,
              varHelp(world, v),
              helpIds[v]!,
              '',
              headingOf(a.id, v, a.vars[v]),
              { kind: 'var', actor: a.id, var: v },
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
            null,
            { kind: 'trust', from: view.me, to: a.id },
          ),
    );
  });
  // The columns explained where keyboard and touch reach them too, not only in hover titles; it stays open
  // across phases once opened.
  const wasOpen = meters.querySelector('details.column-help')?.hasAttribute('open') ?? false;
  fill(
    meters,
    h(
      'table',
      { class: 'meters' },
      h('caption', { class: 'sr-only' }, 'Every government’s numbers, 0 to 100'),
      h('thead', null, head),
      h('tbody', null, rows),
    ),
    columnHelp(world, wasOpen),
  );
}

export function renderLog(logList: HTMLElement, world: World, view: PlayerView): void {
  // Sentences first, over the whole log in its order, so a repeating event is written in full only once.
  const texts = logTexts(view.log, { world, me: view.me });
  const byRound = new Map<number, { e: PlayerView['log'][number]; text: string }[]>();
  view.log.forEach((e, k) => byRound.set(e.round, [...(byRound.get(e.round) ?? []), { e, text: texts[k]! }]));
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
            .map(({ e, text }) =>
              h('li', { class: `log-${kindText(e)}` }, h('span', { class: 'kind' }, kindText(e)), ' ', text),
            ),
        ),
      ),
    ),
  );
}

/**
 * The debrief at the end of the game. The outcome and every government's score come first, explained in
 * words; the charts, the ledger of promises, the computer players' explanations and the exports follow,
 * loaded on demand (with uPlot) from ./debrief so they stay out of the main chunk.
 */
import { metricValue, objectiveValue } from '../engine/index.ts';
import type { Condition, GameState, PlayerView, World } from '../engine/index.ts';
import type { DebriefSource } from './debrief/data.ts';
import { h } from './dom.ts';

export type { DebriefSource } from './debrief/data.ts';

const METRIC_WORDS: Record<string, string> = {
  tension: 'tension',
  stage: 'the peace process',
  'mean-trust': 'mean trust',
  'agreements-kept': 'deals carried out',
  'agreements-broken': 'deals broken',
  'trust-in': 'trust in it',
  'trust-of': 'its trust in others',
};

function conditionText(world: World, s: GameState, c: Condition): string {
  const of = 'of' in c && c.of ? world.actors.find((a) => a.id === c.of)?.name : undefined;
  const what = `${of ? `${of}’s ` : ''}${METRIC_WORDS[c.metric] ?? c.metric}`;
  const v = Math.round(metricValue(world, s, c.metric, 'of' in c ? c.of : undefined));
  const need = [
    c.atLeast !== undefined ? `at least ${c.atLeast}` : '',
    c.atMost !== undefined ? `at most ${c.atMost}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `${what} was ${v} (it needed ${need})`;
}

const fails = (world: World, s: GameState, c: Condition): boolean => {
  const v = metricValue(world, s, c.metric, 'of' in c ? c.of : undefined);
  return (c.atLeast !== undefined && v < c.atLeast) || (c.atMost !== undefined && v > c.atMost);
};

/** Why this outcome and not the ones ranked above it, in words. */
function outcomeWhy(world: World, s: GameState, end: NonNullable<PlayerView['end']>): string {
  if (end.reason === 'clash')
    return 'Why: a military clash ended the game, and a clash decides the outcome on its own.';
  const ranked = world.outcomes.filter((o) => !o.onClash);
  const at = ranked.findIndex((o) => o.id === end.outcome);
  const me = ranked[at];
  const held =
    me && me.when.length
      ? `Why: ${me.when.map((c) => conditionText(world, s, c)).join(', and ')}.`
      : 'Why: no better outcome’s conditions held, so the world settles here.';
  const missed = ranked
    .slice(0, Math.max(0, at))
    .map((o) => {
      const failed = o.when.filter((c) => fails(world, s, c));
      return failed.length
        ? `“${o.name}” slipped away because ${failed.map((c) => conditionText(world, s, c)).join(' and ')}`
        : '';
    })
    .filter(Boolean);
  return `${held}${missed.length ? ` ${missed.join('; ')}.` : ''}`;
}

export function endReport(world: World, view: PlayerView, source?: DebriefSource): HTMLElement {
  const end = view.end!;
  const outcome = world.outcomes.find((o) => o.id === end.outcome);
  const scores = view.scores ?? {};
  const ranked = world.actors
    .map((a) => ({ def: a, id: a.id, name: a.name, score: scores[a.id] ?? 0 }))
    .sort((a, b) => b.score - a.score);
  const me = view.me;
  const s = source?.state;
  const count = (status: string): number => view.agreements.filter((g) => g.status === status).length;
  let reads = 0;
  let misreads = 0;
  let honestBroken = 0;
  for (const g of view.agreements)
    for (const r of g.truth ?? [])
      for (const seen of Object.values(r.observed))
        for (const [p, k] of Object.entries(seen)) {
          reads++;
          if (k !== r.honoured[p]) misreads++;
          if (!k && r.honoured[p]) honestBroken++;
        }

  const more = h(
    'div',
    { class: 'debrief-more' },
    h('p', { class: 'hint', role: 'status' }, 'Loading the charts, the ledger and the explanations…'),
  );
  void import('./debrief/index.ts')
    .then((m) => m.renderDebrief(more, world, view, source))
    .catch((e: unknown) => {
      more.replaceChildren(
        h(
          'p',
          { class: 'error', role: 'alert' },
          `The rest of the debrief could not be loaded: ${e instanceof Error ? e.message : String(e)}`,
        ),
      );
    });

  return h(
    'section',
    { class: 'end debrief', 'aria-labelledby': 'outcome-h' },
    h(
      'p',
      { class: 'kicker' },
      `${world.title} · ${end.reason === 'clash' ? `The game ended in round ${end.round}, in a clash.` : `The game ended after ${end.round} rounds (${view.date}).`}`,
    ),
    h(
      'h2',
      { id: 'outcome-h', class: 'outcome', tabindex: '-1' },
      `Outcome: ${outcome?.name ?? end.outcome}`,
    ),
    h('p', { class: 'outcome-summary' }, outcome?.summary ?? ''),
    s ? h('p', { class: 'outcome-why' }, outcomeWhy(world, s, end)) : null,
    h(
      'div',
      { class: 'end-grid' },
      h(
        'section',
        { 'aria-labelledby': 'scores-h' },
        h('h3', { id: 'scores-h' }, 'Scores'),
        h(
          'p',
          { class: 'hint' },
          'Each government scores 0–100: the weighted mean of how well its own objectives turned out (100 = fully met). The aims it weighed most are listed first.',
        ),
        h(
          'table',
          { class: 'scores', 'aria-label': 'Scores' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, 'Government'),
              h('th', { scope: 'col' }, 'Score'),
              s ? h('th', { scope: 'col' }, 'How its aims turned out (0–100, weight)') : null,
            ),
          ),
          h(
            'tbody',
            null,
            ranked.map((r) =>
              h(
                'tr',
                { class: r.id === me ? 'me' : '' },
                h('th', { scope: 'row' }, r.id === me ? `${r.name} (you)` : r.name),
                h(
                  'td',
                  { class: 'score' },
                  h(
                    'span',
                    { class: 'bar', 'aria-hidden': 'true' },
                    h('span', { style: `width:${Math.round(r.score)}%` }),
                  ),
                  ` ${Math.round(r.score)}`,
                ),
                s
                  ? h(
                      'td',
                      { class: 'aims' },
                      [...r.def.objectives]
                        .sort((a, b) => b.weight - a.weight)
                        .map(
                          (o) => `${o.label} ${Math.round(objectiveValue(world, s, r.id, o))} (×${o.weight})`,
                        )
                        .join(' · '),
                    )
                  : null,
              ),
            ),
          ),
        ),
      ),
      h(
        'section',
        { 'aria-labelledby': 'ended-h' },
        h('h3', { id: 'ended-h' }, 'How it ended'),
        h(
          'ul',
          { class: 'facts' },
          h('li', null, `Tension ${Math.round(view.tension)} of 100; peace process at “${view.stageName}”.`),
          h(
            'li',
            null,
            `${view.agreements.length} agreement${view.agreements.length === 1 ? '' : 's'} signed: ${count('completed')} carried out, ${count('broken')} broke down, ${count('abandoned')} abandoned, ${count('active')} still running.`,
          ),
          h(
            'li',
            null,
            `${misreads} of ${reads} compliance reads were wrong: ${honestBroken} step${honestBroken === 1 ? '' : 's'} kept in good faith looked like cheating to someone.`,
          ),
        ),
      ),
    ),
    more,
  );
}

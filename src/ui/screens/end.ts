/**
 * The debrief at the end of the game. The outcome and every government's score come first, explained in
 * words; the charts, the ledger of promises, the computer players' explanations and the exports follow,
 * loaded on demand (with uPlot) from ./debrief so they stay out of the main chunk.
 */
import { ACTOR_VARS, findAction, roundDate } from '../../engine/index.ts';
import type { PlayerView, World } from '../../engine/index.ts';
import type { DebriefSource } from '../debrief/data.ts';
import { h } from '../kit/dom.ts';
import { VERIFICATION_LABELS, nameOf, ordinal, prose, rankOf } from '../kit/text.ts';
import { causesByRound } from '../play/summary.ts';

export type { DebriefSource } from '../debrief/data.ts';

export function endReport(world: World, view: PlayerView, source?: DebriefSource): HTMLElement {
  const end = view.end!;
  const outcome = world.outcomes.find((o) => o.id === end.outcome);
  const scores = view.scores ?? {};
  const ranked = world.actors
    .map((a) => ({ id: a.id, name: a.name, score: scores[a.id] ?? 0 }))
    .sort((a, b) => b.score - a.score);
  const me = view.me;
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

  // The sections' headings are there at once; ./debrief replaces each section when it has loaded.
  const shell = (id: string, title: string): HTMLElement =>
    h(
      'section',
      { id, class: id, 'aria-labelledby': `${id}-h` },
      h('h3', { id: `${id}-h`, tabindex: '-1' }, title),
      h('p', { class: 'hint', role: 'status' }, 'Loading…'),
    );
  const more = h(
    'div',
    { class: 'debrief-more' },
    shell('debrief-charts', 'How the game moved, round by round'),
    shell('debrief-ledger', 'Who kept and broke what'),
    shell('debrief-causes', 'What moved your numbers, round by round'),
    shell('debrief-why', 'Why the computer players did what they did'),
  );
  void import('../debrief/index.ts')
    .then((m) => {
      m.lend({
        ACTOR_VARS,
        findAction,
        roundDate,
        nameOf,
        prose,
        VERIFICATION_LABELS,
        causesByRound,
      });
      m.renderDebrief(more, world, view, source);
    })
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
    yourResult(ranked, me),
    source ? h('p', { class: 'outcome-why' }) : null,
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
              source ? h('th', { scope: 'col' }, 'How its aims turned out (0–100, weight)') : null,
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
                source ? h('td', { class: 'aims', 'data-actor': r.id }) : null,
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

/**
 * The player's own result beside the world's outcome: its score and its rank among the governments (ties share
 * a rank), and who did best when it did not.
 */
function yourResult(
  ranked: readonly { id: string; name: string; score: number }[],
  me: string,
): HTMLElement | null {
  const mine = ranked.find((r) => r.id === me);
  const place = rankOf(Object.fromEntries(ranked.map((r) => [r.id, r.score])), me);
  if (!mine || !place) return null;
  const top = ranked[0]!;
  return h(
    'p',
    { class: 'your-result' },
    h(
      'strong',
      null,
      `Your result: ${mine.name} scored ${place.score} of 100, ${place.tied ? 'joint ' : ''}${ordinal(place.rank)} of the ${ranked.length} governments.`,
    ),
    place.rank > 1 ? ` ${top.name} did best, with ${Math.round(top.score)}.` : ' No government did better.',
  );
}

/** The end of the game: the outcome, every government's score, and the truth of who kept and broke what. */
import type { PlayerView, World } from '../engine/index.ts';
import { h } from './dom.ts';
import { VERIFICATION_LABELS, nameOf, termText } from './text.ts';

const STATUS_TEXT: Record<string, string> = {
  active: 'still running',
  completed: 'carried out in full',
  broken: 'broke down',
  abandoned: 'abandoned by a new leader',
};

export function endReport(world: World, view: PlayerView): HTMLElement {
  const end = view.end!;
  const outcome = world.outcomes.find((o) => o.id === end.outcome);
  const scores = view.scores ?? {};
  const ranked = world.actors
    .map((a) => ({ id: a.id, name: a.name, score: scores[a.id] ?? 0 }))
    .sort((a, b) => b.score - a.score);
  const me = view.me;
  const card = (g: PlayerView['agreements'][number]): HTMLElement =>
    h(
      'article',
      { class: 'card' },
      h(
        'h4',
        null,
        `Agreement #${g.id}: ${g.parties.map((p) => nameOf(world, p)).join(' – ')}${g.mediator ? `, mediated by ${nameOf(world, g.mediator)}` : ''}`,
      ),
      h(
        'ul',
        { class: 'term-list' },
        g.terms.map((t) => h('li', null, termText(world, t, me))),
      ),
      h(
        'p',
        { class: 'meta' },
        `Signed round ${g.signed} · ${VERIFICATION_LABELS[g.verification]} verification · ${g.done} of ${g.steps} steps done · ${STATUS_TEXT[g.status] ?? g.status}`,
      ),
      (g.truth ?? []).length
        ? h(
            'table',
            { class: 'steps' },
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, 'Round'),
                h('th', { scope: 'col' }, 'Step'),
                h('th', { scope: 'col' }, 'What each party really did'),
                h('th', { scope: 'col' }, 'What the others saw'),
              ),
            ),
            h(
              'tbody',
              null,
              (g.truth ?? []).map((r) =>
                h(
                  'tr',
                  null,
                  h('td', null, String(r.round)),
                  h('td', null, String(r.step)),
                  h(
                    'td',
                    null,
                    Object.entries(r.honoured).map(([p, kept]) =>
                      h(
                        'span',
                        { class: kept ? 'kept' : 'broke' },
                        `${kept ? '✔ kept' : '✘ broke'}: ${nameOf(world, p)}`,
                      ),
                    ),
                  ),
                  h(
                    'td',
                    null,
                    Object.entries(r.observed).flatMap(([o, seen]) =>
                      Object.entries(seen).map(([p, k]) => {
                        const wrong = k !== r.honoured[p];
                        return h(
                          'span',
                          { class: wrong ? 'misread' : '' },
                          `${nameOf(world, o)} saw ${nameOf(world, p)} ${k ? 'keep' : 'break'}${wrong ? ' (wrong)' : ''}`,
                        );
                      }),
                    ),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'hint' }, 'No step was carried out.'),
    );
  const mine = view.agreements.filter((g) => g.parties.includes(me) || g.mediator === me);
  const theirs = view.agreements.filter((g) => !mine.includes(g));
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

  return h(
    'section',
    { class: 'end', 'aria-labelledby': 'outcome-h' },
    h(
      'p',
      { class: 'kicker' },
      end.reason === 'clash'
        ? `The game ended in round ${end.round}, in a clash.`
        : `The game ended after ${end.round} rounds (${view.date}).`,
    ),
    h(
      'h2',
      { id: 'outcome-h', class: 'outcome', tabindex: '-1' },
      `Outcome: ${outcome?.name ?? end.outcome}`,
    ),
    h('p', { class: 'outcome-summary' }, outcome?.summary ?? ''),
    h(
      'div',
      { class: 'end-grid' },
      h(
        'section',
        { 'aria-labelledby': 'scores-h' },
        h('h3', { id: 'scores-h' }, 'Scores'),
        h('p', { class: 'hint' }, 'Each government is scored 0–100 on its own weighted objectives.'),
        h(
          'table',
          { class: 'scores', 'aria-label': 'Scores' },
          h(
            'thead',
            null,
            h('tr', null, h('th', { scope: 'col' }, 'Government'), h('th', { scope: 'col' }, 'Score')),
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
                  null,
                  h(
                    'span',
                    { class: 'bar', 'aria-hidden': 'true' },
                    h('span', { style: `width:${Math.round(r.score)}%` }),
                  ),
                  ` ${Math.round(r.score)}`,
                ),
              ),
            ),
          ),
        ),
        h('h3', null, 'How it ended'),
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
      h(
        'section',
        { 'aria-labelledby': 'truth-h' },
        h('h3', { id: 'truth-h' }, 'Who kept and broke what'),
        view.agreements.length === 0
          ? h('p', null, 'No agreement was signed in this game.')
          : [
              h(
                'h4',
                { class: 'sub' },
                mine.length ? `Your agreements (${mine.length})` : 'You signed no agreement.',
              ),
              h('div', { class: 'truth' }, mine.map(card)),
              theirs.length
                ? h(
                    'details',
                    { class: 'others' },
                    h('summary', null, `Agreements between other governments (${theirs.length})`),
                    h('div', { class: 'truth' }, theirs.map(card)),
                  )
                : null,
            ],
      ),
    ),
  );
}

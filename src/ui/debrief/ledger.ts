/**
 * The ledger of promises: for each agreement, who promised what to whom, and for each step what every party
 * really did beside what each other side saw. A tally per government comes first; filters narrow the list.
 */
import type { AgreementView, PlayerView, World } from '../../engine/index.ts';
import { fill, h, uid } from '../kit/dom.ts';
import { K } from './kit.ts';
import { promisesOf, tallies } from './data.ts';

const STATUS_TEXT: Record<string, string> = {
  active: 'still running at the end',
  completed: 'carried out in full',
  broken: 'broke down',
  abandoned: 'abandoned by a new leader',
};

const did = (k: boolean): string => (k ? '✔ kept' : '✘ broke');

const hasBreak = (g: AgreementView): boolean =>
  (g.truth ?? []).some((r) => Object.values(r.honoured).some((k) => !k));
const hasMisread = (g: AgreementView): boolean =>
  (g.truth ?? []).some((r) =>
    Object.values(r.observed).some((seen) => Object.entries(seen).some(([p, k]) => k !== r.honoured[p])),
  );

function agreementCard(world: World, g: AgreementView, me: string): HTMLElement {
  const name = (id: string): string => (id === me ? `${K.nameOf(world, id)} (you)` : K.nameOf(world, id));
  const pct = Math.round(world.rules.accuracy[g.verification] * 100);
  const truth = g.truth ?? [];
  return h(
    'article',
    { class: 'ledger-card', 'data-status': g.status },
    h(
      'h4',
      null,
      `Agreement #${g.id}: ${g.parties.map(name).join(' – ')}${g.mediator ? `, brokered by ${name(g.mediator)}` : ''}`,
    ),
    h(
      'p',
      { class: 'meta' },
      `Signed in round ${g.signed} · ${K.VERIFICATION_LABELS[g.verification]} verification (each side read right ${pct}% of the time) · ${g.steps} step${g.steps === 1 ? '' : 's'}, ${g.done} done · `,
      h(
        'strong',
        null,
        g.status === 'completed' && hasBreak(g)
          ? 'ran its course, though not every step was kept'
          : (STATUS_TEXT[g.status] ?? g.status),
      ),
      g.ended !== null && g.status !== 'active' ? ` in round ${g.ended}` : '',
      '.',
    ),
    h(
      'ul',
      { class: 'promises' },
      g.parties.map((p) => {
        const items = promisesOf(world, g, p);
        return h(
          'li',
          null,
          h('strong', null, name(p)),
          ` promised: ${items.length ? items.join('; ') : 'nothing'}.`,
        );
      }),
    ),
    truth.length
      ? h(
          'table',
          { class: 'ledger-steps' },
          h('caption', { class: 'sr-only' }, `Agreement #${g.id}, step by step`),
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, 'Round'),
              h('th', { scope: 'col' }, 'Step'),
              h('th', { scope: 'col' }, 'Government'),
              h('th', { scope: 'col' }, 'Really did'),
              h('th', { scope: 'col' }, 'What the others saw'),
            ),
          ),
          h(
            'tbody',
            null,
            truth.flatMap((r) =>
              Object.entries(r.honoured).map(([p, kept], k) =>
                h(
                  'tr',
                  { class: k === 0 ? 'step-start' : '' },
                  h('td', null, String(r.round)),
                  h('td', null, `${r.step} of ${g.steps}${r.disputed && k === 0 ? ' (disputed)' : ''}`),
                  h('th', { scope: 'row' }, name(p)),
                  h('td', { class: kept ? 'kept' : 'broke' }, did(kept)),
                  h(
                    'td',
                    null,
                    Object.entries(r.observed)
                      .filter(([o, seen]) => o !== p && p in seen)
                      .map(([o, seen]) => {
                        const wrong = seen[p] !== kept;
                        return h(
                          'span',
                          { class: `saw${wrong ? ' misread' : ''}` },
                          `${K.nameOf(world, o)} saw it ${seen[p] ? 'kept' : 'broken'}`,
                          wrong ? h('strong', null, ' — wrong') : ' — right',
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
}

export function ledgerSection(world: World, view: PlayerView): HTMLElement {
  const me = view.me;
  const all = view.agreements;
  const govId = uid('ledger-gov');
  const showId = uid('ledger-show');
  const gov = h(
    'select',
    { id: govId },
    h('option', { value: '' }, 'All governments'),
    world.actors.map((a) => h('option', { value: a.id }, a.id === me ? `${a.name} (you)` : a.name)),
  ) as HTMLSelectElement;
  const show = h(
    'select',
    { id: showId },
    h('option', { value: 'all' }, 'Every agreement'),
    h('option', { value: 'broken' }, 'Only those with a broken promise'),
    h('option', { value: 'misread' }, 'Only those someone misread'),
  ) as HTMLSelectElement;
  const count = h('p', { class: 'filter-count', role: 'status', 'aria-live': 'polite' });
  const list = h('div', { class: 'ledger-list' });

  function render(): void {
    const shown = all.filter(
      (g) =>
        (!gov.value || g.parties.includes(gov.value) || g.mediator === gov.value) &&
        (show.value === 'all' || (show.value === 'broken' ? hasBreak(g) : hasMisread(g))),
    );
    count.textContent = `Showing ${shown.length} of ${all.length} agreement${all.length === 1 ? '' : 's'}.`;
    fill(
      list,
      shown.length
        ? shown.map((g) => agreementCard(world, g, me))
        : h('p', { class: 'hint' }, 'No agreement matches these choices.'),
    );
  }
  gov.addEventListener('change', render);
  show.addEventListener('change', render);
  render();

  const t = tallies(world, all);
  return h(
    'section',
    { class: 'debrief-ledger', id: 'debrief-ledger', 'aria-labelledby': 'debrief-ledger-h' },
    h('h3', { id: 'debrief-ledger-h', tabindex: '-1' }, 'Who kept and broke what'),
    h(
      'p',
      { class: 'hint' },
      'During play each side saw the others’ compliance only through its verification, with noise. Now the truth can be told: what each government really did, beside what the others saw.',
    ),
    all.length === 0
      ? h('p', null, 'No agreement was signed in this game.')
      : [
          h(
            'table',
            { class: 'tally' },
            h('caption', null, 'Promises kept, broken and misread, per government'),
            h(
              'thead',
              null,
              h(
                'tr',
                null,
                h('th', { scope: 'col' }, 'Government'),
                h('th', { scope: 'col' }, 'Steps kept'),
                h('th', { scope: 'col' }, 'Steps broken'),
                h('th', { scope: 'col' }, 'Kept, but seen as broken'),
                h('th', { scope: 'col' }, 'Broken, but seen as kept'),
              ),
            ),
            h(
              'tbody',
              null,
              t.map((x) =>
                h(
                  'tr',
                  { class: x.id === me ? 'me' : '' },
                  h(
                    'th',
                    { scope: 'row' },
                    x.id === me ? `${K.nameOf(world, x.id)} (you)` : K.nameOf(world, x.id),
                  ),
                  h('td', null, String(x.kept)),
                  h('td', null, String(x.broke)),
                  h('td', null, String(x.wronged)),
                  h('td', null, String(x.unseen)),
                ),
              ),
            ),
          ),
          h(
            'div',
            { class: 'debrief-filters', role: 'group', 'aria-label': 'Filter the agreements' },
            h('label', { for: govId }, 'Government'),
            gov,
            h('label', { for: showId }, 'Show'),
            show,
            count,
          ),
          list,
        ],
  );
}

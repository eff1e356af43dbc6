/**
 * The rest of the debrief, loaded when the game ends (uPlot comes with it, outside the main chunk): the
 * downloads and the print button, the charts, the ledger of promises and the computer players' explanations.
 */
import type { PlayerView, World } from '../../engine/index.ts';
import { h } from '../kit/dom.ts';
import { chartsSection } from './charts.ts';
import { debriefJson, ledgerCsv, ledgerRows, seriesCsv } from './data.ts';
import type { DebriefSource } from './data.ts';
import { explanationsSection } from './explain.ts';
import { ledgerSection } from './ledger.ts';
import { causesSection } from './causes.ts';
import { aimsText, outcomeWhy } from './scores.ts';

export { lend } from './kit.ts';

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'game';

/** Offers a text as a file to save, through a Blob and a link with `download`. */
export function saveText(name: string, text: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * Fills `slot` with the debrief's sections, and the words at the top (why this outcome, how each
 * government's aims turned out) into the outcome section that holds `slot`. Call `lend` first.
 */
export function renderDebrief(
  slot: HTMLElement,
  world: World,
  view: PlayerView,
  source?: DebriefSource,
): void {
  const top = slot.closest('.debrief');
  if (source && view.end) {
    const why = top?.querySelector('.outcome-why');
    if (why) why.textContent = outcomeWhy(world, source, view.end);
    for (const td of top?.querySelectorAll<HTMLElement>('td.aims[data-actor]') ?? [])
      td.textContent = aimsText(source, td.dataset.actor!);
  }
  const points = source?.points ?? [];
  const base = `qpq-${slug(world.id)}${source?.record ? `-${slug(source.record.seed)}` : ''}`;
  const button = (label: string, onclick: () => void, cls = ''): HTMLButtonElement =>
    h('button', { type: 'button', class: cls, onclick }, label);

  const tools = h(
    'div',
    { class: 'debrief-tools', role: 'group', 'aria-label': 'Export and print the debrief' },
    h('span', { class: 'tools-label', 'aria-hidden': 'true' }, 'Take it with you:'),
    source
      ? button('Download rounds (CSV)', () =>
          saveText(`${base}-rounds.csv`, seriesCsv(world, points), 'text/csv'),
        )
      : null,
    button('Download ledger (CSV)', () =>
      saveText(`${base}-ledger.csv`, ledgerCsv(world, ledgerRows(world, view.agreements)), 'text/csv'),
    ),
    source
      ? button('Download everything (JSON)', () =>
          saveText(
            `${base}-debrief.json`,
            JSON.stringify(debriefJson(world, view, source, points), null, 2),
            'application/json',
          ),
        )
      : null,
    button('Print the debrief', () => window.print(), 'primary'),
  );

  const nav = h(
    'nav',
    { class: 'debrief-nav', 'aria-label': 'Debrief sections' },
    h(
      'ul',
      null,
      [
        ['#debrief-charts', 'Charts'],
        ['#debrief-ledger', 'Ledger of promises'],
        ['#debrief-causes', 'Causes'],
        ['#debrief-why', 'Explanations'],
      ].map(([href, label]) =>
        h(
          'li',
          null,
          h(
            'a',
            {
              href: href!,
              onclick: (e: Event) => {
                e.preventDefault();
                const target = slot.querySelector<HTMLElement>(`${href} h3`);
                target?.scrollIntoView({ block: 'start' });
                target?.focus();
              },
            },
            label!,
          ),
        ),
      ),
    ),
  );

  /** Puts a section in place of the placeholder with its id that end.ts drew, or at the end. */
  const put = (el: HTMLElement): void => {
    const old = el.id ? slot.querySelector(`#${el.id}`) : null;
    if (old) old.replaceWith(el);
    else slot.append(el);
  };
  slot.prepend(tools, nav);
  put(
    source
      ? chartsSection(world, points)
      : h(
          'p',
          { id: 'debrief-charts', class: 'hint' },
          'Charts need the finished game’s history, which is not available here.',
        ),
  );
  put(ledgerSection(world, view));
  put(causesSection(world, view));
  put(explanationsSection(world, source?.record, view.log));
}

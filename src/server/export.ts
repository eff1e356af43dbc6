/** Exports for grading: one CSV row per student decision, safe to open in a spreadsheet. */
import type { PhaseInput } from '../engine/index.ts';
import type { StoredEvent } from './store.ts';

/** A cell a spreadsheet would read as a formula (= + - @, tab, carriage return) gets a leading apostrophe. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function summary(input: PhaseInput): string {
  switch (input.phase) {
    case 'proposing':
      return `${input.offers.length} offer(s)`;
    case 'responding':
      return input.answers.map((a) => `offer ${a.offer}: ${a.reply}`).join('; ') || 'no answers';
    case 'commitment':
      return (
        [
          ...input.decisions.map((d) => `agreement ${d.agreement}: ${d.honour ? 'honour' : 'renege'}`),
          ...input.actions.map((a) => (a.target ? `${a.action} → ${a.target}` : a.action)),
        ].join('; ') || 'nothing'
      );
  }
}

export function decisionsCsv(log: StoredEvent[]): string {
  const rows = [['seq', 'time', 'round', 'phase', 'government', 'student', 'by', 'summary', 'why', 'input']];
  const names = new Map<number, string>();
  for (const e of log) {
    const ev = e.event;
    if (ev.kind === 'joined') names.set(ev.seat, ev.name);
    if (ev.kind !== 'input') continue;
    rows.push([
      String(e.seq),
      new Date(e.at).toISOString(),
      String(ev.round),
      ev.input.phase,
      ev.actor,
      ev.seat === null ? '' : (names.get(ev.seat) ?? ''),
      ev.by,
      summary(ev.input),
      ev.input.why ?? '',
      JSON.stringify(ev.input),
    ]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

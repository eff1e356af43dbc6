/**
 * The game's words, kept out of the engine: each language renders the typed log (and the few other phrases the
 * screens and the command line share). A layer of its own that imports only the engine, so the browser game,
 * the command line and the classroom server all use it.
 *
 * @example
 *   for (const e of view.log) console.log(logText(e, { world, me: view.me }));
 */
import type { Cause, LogEntry, OptionReason } from '../engine/index.ts';
import { en } from './en.ts';
import type { Messages, TextContext } from './messages.ts';

export type { CauseRenderers, ReasonRenderers, Messages, TextContext, LogRenderers } from './messages.ts';
export { en, inSentence } from './en.ts';

/** The languages the game speaks, by tag. */
export const LANGUAGES: Record<string, Messages> = { en };

/** One log line as a sentence in the given language (English by default). */
export function logText(e: LogEntry, c: TextContext, m: Messages = en): string {
  return (m.log[e.kind] as (e: LogEntry, c: TextContext) => string)(e, c);
}

/**
 * A log's lines as sentences, in the log's order. An event that fires again (a programme that keeps growing, a
 * recurring incident) is written in full the first time the reader saw it, and after that by its name and the
 * round where its text is, so that a long game's log is not the same paragraph every round.
 */
export function logTexts(entries: readonly LogEntry[], c: TextContext, m: Messages = en): string[] {
  const first = new Map<string, number>();
  return entries.map((e) => {
    if (e.kind === 'event') {
      const was = first.get(e.ref);
      if (was !== undefined && was < e.round) {
        const name = c.world.events.find((ev) => ev.id === e.ref)?.name ?? e.ref;
        return m.eventAgain(name, was, e.injected === true);
      }
      if (was === undefined) first.set(e.ref, e.round);
    }
    return logText(e, c, m);
  });
}

/** The short label of a log line's kind. */
export const kindText = (e: LogEntry, m: Messages = en): string => m.kinds[e.kind];

/** What moved a number, in a few words: "signing agreement #39", "humanitarian aid by South Korea". */
export function causeText(x: Cause, c: TextContext, m: Messages = en): string {
  return (m.causes[x.kind] as (x: Cause, c: TextContext) => string)(x, c);
}

/** Why an action or target cannot be chosen now, in a few words: "needs 3 economy". */
export function reasonText(r: OptionReason, c: TextContext, m: Messages = en): string {
  return (m.reasons[r.code] as (r: OptionReason, c: TextContext) => string)(r, c);
}

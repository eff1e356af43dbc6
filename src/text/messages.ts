/**
 * The shape of a language for the game's words: one function per log kind, each turning a typed log entry into
 * a sentence. A second language is one more file with the same shape (see `en.ts`); nothing else changes.
 */
import type {
  ActorId,
  Cause,
  CauseKind,
  LogEntry,
  LogKind,
  OptionReason,
  OptionReasonCode,
  Term,
  Verification,
  World,
} from '../engine/index.ts';

/** What a renderer knows besides the entry: the world (names of governments, actions, events) and the reader. */
export interface TextContext {
  world: World;
  /** The government reading (lines it saw itself say "you"); absent for an outsider or the command line. */
  me?: ActorId;
}

export type LogRenderers = { [K in LogKind]: (e: Extract<LogEntry, { kind: K }>, c: TextContext) => string };

/** One renderer per kind of cause (what moved a number), each a few words: "signing agreement #39". */
export type CauseRenderers = { [K in CauseKind]: (c: Extract<Cause, { kind: K }>, x: TextContext) => string };

/** One renderer per reason a seat cannot choose an action now, a few words shown beside it: "needs 3 economy". */
export type ReasonRenderers = {
  [K in OptionReasonCode]: (r: Extract<OptionReason, { code: K }>, x: TextContext) => string;
};

export interface Messages {
  /** The language's tag (BCP 47), for `lang` attributes. */
  lang: string;
  log: LogRenderers;
  /** A short label for each log kind (the log's margin). */
  kinds: Record<LogKind, string>;
  /** One promised action of a deal, in a sentence. */
  term(t: Term, c: TextContext): string;
  verification: Record<Verification, string>;
  /** What moved a number, for the round summary and the debrief (the reader is "you"). */
  causes: CauseRenderers;
  /** Why an action or a target cannot be chosen now (the engine's `seatOptions` gives the reason as data). */
  reasons: ReasonRenderers;
  /** A repeating event's line after the first time the reader saw it: its name, and where its text is. */
  eventAgain(name: string, firstRound: number, injected: boolean): string;
}

/**
 * Saved games: slots in localStorage, and game-record files to share. A save is the engine's game
 * record (scenario id and content hash, seed, seats, every input) with the engine version, a title (kept as
 * typed, in any script) and a date. Each slot is its own storage key, made up when it is first saved (never
 * from the title, so two titles never meet in one key), so a damaged one never touches the others; saving
 * under a title that exists asks before replacing it; every problem is reported as a sentence that names the slot.
 */
// zod's tree-shakable form: the page carries only the checks used here (the full API loads with the scenario
// checker, when an instructor opens a file of their own).
import * as z from 'zod/mini';
import { ENGINE_VERSION, ReplayError, hashValue, replay } from '../../engine/index.ts';
import type { GameRecord, PhaseInput } from '../../engine/index.ts';
import type { LoadedScenario } from '../../scenario/index.ts';
import type { Content } from '../kit/content.ts';
import { replayFrames } from './frames.ts';
import { GameSession, HUMAN } from '../../session/index.ts';
import type { Session } from '../play/session.ts';

export const SAVE_PREFIX = 'qpq.save.';
export const SAVE_FORMAT = 'quid-pro-quo-save';

const RecordSchema = z.object({
  engine: z.string(),
  scenario: z.object({ id: z.string().check(z.minLength(1)), hash: z.string().check(z.minLength(1)) }),
  seed: z.string(),
  seats: z.record(z.string(), z.string()),
  inputs: z.array(
    z.object({
      round: z.int().check(z.minimum(1)),
      actor: z.string(),
      // The engine checks each input when the record is replayed.
      input: z.looseObject({ phase: z.enum(['proposing', 'responding', 'commitment']) }),
    }),
  ),
});

export const SaveSchema = z.object({
  format: z.literal(SAVE_FORMAT),
  title: z.string(),
  savedAt: z.string(),
  engine: z.string(),
  record: RecordSchema,
  /**
   * Set on a mid-game save of a game with one person: the record holds only that person's inputs (what their seat
   * may see); the computers' inputs are decided again on load, exactly as in play. `fullInputs` is the hash of the
   * whole record's inputs, to tell when the computers no longer decide as they did.
   */
  seatOnly: z.optional(z.object({ fullInputs: z.string() })),
});
export type SaveFile = z.infer<typeof SaveSchema>;

export interface SlotInfo {
  key: string;
  /** The title when it can be read, else the storage key. */
  name: string;
  save: SaveFile | null;
  /** What is wrong with it, or null when it looks loadable. */
  problem: string | null;
}

/** The game record of a session so far (inputs of phases every seat has submitted). */
export const recordOf = (s: Session): GameRecord => s.record();

/**
 * A session as a save file, carrying only what may leave the seat that makes it. A finished game is public: the
 * whole record, explanations and all. A game under way with one person keeps only that person's inputs (never the
 * computers' secret actions, nor their `why` sentences, which tell what they privately saw). A hot-seat game under
 * way keeps the whole record, which every person at the device needs to continue, but not the computers' `why`;
 * it is never replayed before its end, and it continues behind the hand-over screen.
 */
export function saveFileOf(s: Session, title: string, now = new Date()): SaveFile {
  const record = recordOf(s);
  const base = { format: SAVE_FORMAT, title, savedAt: now.toISOString(), engine: ENGINE_VERSION } as const;
  if (s.over()) return { ...base, record };
  const humans = s.humans();
  // A seat that changed hands (a classroom game) is beyond a one-person save: it keeps the whole record.
  if (humans.length === 1 && !record.seatChanges?.length && !record.injects?.length)
    return {
      ...base,
      record: { ...record, inputs: record.inputs.filter((r) => humans.includes(r.actor)) },
      seatOnly: { fullInputs: hashValue(record.inputs) },
    };
  return {
    ...base,
    record: {
      ...record,
      inputs: record.inputs.map((r) => (humans.includes(r.actor) ? r : { ...r, input: withoutWhy(r.input) })),
    },
  };
}

const withoutWhy = (input: PhaseInput): PhaseInput => {
  const { why: _why, ...rest } = input;
  return rest as PhaseInput;
};

/** Rounds played in a save (each round takes three inputs, propose, answer, commit, from every seat it holds). */
export function roundsPlayed(save: SaveFile): number {
  const seats = Object.entries(save.record.seats);
  const holders = save.seatOnly ? seats.filter(([, v]) => v === HUMAN).length : seats.length;
  return Math.floor(save.record.inputs.length / (3 * Math.max(1, holders)));
}

/** The cheap checks: JSON, shape, engine version, scenario and its content. `where` names the slot or file. */
export function parseSave(
  text: string,
  content: Content,
  where: string,
): { ok: true; save: SaveFile; loaded: LoadedScenario } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `${where} is damaged: it is not valid JSON (${(e as Error).message}).` };
  }
  // A bare game record (as the command line writes it) is accepted too.
  if (json && typeof json === 'object' && !('format' in json) && 'inputs' in json && 'seed' in json)
    json = {
      format: SAVE_FORMAT,
      title: 'Shared game',
      savedAt: '',
      engine: (json as { engine?: unknown }).engine,
      record: json,
    };
  const parsed = SaveSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.length ? i.path.join('.') : 'the file'}: ${i.message}`)
      .join('; ');
    return { ok: false, problem: `${where} is not a Quid Pro Quo saved game (${issues}).` };
  }
  const save = parsed.data;
  if (save.record.engine !== ENGINE_VERSION)
    return {
      ok: false,
      problem: `${where} was saved by game engine ${save.record.engine}; this version runs ${ENGINE_VERSION}, whose rules may differ, so it cannot be replayed.`,
    };
  const { id, hash } = save.record.scenario;
  const entry = content.scenarios.find((e) => e.ok && e.loaded.world.id === id);
  if (!entry || !entry.ok)
    return { ok: false, problem: `${where} is for the scenario “${id}”, which is not available here.` };
  if (entry.loaded.world.hash !== hash)
    return {
      ok: false,
      problem: `${where} was played on a different version of the scenario “${entry.loaded.world.title}” (content ${hash}, here ${entry.loaded.world.hash}).`,
    };
  const actors = entry.loaded.world.actors.map((a) => a.id);
  const seats = Object.keys(save.record.seats);
  if (actors.some((a) => !seats.includes(a)) || seats.some((s) => !actors.includes(s)))
    return {
      ok: false,
      problem: `${where} names seats ${seats.join(', ')}, but the scenario has ${actors.join(', ')}.`,
    };
  if (save.seatOnly) {
    const humans = seats.filter((a) => save.record.seats[a] === HUMAN);
    if (humans.length !== 1 || save.record.inputs.some((r) => r.actor !== humans[0]))
      return {
        ok: false,
        problem: `${where} is damaged: a save of one person's game holds that person's inputs only, and this one does not.`,
      };
  }
  return { ok: true, save, loaded: entry.loaded };
}

/** The record as the engine types it (after the shape check; the engine checks each input on replay). */
export const gameRecord = (save: SaveFile): GameRecord => save.record as unknown as GameRecord;

/** Replays a checked save into a live session, or says which input the engine rejects. */
export function resume(
  save: SaveFile,
  loaded: LoadedScenario,
  where: string,
): { ok: true; session: Session } | { ok: false; problem: string } {
  if (save.seatOnly) return resumeSeatOnly(save, loaded, where);
  try {
    replayCheck(save, loaded);
    return { ok: true, session: GameSession.fromRecord(loaded, gameRecord(save)) };
  } catch (e) {
    return { ok: false, problem: `${where} cannot be replayed: ${explain(save, loaded, e)}` };
  }
}

/** A one-person save: that person's inputs entered phase by phase, the computers deciding again as they did. */
function resumeSeatOnly(
  save: SaveFile,
  loaded: LoadedScenario,
  where: string,
): { ok: true; session: Session } | { ok: false; problem: string } {
  const r = save.record;
  const human = Object.keys(r.seats).find((a) => r.seats[a] === HUMAN)!;
  let session: Session;
  try {
    session = GameSession.start(loaded, {
      seed: r.seed,
      seats: Object.fromEntries(
        Object.entries(r.seats).map(([id, v]) => [
          id,
          v === HUMAN ? { kind: 'human' as const } : { kind: 'computer' as const, strategy: v },
        ]),
      ),
    });
  } catch (e) {
    return { ok: false, problem: `${where} cannot be continued: ${(e as Error).message}` };
  }
  for (const [k, x] of r.inputs.entries()) {
    if (!session.phase())
      return { ok: false, problem: `${where} cannot be continued: the game ended before input ${k + 1}.` };
    if (x.round !== session.round())
      return {
        ok: false,
        problem: `${where} cannot be continued: input ${k + 1} is for round ${x.round}, but the game is in round ${session.round()}.`,
      };
    const done = session.submit(human, x.input as unknown as PhaseInput);
    if (!done.ok)
      return {
        ok: false,
        problem: `${where} cannot be continued: input ${k + 1} (round ${x.round}) is rejected: ${done.rejection.message}`,
      };
  }
  if (hashValue(session.record().inputs) !== save.seatOnly!.fullInputs)
    return {
      ok: false,
      problem: `${where} cannot be continued exactly: the computer players of this version decide differently from the version that saved it.`,
    };
  return { ok: true, session };
}

/** The engine's replay names a refused input by its code; stepping to it gives the engine's sentence too. */
function explain(save: SaveFile, loaded: LoadedScenario, e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (!(e instanceof ReplayError) || !/is rejected/.test(message)) return message;
  try {
    replayFrames(loaded, save);
  } catch (detail) {
    return capitalise((detail as Error).message);
  }
  return message;
}

const capitalise = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

/** The engine's own replay, which checks every input; a finished game's record must end the game exactly. */
function replayCheck(save: SaveFile, loaded: LoadedScenario): void {
  try {
    replay(loaded.world, gameRecord(save));
  } catch (e) {
    // A game saved before its end runs out of inputs: that is expected, anything else is not.
    if (e instanceof ReplayError && /does not match: expected/.test(e.message)) {
      const k = Number(/Record input (\d+)/.exec(e.message)?.[1] ?? 0);
      if (k === save.record.inputs.length + 1) return;
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Slots in localStorage

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function listSlots(content: Content): SlotInfo[] {
  const ls = storage();
  if (!ls) return [];
  const keys: string[] = [];
  for (let i = 0; i < ls.length; i++) {
    const k = ls.key(i);
    if (k?.startsWith(SAVE_PREFIX)) keys.push(k);
  }
  return keys
    .map((key): SlotInfo => {
      // A slot's key says nothing a person wrote: until its title is read it is "a saved game".
      const slot = ID_KEY.test(key) ? 'saved game' : key.slice(SAVE_PREFIX.length);
      const text = ls.getItem(key) ?? '';
      const r = parseSave(text, content, `The save “${slot}”`);
      if (r.ok) return { key, name: r.save.title || slot, save: r.save, problem: null };
      let title = slot;
      try {
        const t = (JSON.parse(text) as { title?: unknown }).title;
        if (typeof t === 'string' && t) title = t;
      } catch {
        // keep the key's name
      }
      return {
        key,
        name: title,
        save: null,
        problem: r.problem.replace(`The save “${slot}”`, () => `The save “${title}”`),
      };
    })
    .sort((a, b) => (b.save?.savedAt ?? '').localeCompare(a.save?.savedAt ?? ''));
}

/**
 * A storage key of this form is a save's own. Older versions keyed saves by a slug of the title (`qpq.save.class-a`):
 * those stay under their keys, are listed and load as before, and a save with the same title replaces them in place,
 * so nothing saved earlier is lost or moved (listing the saves never writes).
 */
const ID_KEY = /^qpq\.save\.g_[0-9a-z]+$/;

/** A fresh slot key: unique however the title is written (any script), never one an older version used. */
function newKey(ls: Storage): string {
  for (;;) {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    const key = `${SAVE_PREFIX}g_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
    if (ls.getItem(key) === null) return key;
  }
}

/** The same title as typed, compared as a person reads it (Unicode-normalised, spaces at the ends ignored). */
const sameTitle = (a: string, b: string): boolean => a.trim().normalize('NFC') === b.trim().normalize('NFC');

/** True when the browser refused to store because its space for this site is full. */
export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error) && !(typeof e === 'object' && e !== null && 'name' in e)) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

export const STORAGE_FULL =
  'The game could not be saved: this browser’s storage for the game is full. Delete or download an older saved game from the menu, then save again (or use “Copy link” to keep this game as a link).';

export type WriteResult =
  { ok: true; key: string; replaced: boolean } | { ok: false; problem: string; cancelled?: true };

/**
 * Saves a game in a slot of its own. When a save with the same title exists, `confirmReplace` is asked first:
 * yes replaces that one (same slot), no saves nothing.
 */
export function saveSlot(
  save: SaveFile,
  confirmReplace: (title: string) => boolean = (t) =>
    window.confirm(`A saved game is already called “${t}”. Replace it?`),
): WriteResult {
  const ls = storage();
  if (!ls) return { ok: false, problem: 'This browser does not allow saving (local storage is off).' };
  let existing: string | null = null;
  for (let i = 0; i < ls.length && !existing; i++) {
    const k = ls.key(i);
    if (!k?.startsWith(SAVE_PREFIX)) continue;
    try {
      const t = (JSON.parse(ls.getItem(k) ?? '') as { title?: unknown }).title;
      if (typeof t === 'string' && sameTitle(t, save.title)) existing = k;
    } catch {
      // a damaged slot is never replaced by accident
    }
  }
  if (existing && !confirmReplace(save.title.trim()))
    return {
      ok: false,
      cancelled: true,
      problem: `Not saved: a saved game is already called “${save.title.trim()}”. Choose another name, or save again and confirm to replace it.`,
    };
  const key = existing ?? newKey(ls);
  try {
    ls.setItem(key, JSON.stringify(save));
    return { ok: true, key, replaced: existing !== null };
  } catch (e) {
    return {
      ok: false,
      problem: isQuotaError(e)
        ? STORAGE_FULL
        : `The game could not be saved: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

/** Saves a game (see `saveSlot`). Returns an error sentence or null. */
export function writeSlot(save: SaveFile, confirmReplace?: (title: string) => boolean): string | null {
  const r = saveSlot(save, confirmReplace);
  return r.ok ? null : r.problem;
}

export function deleteSlot(key: string): void {
  storage()?.removeItem(key);
}

/** Offers a save as a JSON file download. */
export function download(save: SaveFile): void {
  const blob = new Blob([JSON.stringify(save, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  // Letters and digits of any script are kept: a Korean title gives a Korean file name.
  const slug =
    save.title
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'game';
  a.download = `qpq-${slug}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * Saved games: named slots in localStorage, and game-record files to share. A save is the engine's game
 * record (scenario id and content hash, seed, seats, every input) with the engine version, a title and a
 * date. Each slot is its own storage key, so a damaged one never touches the others; every problem is
 * reported as a sentence that names the slot.
 */
// zod's tree-shakable form: the page carries only the checks used here (the full API loads with the scenario
// checker, when an instructor opens a file of their own).
import * as z from 'zod/mini';
import { ENGINE_VERSION, ReplayError, replay } from '../engine/index.ts';
import type { GameRecord } from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';
import type { Content } from './content.ts';
import { replayFrames } from './frames.ts';
import { GameSession } from '../session/index.ts';
import { clock } from './session.ts';
import type { Session } from './session.ts';

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

export function saveFileOf(s: Session, title: string, now = new Date()): SaveFile {
  return {
    format: SAVE_FORMAT,
    title,
    savedAt: now.toISOString(),
    engine: ENGINE_VERSION,
    record: recordOf(s),
  };
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
  try {
    replayCheck(save, loaded);
    return { ok: true, session: GameSession.fromRecord(loaded, gameRecord(save), { clock }) };
  } catch (e) {
    return { ok: false, problem: `${where} cannot be replayed: ${explain(save, loaded, e)}` };
  }
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
      const slot = key.slice(SAVE_PREFIX.length);
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
        problem: r.problem.replace(`The save “${slot}”`, `The save “${title}”`),
      };
    })
    .sort((a, b) => (b.save?.savedAt ?? '').localeCompare(a.save?.savedAt ?? ''));
}

/** Saves in the slot of that title (replacing it) or a new one. Returns an error sentence or null. */
export function writeSlot(save: SaveFile): string | null {
  const ls = storage();
  if (!ls) return 'This browser does not allow saving (local storage is off).';
  const slug =
    save.title
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'game';
  try {
    ls.setItem(SAVE_PREFIX + slug, JSON.stringify(save));
    return null;
  } catch (e) {
    return `The game could not be saved: ${(e as Error).message}`;
  }
}

export function readSlot(key: string): string | null {
  return storage()?.getItem(key) ?? null;
}

export function deleteSlot(key: string): void {
  storage()?.removeItem(key);
}

/** Offers a save as a JSON file download. */
export function download(save: SaveFile): void {
  const blob = new Blob([JSON.stringify(save, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  const slug =
    save.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'game';
  a.download = `qpq-${slug}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

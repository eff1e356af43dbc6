/**
 * Fuzzers for the four surfaces hostile input reaches (issue 15): scenario text, command-line argument vectors,
 * save JSON (and the saved-game slots), and share links. Each generates inputs with fast-check from a seed, runs
 * them through the real code, and sorts every outcome into the audit's columns:
 *
 * - clear error: refused with a sentence (a problem list, an exit code 1 or 2 with a message, a `problem`);
 * - accepted: a valid game that plays (or a command that ran and printed);
 * - crash: an exception escaped, or the input took longer than the time bound;
 * - silently wrong: accepted although the oracle says it must not be (a reserved name or unknown strategy in a
 *   playable world, a resumed save that is not the game it holds, exit 0 with nothing printed …);
 * - data lost: a save that disappeared or was replaced without the player's yes.
 *
 * The unit tests (`tests/fuzz/*.test.ts`) run a few dozen inputs each; `node --import tsx tests/fuzz/run.ts
 * --runs N` runs as many as asked and prints the table.
 */
import fc from 'fast-check';
import { computerChooser, isStrategy, seatRng, strategyById } from '../../src/ai/index.ts';
import { runCheck } from '../../src/cli/check.ts';
import { runExperimentCommand } from '../../src/cli/experiment.ts';
import { SCENARIO_DIR, defaultCatalogue } from '../../src/cli/files.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import { runTournament } from '../../src/cli/tournament.ts';
import * as engine from '../../src/engine/index.ts';
import type { InputPhase } from '../../src/engine/index.ts';
import { RESERVED_NAMES, checkScenario, compileWorld, loadScenario } from '../../src/scenario/index.ts';
import type { Content } from '../../src/ui/kit/content.ts';
import { replayable } from '../../src/ui/screens/replay.ts';
import { listSlots, parseSave, resume, saveFileOf, saveSlot } from '../../src/ui/records/saves.ts';
import type { SaveFile } from '../../src/ui/records/saves.ts';
import { newSession } from '../../src/ui/play/session.ts';
import type { Session } from '../../src/ui/play/session.ts';
import { encodeSave, readShared } from '../../src/ui/records/share.ts';
import { prose } from '../../src/ui/kit/text.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryStorage } from '../ui/fixtures.ts';

export interface Tally {
  surface: string;
  tried: number;
  clear: number;
  accepted: number;
  crashes: number;
  silentlyWrong: number;
  dataLost: number;
  /** The first few bad inputs, to reproduce. */
  examples: string[];
}

const tally = (surface: string): Tally => ({
  surface,
  tried: 0,
  clear: 0,
  accepted: 0,
  crashes: 0,
  silentlyWrong: 0,
  dataLost: 0,
  examples: [],
});

type Verdict = 'clear' | 'accepted' | 'crash' | 'silentlyWrong' | 'dataLost';

/**
 * How long one input may take before it counts as a crash (the audit's 20 MB file ran 600 s), in CPU time of this
 * process: on two cores shared by several sessions (load averages of 15 to 20), wall time ran to eight times the
 * CPU time and would measure the neighbours, not the input.
 */
export const TIME_BOUND_MS = 10_000;
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function judge(t: Tally, show: string, run: () => Verdict | Promise<Verdict>): Promise<void> {
  t.tried++;
  const t0 = cpuMs();
  let v: Verdict;
  let why = '';
  try {
    v = await run();
  } catch (e) {
    v = 'crash';
    why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
  if (v !== 'crash' && cpuMs() - t0 > TIME_BOUND_MS) {
    v = 'crash';
    why = `took ${Math.round(cpuMs() - t0)} ms of CPU`;
  }
  if (v === 'clear') t.clear++;
  else if (v === 'accepted') t.accepted++;
  else {
    if (v === 'crash') t.crashes++;
    else if (v === 'silentlyWrong') t.silentlyWrong++;
    else t.dataLost++;
    if (t.examples.length < 5)
      t.examples.push(`${v}${why ? ` (${why.slice(0, 300)})` : ''}: ${show.slice(0, 400)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Hostile pieces

const HOSTILE = [
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'valueOf',
  "$'",
  '$&$`$$',
  '=HYPERLINK("http://x","y")',
  '+cmd|calc',
  '@SUM(A1)',
  '\u001b[2J\u001b[31m',
  '\u0007\u0008\r',
  '\u202eevil',
  '1e309',
  '-1',
  '.nan',
  '.inf',
  '~',
  '&a',
  '*a',
  '[',
  '{',
  "'",
  '"',
  '\t',
  '- x',
  '게임',
  '第一局',
  'Первая',
  '<script>alert(1)</script>',
  'x'.repeat(5000),
  '999999999999',
  'nosuch',
];
const hostile = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);

// ---------------------------------------------------------------------------------------------
// 1. Scenario text

const SCENARIO_BASES = ['tutorial.yaml', 'panmunjom-2018.yaml'].map((f) =>
  readFileSync(join(SCENARIO_DIR, f), 'utf8'),
);

const lineMutation = (text: string) => {
  const lines = text.split('\n');
  return fc.oneof(
    // Truncated anywhere.
    fc.nat(text.length).map((n) => text.slice(0, n)),
    // Something hostile inserted anywhere.
    fc.tuple(fc.nat(text.length), hostile).map(([n, s]) => text.slice(0, n) + s + text.slice(n)),
    // A value replaced by something hostile.
    fc.tuple(fc.nat(lines.length - 1), hostile).map(([i, s]) => {
      const out = [...lines];
      out[i] = out[i]!.replace(/:\s.*$/, () => `: ${s}`);
      return out.join('\n');
    }),
    // A key replaced by something hostile.
    fc.tuple(fc.nat(lines.length - 1), fc.constantFrom(...HOSTILE.slice(0, 5))).map(([i, s]) => {
      const out = [...lines];
      out[i] = out[i]!.replace(/^(\s*-?\s*)[\w-]+:/, (_m, pre: string) => `${pre}${s}:`);
      return out.join('\n');
    }),
    // A block of lines repeated or dropped.
    fc.tuple(fc.nat(lines.length - 1), fc.integer({ min: 1, max: 40 }), fc.boolean()).map(([i, n, drop]) => {
      const out = [...lines];
      if (drop) out.splice(i, n);
      else out.splice(i, 0, ...lines.slice(i, i + n));
      return out.join('\n');
    }),
    // Line ends changed.
    fc.constantFrom('\r', '\r\n', '\u2028').map((eol) => text.replace(/\n/g, eol)),
    // A byte order mark, or a NUL.
    fc.constantFrom('\ufeff', '\u0000').map((c) => c + text),
  );
};

export const scenarioInput = fc
  .constantFrom(...SCENARIO_BASES)
  .chain((t) =>
    fc.array(fc.constant(null), { minLength: 1, maxLength: 3 }).map((m) => [t, m.length] as const),
  )
  .chain(([t, n]) => {
    let arb: fc.Arbitrary<string> = lineMutation(t);
    for (let k = 1; k < n; k++) arb = arb.chain((x) => lineMutation(x));
    return arb;
  });

/** A scenario text: refused with located problems, or a world that plays a whole game and names nothing reserved. */
export async function scenarioText(t: Tally, text: string): Promise<void> {
  await judge(t, JSON.stringify(text.slice(0, 200)), () => {
    const r = checkScenario('fuzz.yaml', text, defaultCatalogue().file);
    if (!r.value) {
      const located = r.problems.length > 0 && r.problems.every((p) => p.line >= 1 && p.message.length > 10);
      return located ? 'clear' : 'silentlyWrong';
    }
    const { world, scenario } = loadScenario('fuzz.yaml', text, defaultCatalogue());
    void compileWorld;
    // Nothing reserved, no unknown strategy slipped through.
    for (const [id, a] of Object.entries(scenario.actors))
      if (RESERVED_NAMES.has(id) || (a.strategy !== undefined && !isStrategy(a.strategy)))
        return 'silentlyWrong';
    for (const a of world.actions) if (RESERVED_NAMES.has(a.id)) return 'silentlyWrong';
    // Names stay text in the log.
    for (const a of world.actors) if (prose(world, a.id) !== a.name) return 'silentlyWrong';
    // The world plays a whole game.
    const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('tit-for-tat')]));
    const end = engine.runGame(world, engine.startGame(world, 'fuzz'), computerChooser(world, 'fuzz', seats));
    return end.end ? 'accepted' : 'silentlyWrong';
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Command-line argument vectors

const COMMANDS = ['check', 'simulate', 'tournament', 'experiment'] as const;
const FILES = [
  'tutorial',
  'scenarios/tutorial.yaml',
  'tests/fixtures/minimal.yaml',
  'nosuch',
  'scenarios',
  '/dev/null',
  'constructor',
  '__proto__',
  '',
  '-',
  'scenarios/catalogue/default.yaml',
];
const FLAGS = [
  '--games',
  '--seed',
  '--json',
  '--strategy',
  '--seat',
  '--workers',
  '--noise',
  '--strategies',
  '--rounds',
  '--repetitions',
  '--generations',
  '--all',
  '--nosuch',
  '-x',
  '--',
];
const VALUES = [
  '1',
  '2',
  '0',
  '-1',
  '1e9',
  '100001',
  'auto',
  '100',
  '',
  ' ',
  ',',
  ',,',
  'abc',
  '0.6',
  'NaN',
  'Infinity',
  'hawk',
  'tit-for-tat,hawk',
  'constructor',
  'toString',
  'DPRK=hawk',
  'dprk=hawk',
  'XYZ=hawk',
  'DPRK=constructor',
  '__proto__=hawk',
  '=',
  '\u001b[2J',
];

export const argvInput = fc.tuple(
  fc.constantFrom(...COMMANDS),
  fc.array(
    fc.oneof(fc.constantFrom(...FILES), fc.constantFrom(...FLAGS), fc.constantFrom(...VALUES), hostile),
    {
      maxLength: 8,
    },
  ),
);

/** The sizes that keep one fuzzed command short: appended last, so they win over the fuzzed ones. */
const BOUNDED: Record<(typeof COMMANDS)[number], string[]> = {
  check: [],
  simulate: ['--games', '2', '--workers', '1'],
  tournament: [
    '--repetitions',
    '1',
    '--rounds',
    '2',
    '--generations',
    '1',
    '--strategies',
    'hawk,dove,tit-for-tat',
  ],
  // Only unknown experiments and bad flags: a real one plays hundreds of games.
  experiment: [],
};

/** Runs one command in this process as `qpq` does, capturing what it prints. */
async function qpq(command: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = process.stdout.write;
  const e = process.stderr.write;
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof o;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof e;
  try {
    let code: number;
    try {
      if (command === 'check') code = runCheck(args);
      else if (command === 'simulate') code = await runSimulate(args);
      else if (command === 'tournament') code = runTournament(args);
      else code = runExperimentCommand(args);
    } catch (x) {
      // What qpq.ts does with an argument the parser refuses: a sentence and exit 2. Anything else escapes.
      const c = (x as { code?: string }).code;
      if (!c?.startsWith('ERR_PARSE_ARGS')) throw x;
      err += `qpq: ${(x as Error).message}\n`;
      code = 2;
    }
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

const KNOWN_BAD = [
  '1e9',
  '100001',
  '-1',
  'NaN',
  'Infinity',
  'XYZ=hawk',
  'dprk=hawk',
  '__proto__=hawk',
  'DPRK=constructor',
];

export async function argv(t: Tally, [command, fuzzed]: [string, string[]]): Promise<void> {
  let args = [...fuzzed];
  if (command === 'experiment') args = args.filter((a) => a !== '--all' && !/^[a-z]+(-[a-z]+)+$/.test(a));
  args.push(...BOUNDED[command as keyof typeof BOUNDED]);
  await judge(t, JSON.stringify([command, ...args]), async () => {
    const r = await qpq(command, args);
    if (r.code !== 0) return r.err.trim().length > 10 && r.out === '' ? 'clear' : 'silentlyWrong';
    if (!r.out.trim()) return 'silentlyWrong';
    // A value known to be bad, given to the flag that reads it, must not run.
    for (let i = 0; i + 1 < fuzzed.length; i++) {
      const [flag, value] = [fuzzed[i]!, fuzzed[i + 1]!];
      const last = fuzzed.lastIndexOf(flag) === i && !BOUNDED[command as keyof typeof BOUNDED].includes(flag);
      if (last && (flag === '--games' || flag === '--seat') && KNOWN_BAD.includes(value))
        return 'silentlyWrong';
    }
    return 'accepted';
  });
}

// ---------------------------------------------------------------------------------------------
// 3. Save JSON, and 4. share links

const tutorial = loadScenario(
  'scenarios/tutorial.yaml',
  readFileSync(join(SCENARIO_DIR, 'tutorial.yaml'), 'utf8'),
  defaultCatalogue(),
);
export const content: Content = {
  scenarios: [{ ok: true, file: 'scenarios/tutorial.yaml', loaded: tutorial }],
  catalogueProblems: [],
  catalogue: null,
};

function played(humans: number, rounds: number): Session {
  const ids = tutorial.world.actors.map((a) => a.id);
  const s = newSession(tutorial, { humans: ids.slice(0, humans), seed: `fuzz-${humans}` });
  const objective = strategyById('objective');
  while (s.phase() && s.round() <= rounds) {
    const phase = s.phase() as InputPhase;
    for (const h of s.humans()) {
      const { why: _why, ...input } = objective.decide(
        { world: tutorial.world, view: s.view(h), rng: seatRng(`f/${s.round()}/${phase}`, h) },
        phase,
      );
      s.submit(h, input);
    }
  }
  return s;
}

/** Saves to start from: one person mid-game, hot-seat mid-game, a finished game. */
export const SAVE_BASES: SaveFile[] = [
  saveFileOf(played(1, 2), 'One person, round 3'),
  saveFileOf(played(2, 2), 'Hot-seat, round 3'),
  saveFileOf(played(1, 99), 'Finished'),
];

type Json = unknown;
function paths(
  v: Json,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object')
    for (const k of Object.keys(v)) paths((v as Record<string, Json>)[k], [...at, k], out);
  return out;
}
function setAt(v: Json, at: (string | number)[], value: Json | typeof DELETE): Json {
  if (at.length === 0) return value === DELETE ? undefined : value;
  const copy: Json = Array.isArray(v) ? [...v] : { ...(v as object) };
  const [k, ...rest] = at;
  const c = copy as Record<string | number, Json>;
  const next = setAt(c[k!], rest, value);
  if (next === undefined && rest.length === 0) {
    if (Array.isArray(copy)) copy.splice(k as number, 1);
    else delete c[k!];
  } else c[k!] = next;
  return copy;
}
const DELETE = Symbol('delete');

const jsonMutation = (base: SaveFile) => {
  const all = paths(base);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...all), fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostile))
      .map(([p, x]) => setAt(base, p, x)),
    fc.constantFrom(...all).map((p) => setAt(base, p, DELETE)),
    fc
      .tuple(fc.constantFrom(...all.filter((p) => p.length > 0)), fc.constantFrom(...HOSTILE.slice(0, 5)))
      .map(([p, k]) => {
        // A hostile key beside an existing one.
        const parent = p.slice(0, -1);
        const json = JSON.stringify(setAt(base, parent, { ...(parentAt(base, parent) as object) }));
        void json;
        const obj = parentAt(base, parent);
        if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return base;
        return setAt(base, parent, JSON.parse(`{${JSON.stringify(k)}: 1, ${JSON.stringify(obj).slice(1)}`));
      }),
    // Inputs shuffled, repeated or cut.
    fc.tuple(fc.nat(60), fc.nat(60), fc.constantFrom('swap', 'dup', 'cut')).map(([i, j, how]) => {
      const inputs = [...base.record.inputs];
      if (!inputs.length) return base;
      const a = i % inputs.length;
      const b = j % inputs.length;
      if (how === 'swap') [inputs[a], inputs[b]] = [inputs[b]!, inputs[a]!];
      else if (how === 'dup') inputs.splice(a, 0, inputs[b]!);
      else inputs.splice(a);
      return { ...base, record: { ...base.record, inputs } };
    }),
  );
};
function parentAt(v: Json, at: (string | number)[]): Json {
  let x = v;
  for (const k of at) x = (x as Record<string | number, Json>)?.[k];
  return x;
}

export const saveInput = fc.oneof(
  fc.constantFrom(...SAVE_BASES).chain((b) => jsonMutation(b).map((m) => JSON.stringify(m) ?? 'undefined')),
  fc.constantFrom(...SAVE_BASES).chain((b) => {
    const text = JSON.stringify(b);
    return fc.oneof(
      fc.nat(text.length).map((n) => text.slice(0, n)),
      fc.tuple(fc.nat(text.length), hostile).map(([n, s]) => text.slice(0, n) + s + text.slice(n)),
    );
  }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

/** A save's text: refused with a sentence, or resumed into exactly the game it holds. */
export async function saveJson(t: Tally, text: string): Promise<void> {
  await judge(t, text.slice(0, 300), () => checkSave(text, 'The save “fuzz”'));
}

function checkSave(text: string, where: string): Verdict {
  const p = parseSave(text, content, where);
  if (!p.ok) return p.problem.startsWith(where) ? 'clear' : 'silentlyWrong';
  void replayable(p.loaded, p.save);
  const r = resume(p.save, p.loaded, where);
  if (!r.ok) return r.problem.startsWith(where) ? 'clear' : 'silentlyWrong';
  const s = r.session;
  // The resumed game is the one the save holds: the same seats and the same inputs (the person's, for a one-person save).
  const seats = s.record().seats;
  if (JSON.stringify(seats) !== JSON.stringify(p.save.record.seats)) {
    // Only the order of the keys may differ.
    const same = Object.keys(seats).every((k) => seats[k] === p.save.record.seats[k]);
    if (!same) return 'silentlyWrong';
  }
  const held = p.save.seatOnly
    ? s.record().inputs.filter((x) => s.humans().includes(x.actor))
    : s.record().inputs;
  const strip = (xs: unknown[]) => JSON.stringify(xs, (k, v: unknown) => (k === 'why' ? undefined : v));
  if (strip(held) !== strip(p.save.record.inputs)) return 'silentlyWrong';
  return 'accepted';
}

const LINK_BASE = encodeSave(SAVE_BASES[0]!);

export const linkInput = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.stringMatching(/^[A-Za-z0-9_-]{0,400}$/),
  fc
    .tuple(fc.nat(2000), fc.nat(64), fc.constantFrom('none', 'cut', 'flip', 'insert'))
    .map(([i, c, how]) => ({ i, c, how })),
);

/** A link's fragment: not a game (null), refused with a sentence, or a game that resumes as its save says. */
export async function shareLink(t: Tally, x: string | { i: number; c: number; how: string }): Promise<void> {
  let hash: string;
  if (typeof x === 'string') hash = `#game=${x}`;
  else {
    const { payload } = await LINK_BASE;
    const i = x.i % (payload.length + 1);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const ch = alphabet[x.c % 64]!;
    const p =
      x.how === 'none'
        ? payload
        : x.how === 'cut'
          ? payload.slice(0, i)
          : x.how === 'flip'
            ? payload.slice(0, i) + ch + payload.slice(i + 1)
            : payload.slice(0, i) + ch + payload.slice(i);
    hash = `#game=${p}`;
  }
  await judge(t, hash.slice(0, 300), async () => {
    const r = await readShared(hash, content);
    if (r === null) return 'silentlyWrong';
    if (!r.ok) return r.problem.startsWith('The shared link') ? 'clear' : 'silentlyWrong';
    return checkSave(JSON.stringify(r.save), 'The shared link');
  });
}

// ---------------------------------------------------------------------------------------------
// Saved-game slots: no save lost or replaced without a yes.

const TITLES = [
  'Game 1',
  'game-1!',
  'GAME 1',
  ' Game 1 ',
  '첫 번째 게임',
  '두 번째 게임',
  '第一局',
  '第二局',
  'Первая игра',
  'Вторая игра',
  'e\u0301',
  '\u00e9',
  '',
  ' ',
];

export const slotInput = fc.tuple(
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...TITLES), fc.string({ maxLength: 12 })), fc.boolean()), {
    minLength: 1,
    maxLength: 12,
  }),
  fc.option(fc.integer({ min: 500, max: 20_000 })),
);

/** A sequence of saves (title, answer to "replace?"): afterwards every save the player kept is there. */
export async function slots(t: Tally, [writes, quota]: [[string, boolean][], number | null]): Promise<void> {
  await judge(t, JSON.stringify({ writes, quota }), () => {
    const ls = new MemoryStorage();
    if (quota !== null) ls.quota = quota;
    const g = globalThis as { window?: unknown };
    const before = g.window;
    g.window = { localStorage: ls };
    try {
      const model = new Map<string, string>();
      let refused = 0;
      writes.forEach(([title, yes], k) => {
        const save = {
          ...SAVE_BASES[0]!,
          title,
          savedAt: new Date(k * 1000).toISOString(),
          record: { ...SAVE_BASES[0]!.record, seed: `s${k}` },
        };
        const key = title.trim().normalize('NFC');
        const r = saveSlot(save, () => yes);
        if (r.ok) model.set(key, `s${k}`);
        else {
          refused++;
          if (!r.cancelled && !/storage for the game is full/.test(r.problem)) throw new Error(r.problem);
        }
      });
      const listed = listSlots(content);
      const got = new Map(
        listed.map((s) => [(s.save?.title ?? s.name).trim().normalize('NFC'), s.save?.record.seed]),
      );
      for (const [k, seed] of model) if (got.get(k) !== seed) return 'dataLost';
      if (listed.length !== model.size) return 'dataLost';
      return refused ? 'clear' : 'accepted';
    } finally {
      g.window = before;
    }
  });
}

// ---------------------------------------------------------------------------------------------

export interface RunOptions {
  runs: number;
  seed: number;
}

export async function fuzzAll({ runs, seed }: RunOptions): Promise<Tally[]> {
  const out: Tally[] = [];
  const each = async <T>(
    name: string,
    arb: fc.Arbitrary<T>,
    fn: (t: Tally, x: T) => Promise<void>,
    n = runs,
  ) => {
    const t = tally(name);
    for (const x of fc.sample(arb, { numRuns: n, seed })) await fn(t, x);
    out.push(t);
  };
  await each('scenario text', scenarioInput, scenarioText);
  await each('command-line arguments', argvInput, (t, x) => argv(t, x as [string, string[]]));
  await each('save JSON', saveInput, saveJson);
  await each('share links', linkInput, shareLink);
  await each('saved-game slots', slotInput, (t, x) => slots(t, x as [[string, boolean][], number | null]));
  return out;
}

export const table = (ts: Tally[]): string =>
  [
    '| Surface | Inputs tried | Clear errors | Valid games / runs | Crashes | Silently wrong | Data lost |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ts.map(
      (t) =>
        `| ${t.surface} | ${t.tried} | ${t.clear} | ${t.accepted} | ${t.crashes} | ${t.silentlyWrong} | ${t.dataLost} |`,
    ),
    (() => {
      const s = (k: keyof Tally) => ts.reduce((a, t) => a + (t[k] as number), 0);
      return `| **All** | ${s('tried')} | ${s('clear')} | ${s('accepted')} | ${s('crashes')} | ${s('silentlyWrong')} | ${s('dataLost')} |`;
    })(),
  ].join('\n');

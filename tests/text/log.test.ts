/**
 * The engine's log holds facts, not sentences: every entry is ids, numbers and names, and one message module per
 * language renders each kind. These tests fail if English creeps back into the state or a kind has no words.
 */
import { describe, expect, test } from 'vitest';
import { computerChooser, seatStrategies } from '../../src/ai/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import { LOG_KINDS, runGame, startGame } from '../../src/engine/index.ts';
import type { LogEntry, World } from '../../src/engine/index.ts';
import { en, inSentence, logText, logTexts } from '../../src/text/index.ts';

const SCENARIOS = ['panmunjom-2018', 'missile-crisis-2017', 'hanoi-2019'];

function games(): { world: World; log: LogEntry[] }[] {
  const out: { world: World; log: LogEntry[] }[] = [];
  for (const id of SCENARIOS) {
    const { world } = readScenario(id);
    for (const [k, strategy] of ['objective', 'hawk', 'random', 'dove'].entries()) {
      const seed = `log-${id}-${k}`;
      const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategy]));
      const end = runGame(world, startGame(world, seed), computerChooser(world, seed, seatStrategies(seats)));
      out.push({ world, log: end.log });
    }
  }
  return out;
}

const GAMES = games();

/** The only words a log entry may carry: the names of leaders (proper nouns the scenario gives). */
function leaderNames(world: World): Set<string> {
  const names = new Set<string>();
  for (const a of world.actors) {
    names.add(world.initial.actors[a.id]!.leader.name);
    for (const s of a.successors) names.add(s.name);
    names.add(`New government of ${a.name}`);
  }
  for (const ev of world.events) for (const e of ev.effects) if (e.kind === 'leader') names.add(e.name);
  return names;
}

describe('the log is data', () => {
  test('no entry has a text field, and every string in an entry is an id, a closed word or a leader’s name', () => {
    for (const { world, log } of GAMES) {
      const ids = new Set<string>([
        ...world.actors.map((a) => a.id),
        ...world.actions.map((a) => a.id),
        ...world.events.map((e) => e.id),
        ...LOG_KINDS,
        'none',
        'partial',
        'inspections',
        'election',
        'collapse',
        'event',
        ...leaderNames(world),
      ]);
      for (const e of log) {
        expect(e).not.toHaveProperty('text');
        const strings: string[] = [];
        JSON.stringify(e, (_k, v: unknown) => (typeof v === 'string' && strings.push(v), v));
        for (const x of strings) expect(ids, `${x} in ${JSON.stringify(e)}`).toContain(x);
      }
    }
  });

  test('every kind of log line renders to a sentence, for a party and for an outsider', () => {
    const seen = new Set<string>();
    for (const { world, log } of GAMES)
      for (const e of log) {
        seen.add(e.kind);
        for (const me of [undefined, ...world.actors.map((a) => a.id)]) {
          const text = logText(e, { world, ...(me ? { me } : {}) });
          expect(text).toMatch(/^[A-Z0-9“].*[.)]$|: /);
          expect(text).not.toMatch(/undefined|NaN|\[object/);
        }
      }
    // The games above meet most kinds; the rest are rendered from entries built here.
    const world = GAMES[0]!.world;
    const built: LogEntry[] = [
      { round: 2, to: null, kind: 'event', ref: world.events[0]!.id, injected: true },
      {
        round: 2,
        to: null,
        kind: 'election',
        actor: 'USA',
        leader: 'Donald Trump',
        won: false,
        support: 41.6,
      },
      {
        round: 2,
        to: null,
        kind: 'leader',
        actor: 'USA',
        leader: 'Joe Biden',
        replaced: 'Donald Trump',
        cause: 'election',
      },
      { round: 2, to: null, kind: 'hardline', actor: 'DPRK', leader: 'Kim Jong-un' },
      {
        round: 3,
        to: null,
        kind: 'walked-away',
        actor: 'ROK',
        ref: 4,
        leader: 'Yoon Suk-yeol',
        signer: 'Moon Jae-in',
      },
      { round: 3, to: null, kind: 'clash', tension: 91.2 },
      { round: 3, to: null, kind: 'disputed', ref: 4, step: 2 },
      { round: 3, to: ['USA', 'DPRK'], kind: 'rejected', actor: 'USA', ref: 9, by: ['USA', 'PRC'] },
    ];
    for (const e of built) seen.add(e.kind);
    expect([...seen].sort()).toEqual([...LOG_KINDS].sort());
    const c = { world, me: 'USA' };
    expect(built.map((e) => logText(e, c))).toEqual([
      `${world.events[0]!.name}: ${world.events[0]!.text} (set off by the instructor)`,
      'United States: Donald Trump loses the election with 42% support.',
      'United States: Joe Biden takes office (election), replacing Donald Trump.',
      'With support at home failing, Kim Jong-un of North Korea turns hardline.',
      'Yoon Suk-yeol of South Korea walks away from agreement #4, signed by Moon Jae-in.',
      'A miscalculation at tension 91 turns into a military clash.',
      'Step 2 of agreement #4 is disputed; one more disputed step will end it.',
      'You and China reject offer #9.',
    ]);
  });

  test('names keep their capitals inside a sentence; ordinary first words are lowered', () => {
    expect(inSentence('Impose sanctions')).toBe('impose sanctions');
    expect(inSentence('UN sanctions')).toBe('UN sanctions');
    expect(inSentence('ICBM test')).toBe('ICBM test');
    expect(inSentence('McDonald visit')).toBe('McDonald visit');
  });

  test('the English module has a sentence and a label for every kind', () => {
    for (const k of LOG_KINDS) {
      expect(typeof en.log[k]).toBe('function');
      expect(en.kinds[k]).toMatch(/^[a-z]+$/);
    }
  });
});

describe('a repeating event', () => {
  test('is told in full the first time and named after that, with the round where its text is', () => {
    const { world, log } = GAMES[0]!; // the Panmunjom thaw: "The centrifuges keep spinning" until a freeze
    const ev = world.events.find((e) => e.id === 'fissile-production')!;
    const fired = log.flatMap((e, k) => (e.kind === 'event' && e.ref === ev.id ? [k] : []));
    expect(fired.length).toBeGreaterThan(1);
    const texts = logTexts(log, { world });
    const firstRound = log[fired[0]!]!.round;
    expect(texts[fired[0]!]).toBe(logText(log[fired[0]!]!, { world }));
    expect(texts[fired[0]!]).toContain(ev.text.trim().slice(0, 40));
    for (const k of fired.slice(1)) expect(texts[k]).toBe(`${ev.name}, again (as in round ${firstRound}).`);
    // Every other line is the line's own sentence, but for other events told before.
    const seen = new Map<string, number>();
    log.forEach((e, k) => {
      if (e.kind === 'event' && (seen.get(e.ref) ?? e.round) < e.round)
        expect(texts[k]).toMatch(/, again \(as in round \d+\)/);
      else expect(texts[k]).toBe(logText(e, { world }));
      if (e.kind === 'event' && !seen.has(e.ref)) seen.set(e.ref, e.round);
    });
  });
});

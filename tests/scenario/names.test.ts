/**
 * Crashes from names (issue 15): an added action, a strategy, a seat or a key named `constructor`, `toString`,
 * `hasOwnProperty`, `__proto__` … passed `qpq check` and then crashed `simulate` or left a computer seat idle;
 * an unknown strategy was quietly replaced; `__proto__` under `actors:` was dropped without a word; a name with
 * `$'` blew up the log. Each is refused here with a located message, or handled as plain text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STRATEGIES, isStrategy, strategyById } from '../../src/ai/index.ts';
import { runSimulate } from '../../src/cli/simulate.ts';
import { RESERVED_NAMES, STRATEGY_IDS, checkScenario, loadScenario } from '../../src/scenario/index.ts';
import { prose } from '../../src/ui/kit/text.ts';
import { FIXTURES, SCENARIO_DIR, defaultCatalogue } from './helpers.ts';

const tutorial = readFileSync(join(SCENARIO_DIR, 'tutorial.yaml'), 'utf8');
const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
const check = (text: string) => checkScenario('s.yaml', text, defaultCatalogue().file).problems;
const lineOf = (text: string, needle: string): number =>
  text.slice(0, text.indexOf(needle)).split('\n').length;

const WORDS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__proto__'];

describe('crashes from names', () => {
  it.each(WORDS.filter((w) => w !== '__proto__'))(
    'an added action named %s is refused by qpq check, at its line',
    (word) => {
      const text = tutorial.replace('- id: resume-broadcasts', `- id: ${word}`);
      const problems = check(text);
      const line = lineOf(text, `- id: ${word}`);
      expect(
        problems.some((p) => p.line === line && p.message.includes(`"${word}" cannot be used as a name`)),
      ).toBe(true);
    },
  );

  it.each(WORDS)('a strategy named %s is refused: strategy is one of the computer players', (word) => {
    const text = minimal.replace('  DPRK:\n', `  DPRK:\n    strategy: ${word}\n`);
    const problems = check(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.line).toBe(lineOf(text, `strategy: ${word}`));
  });

  it('an unknown strategy: nosuch is refused, not quietly replaced', () => {
    const text = minimal.replace('  DPRK:\n', '  DPRK:\n    strategy: nosuch\n');
    const problems = check(text);
    expect(problems.map((p) => p.line)).toContain(lineOf(text, 'strategy: nosuch'));
    expect(problems.map((p) => p.message).join(' ')).toMatch(/nosuch/);
  });

  it('__proto__ under actors is not dropped silently: it is refused at its line', () => {
    const text = minimal.replace('  DPRK:\n', '  __proto__:\n    name: Nowhere\n  DPRK:\n');
    const problems = check(text);
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: lineOf(text, '__proto__:'),
        message: expect.stringMatching(/"__proto__" cannot be used as a name/),
      }),
    );
  });

  it.each(WORDS)('a key named %s under actions.allow is refused at its line', (word) => {
    const text = minimal.replace('    mediate: [ROK]', `    ${word}: [ROK]`);
    const problems = check(text);
    expect(problems.map((p) => p.line)).toContain(lineOf(text, `${word}: [ROK]`));
  });

  it('strategies are looked up as own names: constructor and toString are unknown, never Object’s', () => {
    for (const w of RESERVED_NAMES) {
      expect(isStrategy(w)).toBe(false);
      expect(() => strategyById(w)).toThrow(/^Unknown strategy/);
    }
    expect([...STRATEGY_IDS].sort()).toEqual(Object.keys(STRATEGIES).sort());
  });

  it("a government name containing $' stays text in the log (no exponential growth)", () => {
    // A replacer function here too: the same bug would otherwise strike the test.
    const text = tutorial.replace('    name: North Korea\n', () => `    name: "Nor$'th $\` Ko$&rea $$"\n`);
    const { world } = loadScenario('s.yaml', text, defaultCatalogue());
    const line = prose(world, 'DPRK proposes to ROK; DPRK waits.');
    expect(line).toBe(`Nor$'th $\` Ko$&rea $$ proposes to South Korea; Nor$'th $\` Ko$&rea $$ waits.`);
  });
});

describe('--seat names a government of the scenario', () => {
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  afterEach(() => {
    err.mockClear();
    out.mockClear();
  });
  it.each([
    ['dprk=hawk', /did you mean DPRK\?/],
    ['XYZ=hawk', /no government "XYZ"; its governments are DPRK, ROK/],
    ['constructor=hawk', /no government "constructor"/],
    ['__proto__=hawk', /no government "__proto__"/],
    ['DPRK=constructor', /--seat takes ACTOR=STRATEGY/],
  ])('--seat %s is rejected with a message (exit 1)', async (seat, message) => {
    expect(await runSimulate(['tutorial', '--games', '1', '--seat', seat])).toBe(1);
    expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(message);
    expect(out).not.toHaveBeenCalled();
  });
});

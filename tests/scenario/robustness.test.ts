/**
 * Whatever the text, the checker answers with placed problems and plain sentences: it never throws (so
 * `qpq check` never prints a stack trace), every problem lies inside the file, and a text is valid exactly
 * when no problem is reported. Inputs: arbitrary text, and the valid minimal scenario damaged at random.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScenario, parseCatalogue, suggest } from '../../src/scenario/index.ts';
import type { Problem } from '../../src/scenario/index.ts';
import { FIXTURES, defaultCatalogue } from './helpers.ts';

const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
const lines = minimal.split('\n');

function expectWellFormed(
  text: string,
  check: typeof checkScenario | typeof parseCatalogue = checkScenario,
): void {
  let r: { value: unknown; problems: Problem[] } | undefined;
  expect(() => (r = check('f.yaml', text, defaultCatalogue().file))).not.toThrow();
  const { value, problems } = r!;
  expect(value === null).toBe(problems.length > 0);
  // Lines as YAML counts them: a lone CR ends a line too (a CR-only file is read as lines).
  const textLines = text.split(/\r\n|\r|\n/);
  const count = textLines.length;
  for (const p of problems) {
    expect(p.file).toBe('f.yaml');
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.line).toBeLessThanOrEqual(count);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeLessThanOrEqual((textLines[p.line - 1] ?? '').length + 1);
    expect(p.message).toMatch(/^\S/);
    expect(p.message).not.toMatch(/\bundefined\b|\[object |NaN|Error:|\n/);
  }
  const sorted = problems.map((p) => p.line * 1e6 + p.column);
  expect(sorted).toEqual([...sorted].sort((a, b) => a - b));
}

/** The minimal scenario with one line changed: deleted, doubled, re-indented, or spliced with punctuation. */
const damaged = fc
  .record({
    line: fc.nat({ max: lines.length - 1 }),
    how: fc.constantFrom('delete', 'double', 'indent', 'dedent', 'splice', 'truncate'),
    at: fc.nat({ max: 80 }),
    piece: fc.constantFrom(
      ': ',
      '"',
      "'",
      '[',
      ']',
      '{',
      '}',
      '- ',
      '#',
      '\t',
      '&a ',
      '*a ',
      '!x ',
      '|',
      '>',
      '---',
      ',',
      '\\',
      '%',
      '@',
      '`',
      '?',
      'x: y: z',
      '\u00a0',
    ),
  })
  .map(({ line, how, at, piece }) => {
    const out = [...lines];
    const l = out[line]!;
    const k = Math.min(at, l.length);
    if (how === 'delete') out.splice(line, 1);
    else if (how === 'double') out.splice(line, 0, l);
    else if (how === 'indent') out[line] = ' '.repeat(1 + (at % 3)) + l;
    else if (how === 'dedent') out[line] = l.replace(/^ {1,2}/, '');
    else if (how === 'splice') out[line] = l.slice(0, k) + piece + l.slice(k);
    else out[line] = l.slice(0, k);
    return out.join('\n');
  });

describe('the checker never throws and always places its problems', () => {
  it('for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'binary' }), (t) => expectWellFormed(t)),
      { numRuns: 300 },
    );
  });

  it('for arbitrary YAML-ish text', () => {
    const token = fc.constantFrom(
      'a',
      'id',
      'actors',
      'DPRK',
      ':',
      ': ',
      ' ',
      '  ',
      '\n',
      '- ',
      '[',
      ']',
      '{',
      '}',
      ',',
      '"',
      "'",
      '#',
      '1',
      '-1',
      '0.5',
      'true',
      '~',
      '&x ',
      '*x',
      '!t ',
      '|',
      '>',
      '---',
      '\t',
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }).map((ts) => ts.join('')),
        (t) => expectWellFormed(t),
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 60 }).map((ts) => ts.join('')),
        (t) => expectWellFormed(t, parseCatalogue),
      ),
      { numRuns: 200 },
    );
  });

  it('for the minimal scenario damaged at one line', () => {
    fc.assert(
      fc.property(damaged, (t) => expectWellFormed(t)),
      { numRuns: 400 },
    );
  });
});

describe('suggestions', () => {
  it.each([
    ['secruity', ['security', 'support', 'economy'], 'security'],
    ['leadr', ['leader', 'name', 'successors'], 'leader'],
    ['DRPK', ['DPRK', 'ROK', 'USA', 'PRC', 'RUS', 'JPN'], 'DPRK'],
    ['cyber-operaton', ['cyber-operation', 'nuclear-test'], 'cyber-operation'],
    ['anthem', ['name', 'capital', 'elected'], null],
    ['security', ['security'], null],
  ] as const)('%s → %s', (word, candidates, expected) => {
    expect(suggest(word, candidates)).toBe(expected);
  });
});

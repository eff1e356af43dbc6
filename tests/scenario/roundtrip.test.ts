/**
 * Round trip: a valid scenario, dumped again with the yaml package in any style and parsed again, compiles to
 * the same world. Checked for every shipped scenario, and as a property over generated variations of one
 * (any text in its names and summaries, any numbers in range, any YAML output style).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument, stringify } from 'yaml';
import type { ToStringOptions } from 'yaml';
import { CORE_ACTORS } from '../../src/engine/index.ts';
import type { World } from '../../src/engine/index.ts';
import { checkScenario, compileWorld, formatProblem } from '../../src/scenario/index.ts';
import { FIXTURES, SCENARIO_DIR, defaultCatalogue, rel, yamlFiles } from './helpers.ts';

/** Checks a text and compiles it; fails the test with every problem if it is not valid. */
function worldOf(file: string, text: string): World {
  const r = checkScenario(file, text, defaultCatalogue().file);
  if (!r.value)
    throw new Error(
      `${file} is not valid:\n${r.problems.map(formatProblem).join('\n')}\n--- text ---\n${text}`,
    );
  return compileWorld(r.value, defaultCatalogue().file, 'same-hash');
}

describe('round trip of the shipped scenarios', () => {
  it.each([...yamlFiles(SCENARIO_DIR), join(FIXTURES, 'minimal.yaml')].map((f) => [rel(f), f]))(
    '%s',
    (name, file) => {
      const text = readFileSync(file, 'utf8');
      const world = worldOf(name, text);
      expect(
        worldOf(name, parseDocument(text).toString()),
        'the document written back with its comments',
      ).toEqual(world);
      expect(worldOf(name, stringify(parse(text))), 'the plain value dumped').toEqual(world);
      expect(
        worldOf(name, stringify(parse(text), { collectionStyle: 'flow' })),
        'the value dumped as one flow',
      ).toEqual(world);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// The property

type Data = Record<string, unknown>;
const base = parse(readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8')) as Data;

/** Text that YAML finds awkward: colons, comment marks, quotes, look-alike numbers and words, line breaks. */
const tricky = fc.constantFrom(
  'Note: one year',
  'a #1 priority',
  '#hashtag',
  '- a dash',
  '"quoted"',
  '  leading spaces',
  "it's",
  'yes',
  'no',
  'null',
  '~',
  'true',
  '123',
  '0x1F',
  '1e3',
  '.inf',
  '@home',
  '`tick`',
  '| pipe',
  '> fold',
  'trailing spaces  ',
  'two\nlines',
  'ends with a newline\n',
  'tab\there',
  '{braces}',
  '[brackets]',
  '*star',
  '&amp',
  '!bang',
  '%percent',
  '---',
  '...',
  'Ünïcödé – “quotes” — 한국어 조선말',
  '\\backslash\\',
);
// Whitespace-only text is left out: yaml 2.9 writes " " as a block scalar that reads back as "".
const text = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
    fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }),
    tricky,
  )
  .filter((s) => s.trim() !== '');
const pct = fc.double({ min: 0, max: 100, noNaN: true }).map((x) => x + 0);
const chance = fc.double({ min: 0.001, max: 1, noNaN: true });

const variation = fc.record({
  title: text,
  period: text,
  summary: text,
  source: text,
  tension: pct,
  actors: fc.tuple(
    ...CORE_ACTORS.map(() =>
      fc.record({
        name: text,
        capital: text,
        leader: text,
        stance: pct,
        security: pct,
        economy: pct,
        label: text,
        public: text,
        private: text,
      }),
    ),
  ),
  eventText: text,
  eventName: text,
  chance,
  outcomeSummary: text,
});

// The writer's own bugs in yaml 2.9 are kept out of the property, which is about the validator:
// - indent stays 2: with another indent, a block scalar that starts with a space gets a `|2` header that does
//   not match its indentation, so " !" reads back as "  !" (the non-root sibling of eemeli/yaml#692);
// - lineWidth stays 0 (no folding): folding splits escapes (eleven NULs in flow style come out as the invalid
//   "\undefined") and can put a line break before a long first word.
const styles: fc.Arbitrary<ToStringOptions & { indent: number }> = fc.record({
  indent: fc.constant(2),
  lineWidth: fc.constant(0),
  defaultStringType: fc.constantFrom(
    'PLAIN',
    'QUOTE_DOUBLE',
    'QUOTE_SINGLE',
    'BLOCK_FOLDED',
    'BLOCK_LITERAL',
  ),
  defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  collectionStyle: fc.constantFrom('any', 'block', 'flow'),
  flowCollectionPadding: fc.boolean(),
  indentSeq: fc.boolean(),
  doubleQuotedAsJSON: fc.boolean(),
  singleQuote: fc.constantFrom(null, true, false),
});

function build(v: {
  title: string;
  period: string;
  summary: string;
  source: string;
  tension: number;
  actors: {
    name: string;
    capital: string;
    leader: string;
    stance: number;
    security: number;
    economy: number;
    label: string;
    public: string;
    private: string;
  }[];
  eventText: string;
  eventName: string;
  chance: number;
  outcomeSummary: string;
}): Data {
  const d = structuredClone(base);
  Object.assign(d, {
    title: v.title,
    period: v.period,
    summary: v.summary,
    tension: v.tension,
    sources: [{ title: v.source }],
  });
  CORE_ACTORS.forEach((id, k) => {
    const a = (d.actors as Record<string, Data>)[id]!;
    const x = v.actors[k]!;
    Object.assign(a, {
      name: x.name,
      capital: x.capital,
      security: x.security,
      economy: x.economy,
      briefing: { public: x.public, private: x.private },
    });
    Object.assign(a.leader as Data, { name: x.leader, stance: x.stance });
    ((a.objectives as Data[])[0] as Data).label = x.label;
  });
  const events = d.events as Data[];
  Object.assign(events[1]!, { text: v.eventText, name: v.eventName, chance: v.chance });
  ((d.outcomes as Data[])[2] as Data).summary = v.outcomeSummary;
  return d;
}

describe('round trip property', () => {
  it('dump, parse, dump again in another style, parse again: the same world', () => {
    fc.assert(
      fc.property(variation, styles, styles, (v, style1, style2) => {
        const data = build(v);
        const text1 = stringify(data, style1);
        const world1 = worldOf('generated.yaml', text1);
        const text2 = stringify(parse(text1), style2);
        expect(worldOf('generated.yaml', text2)).toEqual(world1);
        // And the world holds what was generated, not a mangled copy of it.
        expect(world1.title).toBe(v.title);
        expect(world1.actors.map((a) => a.name)).toEqual(v.actors.map((a) => a.name));
        expect(world1.initial.tension).toBe(v.tension);
        expect(world1.events[1]!.text).toBe(v.eventText.trim());
      }),
      { numRuns: 200 },
    );
  });
});

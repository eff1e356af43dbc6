/**
 * Every kind of broken scenario file, one fixture each (tests/fixtures/broken/), as a golden table: the exact
 * line and column of each problem, the text found there, the field the message names, and what it says is
 * wrong. `qpq check` exits 1 exactly when the problem list is not empty.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.ts';
import { ScenarioError } from '../../src/scenario/index.ts';
import { BROKEN, checkBroken, defaultCatalogue } from './helpers.ts';

interface Expected {
  /** Line and column, counted from 1. */
  at: [number, number];
  /** The field the message starts with (`field: ...`); null where the problem is about the whole file. */
  field: string | null;
  /** The source text found at that line and column. */
  token: string;
  /** Pieces the message must contain: what is wrong, and the fix or suggestion. */
  says: string[];
}

const one = (at: [number, number], field: string | null, token: string, ...says: string[]): Expected[] => [
  { at, field, token, says },
];

const CASES: Record<string, Expected[]> = {
  // --- YAML syntax: the line and column of the mistake itself, not of where the parser gave up.
  'yaml-indent-less': one(
    [18, 4],
    null,
    'capital:',
    '"capital" starts at column 4',
    'around it start at column 5',
    'same column',
  ),
  'yaml-indent-more': one(
    [18, 7],
    null,
    'capital:',
    '"capital" is indented further than "name"',
    'line it up with "name"',
  ),
  'yaml-tab-indent': one([18, 1], 'capital', '\tcapital', 'indented with a tab', 'spaces'),
  'yaml-unclosed-quote': one(
    [3, 8],
    'title',
    '"A minimal',
    'quote (") that opens this text is never closed',
    'Add the closing "',
  ),
  'yaml-unclosed-bracket': one(
    [10, 9],
    'stages',
    '[Standoff',
    'opens here with "[" is never closed',
    'Add "]"',
  ),
  'yaml-unclosed-brace': one([26, 13], 'leader', '{ name', 'opens here with "{" is never closed', 'Add "}"'),
  'yaml-colon-in-text': one([5, 10], 'summary', 'The plan:', 'contains ": "', 'Put the whole text in quotes'),
  'yaml-colon-in-brackets': one(
    [28, 18],
    'label',
    'Regime: security',
    'contains ": " inside',
    'put it in quotes',
  ),
  'yaml-stray-bracket': one([13, 27], 'flashpoints', ']', 'closes nothing', 'Remove it'),
  'yaml-text-after-quote': one([3, 20], 'title', 'scenario', 'more text after the closing quote'),
  'yaml-no-break-space': one(
    [22, 1],
    'security',
    '\u00a0\u00a0\u00a0\u00a0security',
    'unusual space',
    'no-break space',
    'Retype the spaces',
  ),
  'yaml-two-documents': one([10, 1], null, '---', 'a second scenario starts here', 'a file holds only one'),
  'yaml-two-mistakes': [
    { at: [4, 9], field: 'period', token: 'Note: one year', says: ['contains ": "'] },
    { at: [13, 14], field: 'flashpoints', token: '[[DPRK', says: ['never closed'] },
  ],

  // --- Wrong types: what was wanted, and what was found.
  'type-text-for-number': one(
    [22, 15],
    'actors › DPRK › security',
    'high',
    'should be a number from 0 to 100',
    'the text "high"',
  ),
  'type-list-for-section': one(
    [8, 8],
    'start',
    '[2018, 1]',
    'should be a section of named fields (year, quarter)',
    'but it is a list',
  ),
  'type-text-for-section': one(
    [26, 13],
    'actors › DPRK › leader',
    'Kim Jong-un',
    'should be a section of named fields (name, stance',
    'the text "Kim Jong-un"',
  ),
  'type-section-for-list': one(
    [13, 14],
    'flashpoints',
    '{ DPRK: ROK }',
    'should be a list',
    'but it is a section',
  ),
  'type-quoted-number': one([12, 10], 'tension', '"50"', 'should be a number', 'without quotes'),
  'type-yes-for-boolean': one(
    [19, 14],
    'actors › DPRK › elected',
    'yes',
    'should be true or false',
    'the text "yes"',
  ),
  'type-fraction-for-whole-number': one(
    [9, 9],
    'rounds',
    '4.5',
    'should be a whole number from 1 to 80',
    'it is the number 4.5',
  ),
  'type-empty-value': one(
    [12, 9],
    'tension',
    '',
    'should be a number from 0 to 100',
    'it is empty',
    'Give it a value',
  ),

  // --- Out of range: the allowed range, and the value found.
  'range-security-140': one(
    [22, 15],
    'actors › DPRK › security',
    '140',
    'must be a number from 0 to 100',
    'it is 140',
  ),
  'range-chance-1.5': one(
    [123, 13],
    'events › harvest › chance',
    '1.5',
    'must be a number from 0 to 1',
    'it is 1.5',
    'fraction',
  ),
  'range-negative-round': one(
    [117, 12],
    'events › olympics › round',
    '-1',
    'must be a whole number of at least 1',
    'it is -1',
  ),
  'range-one-outcome': one(
    [131, 3],
    'outcomes',
    '- id: military-clash',
    'must have at least 2 items',
    'it has 1',
  ),

  // --- Missing fields: placed at the section that lacks them.
  'missing-leader': one(
    [16, 3],
    'actors › DPRK › leader',
    'DPRK:',
    'this required field is missing',
    'add it under DPRK',
  ),
  'missing-outcomes': one(
    [2, 1],
    'outcomes',
    'id: minimal',
    'this required field is missing',
    'add it to the file',
  ),
  'missing-kind': one(
    [120, 9],
    'events › olympics › effects › #1',
    '{ from: DPRK',
    'needs a "kind"',
    'one of var, tension, trust',
  ),
  'missing-in-list-item': one(
    [135, 5],
    'outcomes › detente › summary',
    'id: detente',
    'this required field is missing',
    'add it under detente',
  ),

  // --- Unknown keys and values: at the key itself, with a suggestion.
  'unknown-key-secruity': one(
    [22, 5],
    'actors › DPRK › secruity',
    'secruity:',
    'not part of the format',
    'Did you mean "security"?',
  ),
  'unknown-key-leadr': one(
    [26, 5],
    'actors › DPRK › leadr',
    'leadr:',
    'not part of the format',
    'Did you mean "leader"?',
  ),
  'unknown-key-top-level': one([3, 1], 'titel', 'titel:', 'not part of the format', 'Did you mean "title"?'),
  'unknown-key-no-suggestion': one(
    [19, 5],
    'actors › DPRK › anthem',
    'anthem:',
    'not part of the format',
    'The fields allowed here are: name, capital',
  ),
  'unknown-kind': one(
    [120, 17],
    'events › olympics › effects › #1 › kind',
    'trsut',
    '"trsut" is not a kind of effect',
    'Did you mean "trust"?',
  ),
  'unknown-choice': one(
    [28, 59],
    'actors › DPRK › objectives › #1 › want',
    'hihg',
    'use one of: high, low',
    'Did you mean "high"?',
  ),
  'bad-id': one(
    [2, 5],
    'id',
    'my scenario',
    '"my scenario" is not valid here',
    'letters, digits and hyphens',
  ),
  // One root problem, one message: the id is wrong, so "RUS" is not also reported missing.
  'bad-government-id': one(
    [72, 3],
    'actors › rus',
    'rus:',
    '"rus" cannot be a government id',
    'capital letters',
    'write "RUS"',
  ),

  // --- Duplicates: the second occurrence, naming the first one's line.
  'duplicate-government': one(
    [101, 3],
    'actors › JPN',
    'JPN:',
    '"JPN" is given twice',
    'first on line 86',
    'Keep only one',
  ),
  'duplicate-field': one(
    [19, 5],
    'actors › DPRK › capital',
    'capital: Kaesong',
    '"capital" is given twice',
    'first on line 18',
  ),
  'duplicate-event-id': one(
    [121, 9],
    'events › olympics › id',
    'olympics',
    'used by another event already',
    'on line 115',
  ),
  'duplicate-outcome-id': one(
    [140, 9],
    'outcomes › frozen-conflict › id',
    'frozen-conflict',
    'used by another outcome already',
    'on line 135',
  ),

  // --- References to things that do not exist, with a suggestion.
  'ref-relations-row': one(
    [103, 5],
    'relations › trust › DRPK',
    'DRPK:',
    'no government "DRPK"',
    'Did you mean "DPRK"?',
  ),
  'ref-relations-column': one(
    [106, 12],
    'relations › sanctions › USA › DRPK',
    'DRPK: 3',
    'no government "DRPK"',
    'Did you mean "DPRK"?',
  ),
  'ref-alliance': one(
    [107, 21],
    'relations › alliances › #1 › #2',
    'ROC',
    'no government "ROC"',
    'Did you mean "ROK"?',
  ),
  'ref-flashpoints': one(
    [13, 16],
    'flashpoints › #1 › #1',
    'DRPK',
    'no government "DRPK"',
    'Did you mean "DPRK"?',
  ),
  'ref-objective': one(
    [56, 53],
    'actors › USA › objectives › #1 › of',
    'DRPK',
    'no government "DRPK"',
    'Did you mean "DPRK"?',
  ),
  'ref-event': one(
    [120, 30],
    'events › olympics › effects › #1 › from',
    'DRPK',
    'no government "DRPK"',
    'Did you mean "DPRK"?',
  ),
  'ref-coach': [
    ...one([148, 24], 'coach › suggest › #1 › with', 'DRPK', 'no government "DRPK"', 'Did you mean "DPRK"?'),
    ...one([148, 60], 'coach › suggest › #1 › want', 'sumit', 'no action "sumit"', 'Did you mean "summit"?'),
  ],
  'ref-outcome': one(
    [139, 32],
    'outcomes › detente › when › #1 › of',
    'DRPK',
    'no government "DRPK"',
    'Did you mean "DPRK"?',
  ),
  'ref-historical': one(
    [14, 13],
    'historical',
    'detante',
    'there is no outcome "detante"',
    'Did you mean "detente"?',
  ),
  'ref-actions-remove': one(
    [110, 12],
    'actions › remove › #1',
    'cyber-operaton',
    'the catalogue has no action "cyber-operaton"',
    'Did you mean "cyber-operation"?',
  ),
  'ref-actions-allow': one(
    [112, 5],
    'actions › allow › mediat',
    'mediat:',
    'no action "mediat"',
    'Did you mean "mediate"?',
  ),
  'ref-actions-allow-government': one(
    [112, 15],
    'actions › allow › mediate › #1',
    'ROC',
    'no government "ROC"',
    'Did you mean "ROK"?',
  ),

  // --- Contradictions: things that can never happen.
  'never-chance-zero': one([123, 13], 'events › harvest › chance', '0', 'a chance of 0', 'can never happen'),
  'never-from-after-until': one(
    [124, 5],
    'events › harvest › from',
    'from: 4',
    'from (round 4) is after until (round 2)',
    'can never happen',
  ),
  'never-no-round-no-chance': one(
    [115, 5],
    'events › olympics',
    'id: olympics',
    'can never happen',
    'give it a round',
    'or a chance',
  ),
  'never-conditions-contradict': one(
    [121, 5],
    'events › harvest',
    'id: harvest',
    'can never happen',
    'tension to be at least 60 and at most 40',
  ),
  'outcome-shadowed': one(
    [140, 5],
    'outcomes › calm',
    'id: calm',
    'can never be the result',
    '"detente" comes first',
  ),
  'outcome-last-has-conditions': one(
    [143, 5],
    'outcomes › frozen-conflict › when',
    'when:',
    'must have no conditions',
  ),
  // One root problem, one message: the clash outcome lost its on-clash, so it also shadows the others.
  'outcome-no-clash': one(
    [131, 5],
    'outcomes › military-clash',
    'id: military-clash',
    'no outcome has on-clash: true',
    'add on-clash: true to it',
  ),
  'condition-at-least-above-at-most': one(
    [139, 9],
    'outcomes › detente › when › #1',
    '{ metric: tension',
    'at-least (60) is above at-most (40)',
    'can never hold',
  ),
  'elected-without-term-ends': one(
    [96, 5],
    'actors › JPN › leader',
    'leader:',
    'JPN is elected',
    'needs term-ends',
  ),
  'term-ends-not-elected': one(
    [26, 46],
    'actors › DPRK › leader › term-ends',
    'term-ends: 3',
    'only elected leaders have a term',
  ),
  'stage-beyond-stages': one([11, 8], 'stage', '2', 'one of the 2 stages, counted from 0', 'it is 2'),
  'security-reach-unknown-stage': one(
    [12, 17],
    'security-reach',
    'Talk',
    'there is no stage "Talk"',
    'Did you mean "Talks"',
  ),
  'flashpoint-self': one(
    [13, 15],
    'flashpoints › #1',
    '[DPRK, DPRK]',
    'two different governments',
    'both are "DPRK"',
  ),
  'missing-core-government': one([15, 1], 'actors', 'actors:', '"RUS" is missing'),

  // --- The file as a whole: a clear sentence, never a stack trace.
  empty: one([1, 1], null, '', 'the file is empty'),
  'comments-only': one([1, 1], null, '# A scenario', 'only comments and blank lines'),
  binary: one([1, 1], null, '', 'not a text file', 'NUL bytes'),
  'top-level-list': one(
    [2, 1],
    null,
    '- id: minimal',
    'must be a section of named fields',
    'but it is a list',
  ),
  'top-level-value': one(
    [2, 1],
    null,
    'A minimal scenario',
    'must be a section of named fields',
    'a single value',
  ),

  // --- Several problems of different kinds in one file: all of them, in the order of the file.
  'many-problems': [
    { at: [3, 1], field: 'titel', token: 'titel:', says: ['Did you mean "title"?'] },
    { at: [12, 10], field: 'tension', token: '140', says: ['from 0 to 100', 'it is 140'] },
    { at: [13, 16], field: 'flashpoints › #1 › #1', token: 'DRPK', says: ['Did you mean "DPRK"?'] },
    { at: [22, 15], field: 'actors › DPRK › security', token: 'high', says: ['should be a number'] },
    { at: [96, 5], field: 'actors › JPN › leader', token: 'leader:', says: ['needs term-ends'] },
    { at: [117, 12], field: 'events › olympics › round', token: '0', says: ['at least 1'] },
  ],
};

describe('broken scenario files', () => {
  it('has a fixture for every row of the table and a row for every fixture', () => {
    const fixtures = readdirSync(BROKEN)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(fixtures).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s', (name, expected) => {
    const { path, lines, problems } = checkBroken(name);
    // qpq check exits 1 exactly when there are problems.
    expect(problems.length).toBeGreaterThan(0);
    expect(
      problems.map((p) => `${p.line}:${p.column}`),
      problems.map((p) => p.message).join('\n'),
    ).toEqual(expected.map((e) => e.at.join(':')));
    problems.forEach((p, k) => {
      const e = expected[k]!;
      expect(p.file).toBe(path);
      expect((lines[p.line - 1] ?? '').slice(p.column - 1), 'the text at the reported position').toMatch(
        new RegExp(`^${escape(e.token)}`),
      );
      if (e.field !== null)
        expect(p.message.startsWith(`${e.field}: `), `"${p.message}" names ${e.field}`).toBe(true);
      for (const s of e.says) expect(p.message).toContain(s);
      expect(p.message).not.toMatch(/undefined|\[object|Error:|^\s*at /);
    });
  });

  it('reports problems in the order of the file', () => {
    for (const name of Object.keys(CASES)) {
      const lines = checkBroken(name).problems.map((p) => p.line * 10_000 + p.column);
      expect(lines, name).toEqual([...lines].sort((a, b) => a - b));
    }
  });

  it('makes loadScenario throw a ScenarioError that lists every problem', () => {
    const { path, problems } = checkBroken('many-problems');
    const text = checkBroken('many-problems').lines.join('\n');
    let thrown: unknown;
    try {
      loadScenario(path, text, defaultCatalogue());
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ScenarioError);
    expect((thrown as ScenarioError).problems).toEqual(problems);
    expect((thrown as ScenarioError).message.split('\n')).toHaveLength(problems.length);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

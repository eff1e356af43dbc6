/**
 * The scenario format's newer checks, one fixture each (tests/fixtures/format/), as a golden table like
 * broken.test.ts: the exact line and column of each problem or warning, the text found there, the field the
 * message names, and what it says. A fixture with warnings only is valid: `qpq check` exits 0 on it, and 1 with
 * `--strict`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/cli/check.ts';
import {
  checkInput,
  holds,
  newGame,
  playerView,
  present,
  runGame,
  startGame,
  stateFacts,
  unmet,
  viewFacts,
} from '../../src/engine/index.ts';
import { computerChooser, seatStrategies } from '../../src/ai/index.ts';
import { seatsFor } from '../../src/ai/simulate.ts';
import type { Condition, PlayerView } from '../../src/engine/index.ts';
import { loadScenario, parseCatalogue } from '../../src/scenario/index.ts';
import { FIXTURES, ROOT, defaultCatalogue, rel } from './helpers.ts';

const FORMAT = join(FIXTURES, 'format');

interface Expected {
  at: [number, number];
  field: string;
  token: string;
  says: string[];
  warning?: true;
}

const error = (at: [number, number], field: string, token: string, ...says: string[]): Expected => ({
  at,
  field,
  token,
  says,
});
const warning = (at: [number, number], field: string, token: string, ...says: string[]): Expected => ({
  at,
  field,
  token,
  says,
  warning: true,
});

const CASES: Record<string, Expected[]> = {
  // --- Stage by name or number, one scale everywhere.
  'stage-condition-unknown-name': [
    error(
      [139, 36],
      'outcomes › detente › when › #1 › at-least',
      'Talk',
      'no stage "Talk"',
      '0 is "Standoff", 1 is "Talks"',
      'Did you mean "Talks"?',
    ),
  ],
  'stage-condition-old-scale': [
    warning(
      [139, 36],
      'outcomes › detente › when › #1 › at-least',
      '50',
      'not measured from 0 to 100',
      'as stage 1 ("Talks")',
      'Write at-least: Talks (or 1)',
    ),
  ],
  'stage-condition-fraction': [
    error([139, 36], 'outcomes › detente › when › #1 › at-least', '0.5', "a stage's name or its number"),
  ],
  'stage-name-for-number': [
    error(
      [139, 37],
      'outcomes › detente › when › #1 › at-most',
      'Talks',
      '"tension" is measured by a number from 0 to 100',
      'write metric: stage',
    ),
  ],
  'stage-start-unknown-name': [
    error([11, 8], 'stage', 'Standof', 'no stage "Standof"', 'Did you mean "Standoff"?'),
  ],

  // --- One root problem, one message.
  'actor-id-not-capitals': [
    error(
      [101, 3],
      'actors › Kedo',
      'Kedo:',
      '"Kedo" cannot be a government id',
      'write "KEDO" here and wherever "Kedo" is used',
    ),
  ],
  'metric-unknown': [
    error([139, 19], 'outcomes › detente › when › #1 › metric', 'crisis', '"crisis" is not allowed'),
  ],

  // --- Warnings: valid, but probably not what the author meant.
  'warn-step-number': [
    warning(
      [139, 46],
      'outcomes › detente › when › #1 › at-least',
      '2',
      'looks like a step number',
      'counts 25 for each agreement',
    ),
  ],
  'warn-one-sided-stage': [
    warning(
      [120, 11],
      'actions › add › framework › effects › #1',
      '{ kind: stage',
      'not joint',
      'raises the stage with no limit',
      'joint: true, or give the effect an at-most',
    ),
  ],
  'warn-event-after-end': [
    warning(
      [117, 12],
      'events › olympics › round',
      '9',
      'after the last round (4)',
      'can fire only after the game ends',
    ),
  ],
  'warn-event-from-after-end': [
    warning(
      [124, 5],
      'events › harvest › from',
      'from: 6',
      'after the last round (4)',
      'can fire only after the game ends',
    ),
  ],
  'warn-actor-unreferenced': [
    warning([101, 3], 'actors › KEDO', 'KEDO:', 'no event, outcome or other government', 'Give it a role'),
  ],

  // --- Kinds of actors: organisations have members, not allies; a scenario can deny an action.
  'org-elected': [
    warning([105, 5], 'actors › UN › elected', 'elected: true', 'UN is an organisation', 'elected: false'),
  ],
  'org-member-unknown': [
    error([112, 25], 'actors › UN › members › #3', 'RUSS', 'no government "RUSS"', 'Did you mean "RUS"?'),
  ],
  'org-in-alliance': [
    error([124, 33], 'relations › alliances › #2 › #2', 'UN', 'is an organisation', 'its members'),
  ],
  'members-on-government': [
    error(
      [68, 5],
      'actors › PRC › members',
      'members:',
      'only an organisation has members',
      'kind: organisation',
    ),
  ],
  'deny-unknown-action': [
    error(
      [114, 5],
      'actions › deny › sumit',
      'sumit:',
      'no action "sumit" to deny',
      'Did you mean "summit"?',
    ),
  ],

  // --- Conditions on facts: who leads, an action, a deal, an event, a channel, one pair's relation.
  'cond-leader-unknown-name': [
    error(
      [139, 28],
      'outcomes › detente › when › #1 › is',
      'Shinzo Ab',
      'no leader',
      'Did you mean "Shinzo Abe"?',
    ),
  ],
  'cond-action-unknown': [
    error(
      [139, 19],
      'outcomes › detente › when › #1 › action',
      'nuclear-tst',
      'no action "nuclear-tst"',
      'Did you mean "nuclear-test"?',
    ),
  ],
  'cond-deal-status': [
    error([139, 33], 'outcomes › detente › when › #1 › status', 'kept', 'signed, completed, broken'),
  ],
  'cond-event-unknown': [
    error(
      [139, 18],
      'outcomes › detente › when › #1 › event',
      'olympic',
      'no event',
      'Did you mean "olympics"?',
    ),
  ],
  'cond-channel-self': [
    error([139, 38], 'outcomes › detente › when › #1 › between', '[USA, USA]', 'two different governments'),
  ],
  'cond-trust-no-bound': [
    error([139, 9], 'outcomes › detente › when › #1', '{ trust', 'give at-least or at-most'),
  ],
  'cond-sanctions-level': [
    error([139, 28], 'outcomes › detente › when › #1 › sanctions › #2', 'DRPK', 'Did you mean "DPRK"?'),
    error([139, 45], 'outcomes › detente › when › #1 › at-least', '4', 'a whole number from 0 to 3'),
  ],
  'cond-two-heads': [
    error(
      [139, 42],
      'outcomes › detente › when › #1 › event',
      'event:',
      'both leader and event',
      'two conditions',
    ),
  ],
  'cond-wrong-companion': [
    error(
      [139, 28],
      'outcomes › detente › when › #1 › within',
      'within:',
      'within does not go with event',
      'takes not',
    ),
  ],

  // --- Conditions on what an action requires (China's consent to sanctions).
  'action-when-unknown-actor': [
    error(
      [125, 26],
      'actions › add › joint-sanctions › when › #1 › trust › #2',
      'DRPK',
      'no government "DRPK"',
      'Did you mean "DPRK"?',
    ),
  ],
  'action-when-leader': [
    error(
      [125, 30],
      'actions › add › joint-sanctions › when › #1 › is',
      'Xi Jinpig',
      'no leader',
      'Did you mean "Xi Jinping"?',
    ),
  ],
  'action-when-never': [
    error(
      [114, 7],
      'actions › add › joint-sanctions',
      'id: joint-sanctions',
      'can never be taken',
      'tension to be at least 60 and at most 40',
    ),
  ],

  // --- Catalogue actions renamed for one scenario.
  'rename-unknown-action': [
    error(
      [114, 5],
      'actions › rename › convene-talk',
      'convene-talk:',
      'no action "convene-talk" to rename',
      'Did you mean "convene-talks"?',
    ),
  ],
  'rename-removed-action': [
    error([114, 5], 'actions › rename › cyber-operation', 'cyber-operation:', 'removed from this scenario'),
  ],
  'rename-unknown-field': [
    error([114, 22], 'actions › rename › convene-talks › nmae', 'nmae:', 'Did you mean "name"?'),
  ],
  // --- Organisations need no economy or elections; nothing may read or press an economy that is not there.
  'org-economy-objective': [
    error(
      [115, 36],
      'actors › UN › objectives › #2 › metric',
      'economy',
      'UN is an organisation without an economy',
      'no objective can score it',
    ),
  ],
  'org-sanctioned-no-economy': [
    error(
      [122, 21],
      'relations › sanctions › USA › UN',
      'UN:',
      'without an economy',
      'nothing for sanctions to press',
    ),
  ],
  'government-missing-economy': [
    error(
      [16, 3],
      'actors › DPRK › economy',
      'DPRK:',
      'this required field is missing',
      'Only an organisation (kind: organisation) may leave it out',
    ),
  ],
  'org-joins-after-last': [
    error([113, 12], 'actors › UN › joins', '6', 'after the last round (4)', 'never come to the table'),
  ],
  'org-leaves-before-joins': [error([114, 13], 'actors › UN › leaves', '2', 'leaves must come after joins')],
  'joins-on-government': [
    error([68, 5], 'actors › PRC › joins', 'joins:', 'only an organisation joins', 'kind: organisation'),
  ],
};

function check(name: string) {
  const path = rel(join(FORMAT, `${name}.yaml`));
  const lines = readFileSync(join(ROOT, path), 'utf8').split('\n');
  return { path, lines, found: checkFiles([join(ROOT, path)]).map((p) => ({ ...p, file: rel(p.file) })) };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('scenario format checks', () => {
  it('has a fixture for every row of the table and a row for every fixture', () => {
    const fixtures = readdirSync(FORMAT)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(fixtures).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.entries(CASES))('%s', (name, expected) => {
    const { path, lines, found } = check(name);
    expect(
      found.map((p) => `${p.line}:${p.column}`),
      found.map((p) => p.message).join('\n'),
    ).toEqual(expected.map((e) => e.at.join(':')));
    found.forEach((p, k) => {
      const e = expected[k]!;
      expect(p.file).toBe(path);
      expect(Boolean(p.warning), `${p.message} is a ${e.warning ? 'warning' : 'problem'}`).toBe(
        Boolean(e.warning),
      );
      expect((lines[p.line - 1] ?? '').slice(p.column - 1)).toMatch(new RegExp(`^${escape(e.token)}`));
      expect(p.message.startsWith(`${e.field}: `), `"${p.message}" names ${e.field}`).toBe(true);
      for (const s of e.says) expect(p.message).toContain(s);
    });
  });
});

describe('qpq check with warnings', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/qpq.ts', 'check', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints path:line:column: warning: … and exits 0; --strict exits 1', () => {
    const file = 'tests/fixtures/format/warn-step-number.yaml';
    const r = run(file);
    expect(r.status).toBe(0);
    expect(r.stderr.trim()).toMatch(new RegExp(`^${escape(file)}:139:46: warning: outcomes › detente`));
    expect(r.stdout).toContain('1 scenario valid (1 warning)');
    const strict = run('--strict', file);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe(r.stderr);
  });
});

describe('stages by name or number', () => {
  const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
  const load = (text: string) => loadScenario('x.yaml', text, defaultCatalogue()).world;

  it('reads a stage name, its number and the old 0 to 100 form as the same condition', () => {
    const at = (v: string) =>
      load(
        minimal.replace(
          '- { metric: tension, at-most: 40 }',
          `- { metric: tension, at-most: 40 }\n      - { metric: stage, at-least: ${v} }`,
        ),
      ).outcomes.find((o) => o.id === 'detente')!.when[1];
    expect(at('Talks')).toEqual({ metric: 'stage', atLeast: 100 });
    expect(at('1')).toEqual(at('Talks'));
    expect(at('50')).toEqual(at('Talks'));
    expect(at('Standoff')).toEqual({ metric: 'stage', atLeast: 0 });
  });

  it('starts at a stage given by name', () => {
    expect(load(minimal.replace('stage: 0\n', 'stage: Talks\n')).initial.stage).toBe(1);
  });

  it('rounds the old form to the stages it let through: at-least up, at-most down', () => {
    const five = minimal
      .replace('stages: [Standoff, Talks]', 'stages: [A, B, C, D, E]')
      .replace('- { metric: tension, at-most: 40 }', '- { metric: stage, at-least: 30, at-most: 60 }');
    expect(load(five).outcomes.find((o) => o.id === 'detente')!.when[0]).toEqual({
      metric: 'stage',
      atLeast: 50,
      atMost: 50,
    });
  });
});

describe('organisations and denied actions', () => {
  const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
  const withUn = readFileSync(join(FORMAT, 'org-member-unknown.yaml'), 'utf8').replace('RUSS]', 'RUS]');
  const load = (text: string) => loadScenario('x.yaml', text, defaultCatalogue()).world;
  const by = (world: ReturnType<typeof load>, action: string) =>
    world.actions[world.actionIndex[action]!]!.by;

  it('gives an organisation only the actions open to organisations or named for it', () => {
    const world = load(withUn.replace('mediate: [ROK]', 'mediate: [ROK, UN]'));
    expect(by(world, 'summit')).toEqual(['DPRK', 'ROK', 'USA', 'PRC', 'RUS', 'JPN']);
    expect(by(world, 'mediate')).toContain('UN');
    const un = world.actors.find((a) => a.id === 'UN')!;
    expect(un.organisation).toBe(true);
    expect(un.members).toEqual(['USA', 'PRC', 'RUS']);
    expect(world.initial.alliances).not.toContainEqual(expect.arrayContaining(['UN']));
  });

  it('renames a catalogue action for one scenario, name and summary', () => {
    const world = load(
      minimal.replace(
        '  allow:\n',
        '  rename:\n    convene-talks: { name: Convene four-party talks, summary: The two Koreas meet the US and China in Geneva. }\n  allow:\n',
      ),
    );
    const a = world.actions[world.actionIndex['convene-talks']!]!;
    expect(a.name).toBe('Convene four-party talks');
    expect(a.summary).toBe('The two Koreas meet the US and China in Geneva.');
    expect(load(minimal).actions[world.actionIndex['convene-talks']!]!.name).toBe('Convene six-party talks');
  });

  it('keeps an organisation away from the table until it joins and after it leaves', () => {
    const world = load(
      withUn
        .replace(
          '    members: [USA, PRC, RUS]\n',
          '    members: [USA, PRC, RUS]\n    joins: 2\n    leaves: 4\n',
        )
        .replace('mediate: [ROK]', 'mediate: [ROK, UN]\n    impose-sanctions: [UN]')
        .replace('  allow:\n', '  deny:\n    public-diplomacy: [DPRK]\n  allow:\n'),
    );
    const un = world.actors.findIndex((a) => a.id === 'UN');
    const s = startGame(world, 'joins');
    expect(present(world, s, un)).toBe(false);
    // Views say so: the organisation is marked away and is no one's contact.
    const usa = playerView(world, s, 'USA');
    expect(usa.actors.find((a) => a.id === 'UN')!.present).toBe(false);
    expect(usa.actors.find((a) => a.id === 'USA')!.present).toBe(true);
    expect(usa.contacts).not.toContain('UN');
    const offer = {
      terms: [
        { by: 'UN', action: 'impose-sanctions', target: 'DPRK' },
        { by: 'DPRK', action: 'missile-moratorium' },
      ],
      verification: 'none',
      steps: 1,
      expires: 1,
    };
    expect(checkInput(world, s, 'UN', { phase: 'proposing', offers: [] })).toBeNull();
    expect(checkInput(world, s, 'UN', { phase: 'proposing', offers: [offer] })?.message).toContain(
      'UN joins the table only in round 2',
    );
    expect(checkInput(world, s, 'USA', { phase: 'proposing', offers: [offer] })?.message).toContain(
      'joins the table only in round 2',
    );
    // Computer players: the organisation takes part in rounds 2 and 3 only.
    const end = runGame(world, s, computerChooser(world, 'joins', seatStrategies(seatsFor(world))));
    expect(end.end).not.toBeNull();
    const byUn = end.log.filter((l) => l.kind === 'action' && l.actor === 'UN').map((l) => l.round);
    for (const r of byUn) expect([2, 3]).toContain(r);
    for (const g of end.agreements)
      if (g.parties.includes('UN') || g.mediator === 'UN') expect([2, 3]).toContain(g.signed);
    expect(present(world, { round: 2 }, un)).toBe(true);
    expect(present(world, { round: 4 }, un)).toBe(false);
  });

  it('keeps by: any for a scenario of governments only, and deny takes a taker away', () => {
    expect(by(load(minimal), 'summit')).toBe('any');
    const denied = load(minimal.replace('  allow:\n', '  deny:\n    summit: [DPRK]\n  allow:\n'));
    expect(by(denied, 'summit')).toEqual(['ROK', 'USA', 'PRC', 'RUS', 'JPN']);
    expect(by(denied, 'mediate')).toEqual(['PRC', 'RUS', 'ROK']);
  });
});

describe('conditions on facts', () => {
  const minimal = readFileSync(join(FIXTURES, 'minimal.yaml'), 'utf8');
  /** The detente outcome's condition, compiled, and a fresh game of the scenario to test it on. */
  const compiled = (yaml: string) => {
    const world = loadScenario(
      'x.yaml',
      minimal.replace('- { metric: tension, at-most: 40 }', yaml),
      defaultCatalogue(),
    ).world;
    const c: Condition = world.outcomes.find((o) => o.id === 'detente')!.when[0]!;
    return { world, c, s: newGame(world, 1) };
  };

  it('who leads', () => {
    const { world, c, s } = compiled('- { leader: USA, is: Donald Trump }');
    expect(c).toEqual({ fact: 'leader', of: 'USA', is: 'Donald Trump' });
    expect(holds(world, s, c)).toBe(true);
    s.actors[2]!.leader.name = 'Joe Biden';
    expect(holds(world, s, c)).toBe(false);
    expect(holds(world, s, { ...c, not: true })).toBe(true);
  });

  it('an action taken, by whom, at whom, within the last rounds', () => {
    const { world, c, s } = compiled('- { action: missile-test, by: DPRK, to: JPN, within: 2 }');
    expect(holds(world, s, c)).toBe(false);
    s.round = 3;
    s.log.push({
      round: 2,
      kind: 'action',
      actor: 'DPRK',
      target: 'JPN',
      ref: 'missile-test',
      to: null,
    });
    expect(holds(world, s, c)).toBe(true);
    s.round = 4;
    expect(holds(world, s, c), 'two rounds ago is outside the last 2').toBe(false);
    expect(holds(world, s, { ...c, target: 'USA', within: 5 } as Condition)).toBe(false);
  });

  it('a deal with a term signed, completed or broken', () => {
    const { world, c, s } = compiled('- { deal: freeze-site, by: DPRK, status: broken }');
    expect(c).toEqual({ fact: 'deal', action: 'freeze-site', by: 'DPRK', status: 'broken' });
    const g = {
      id: 1,
      offer: 1,
      parties: ['DPRK', 'USA'],
      mediator: null,
      verification: 'none',
      steps: 1,
      done: 0,
    };
    s.agreements.push({
      ...g,
      terms: [{ by: 'DPRK', action: 'freeze-site' }],
      strikes: 0,
      status: 'active',
      signed: 1,
      ended: null,
      signers: {},
      record: [],
    } as (typeof s.agreements)[number]);
    expect(holds(world, s, c)).toBe(false);
    expect(holds(world, s, { ...c, status: 'signed' } as Condition)).toBe(true);
    s.agreements[0]!.status = 'abandoned';
    expect(holds(world, s, c)).toBe(true);
  });

  it("an event fired, a channel open, one pair's trust and sanctions", () => {
    const event = compiled('- { event: olympics, not: true }');
    expect(holds(event.world, event.s, event.c)).toBe(true);
    event.s.firedEvents.push('olympics');
    expect(holds(event.world, event.s, event.c)).toBe(false);

    const channel = compiled('- { channel: hotline, between: [USA, DPRK] }');
    expect(holds(channel.world, channel.s, channel.c)).toBe(false);
    channel.s.hotline[2 * 6 + 0] = 1;
    expect(holds(channel.world, channel.s, channel.c)).toBe(true);

    const trust = compiled('- { trust: [DPRK, USA], at-least: 8 }');
    expect(holds(trust.world, trust.s, trust.c)).toBe(true);
    const sanctions = compiled('- { sanctions: [USA, DPRK], at-least: 3 }');
    expect(holds(sanctions.world, sanctions.s, sanctions.c)).toBe(true);
    const none = compiled('- { sanctions: [DPRK, USA], at-least: 1 }');
    expect(holds(none.world, none.s, none.c)).toBe(false);
  });
});

describe('conditions on actions', () => {
  const yaml = readFileSync(join(FORMAT, 'action-when-unknown-actor.yaml'), 'utf8').replace('DRPK]', 'DPRK]');
  const world = loadScenario('x.yaml', yaml, defaultCatalogue()).world;
  const def = world.actions[world.actionIndex['joint-sanctions']!]!;
  const input = {
    phase: 'commitment',
    decisions: [],
    actions: [{ action: 'joint-sanctions', target: 'DPRK' }],
  };

  it('compiles them, and takes the action away, with the reason in words, while they do not hold', () => {
    expect(def.when).toEqual([{ fact: 'pair', measure: 'trust', from: 'PRC', to: 'DPRK', atMost: 35 }]);
    const s = newGame(world, 1);
    const prc = world.actors.findIndex((a) => a.id === 'PRC');
    const dprk = world.actors.findIndex((a) => a.id === 'DPRK');
    const n = world.actors.length;
    s.phase = 'commitment';
    s.sanctions[world.actors.findIndex((a) => a.id === 'USA') * n + dprk] = 0;
    s.trust[prc * n + dprk] = 50;
    expect(unmet(def, stateFacts(world, s), 'USA', 'DPRK')).toBe('conditions');
    expect(playerView(world, s, 'USA').barred).toEqual(['joint-sanctions']);
    expect(
      unmet(
        def,
        viewFacts(JSON.parse(JSON.stringify(playerView(world, s, 'USA'))) as PlayerView),
        'USA',
        'DPRK',
      ),
    ).toBe('conditions');
    const no = checkInput(world, s, 'USA', input);
    expect(no?.code).toBe('UNAVAILABLE');
    expect(no?.message).toContain('it can be taken only while China’s trust in North Korea is at most 35');
    s.trust[prc * n + dprk] = 30;
    expect(unmet(def, stateFacts(world, s), 'USA', 'DPRK')).toBeNull();
    expect(playerView(world, s, 'USA').barred).toEqual([]);
    expect(checkInput(world, s, 'USA', input)).toBeNull();
  });

  it('are refused in the catalogue, which knows no scenario', () => {
    const cat = readFileSync(join(ROOT, 'scenarios', 'catalogue', 'default.yaml'), 'utf8').replace(
      '    requires: [no-hotline]\n',
      '    requires: [no-hotline]\n    when: [{ metric: tension, at-least: 50 }]\n',
    );
    const r = parseCatalogue('catalogue.yaml', cat);
    expect(r.value).toBeNull();
    expect(r.problems.map((p) => p.message).join('\n')).toContain('belong to an action a scenario adds');
  });

  it('keep an organisation out of reach of actions not meant for it: no one sanctions the Council', () => {
    const withUn = readFileSync(join(FORMAT, 'org-member-unknown.yaml'), 'utf8').replace('RUSS]', 'RUS]');
    const un = loadScenario('x.yaml', withUn, defaultCatalogue()).world;
    const targets = (id: string) => un.actions[un.actionIndex[id]!]!.targets;
    expect(targets('impose-sanctions')).toEqual(['DPRK', 'ROK', 'USA', 'PRC', 'RUS', 'JPN']);
    expect(targets('humanitarian-aid')).toEqual(['DPRK']);
    expect(targets('impose-sanctions')).not.toContain('UN');
  });
});

describe('shipped scenarios', () => {
  const shipped = readdirSync(join(ROOT, 'scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, 'scenarios', f));

  it('have no warnings, and each uses a condition on a fact where history calls for it', () => {
    expect(checkFiles(shipped)).toEqual([]);
    for (const file of shipped) {
      const { world } = loadScenario(file, readFileSync(file, 'utf8'), defaultCatalogue());
      const facts = [...world.events, ...world.outcomes].flatMap((x) => x.when).filter((c) => 'fact' in c);
      expect(facts.length, file).toBeGreaterThan(0);
    }
  });

  it('seat the UN Security Council in the Six-Party Talks as an organisation that acts only with China and Russia', () => {
    const file = join(ROOT, 'scenarios', 'six-party-talks.yaml');
    const { world } = loadScenario(file, readFileSync(file, 'utf8'), defaultCatalogue());
    const un = world.actors.find((a) => a.id === 'UN')!;
    expect(un.organisation).toBe(true);
    expect(un.members).toEqual(['USA', 'PRC', 'RUS']);
    const mine = world.actions.filter((a) => a.by !== 'any' && a.by.includes('UN')).map((a) => a.id);
    expect(mine.sort()).toEqual(['council-sanctions', 'lift-sanctions']);
    const council = world.actions[world.actionIndex['council-sanctions']!]!;
    expect(council.when).toContainEqual(expect.objectContaining({ fact: 'pair', from: 'PRC', to: 'DPRK' }));
    // Beijing still trusts Pyongyang in 2003: no resolution until a test turns it.
    const s = startGame(world, 'un');
    expect(playerView(world, s, 'UN').barred).toContain('council-sanctions');
    for (const a of world.actions.filter((x) => x.targeted)) {
      expect(a.targets, a.id).not.toBeNull();
      expect(a.targets, a.id).not.toContain('UN');
    }
  });

  it('play the Council without an economy or elections: nothing moves its economy, no number is lost', () => {
    const file = join(ROOT, 'scenarios', 'six-party-talks.yaml');
    const { world } = loadScenario(file, readFileSync(file, 'utf8'), defaultCatalogue());
    const un = world.actors.findIndex((a) => a.id === 'UN');
    expect(world.actors[un]).toMatchObject({ noEconomy: true, elected: false });
    const end = runGame(
      world,
      startGame(world, 'no-economy'),
      computerChooser(world, 'no-economy', seatStrategies(seatsFor(world))),
    );
    for (const h of end.history) expect(h.vars.UN!.economy).toBe(50);
    for (const a of end.actors)
      for (const v of Object.values(a)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
    expect(
      end.causes?.some((c) => c.of.kind === 'var' && c.of.actor === 'UN' && c.of.var === 'economy'),
    ).toBe(false);
    for (const l of end.log)
      if (l.kind === 'action' && l.actor === 'UN')
        expect(['council-sanctions', 'lift-sanctions']).toContain(l.ref);
  });
});

describe('qpq init', () => {
  it('writes a new scenario whose $schema line finds the schema from its own folder, and refuses to overwrite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'qpq-init-'));
    const file = join(dir, 'nested folder', 'Agreed Framework 1994.yaml');
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/qpq.ts', 'init', file], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
    expect(run().status).toBe(0);
    const text = readFileSync(file, 'utf8');
    const line = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
    expect(resolve(dirname(file), line)).toBe(join(ROOT, 'scenarios', 'scenario.schema.json'));
    expect(text).toMatch(/^id: agreed-framework-1994$/m);
    expect(checkFiles([file])).toEqual([]);
    const again = run();
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');
  });
});

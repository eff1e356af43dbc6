/**
 * Acts a government can sell only once (`once: true` on the action). After Hanoi the end of the war can be
 * declared once (a second declaration says nothing the first did not), and the North has one missile test site to
 * give (Sohae): once either has been promised in a signed deal, or done on its own, no one may offer it again.
 * Before, the same declaration and the same site were sold round after round, each time lifting the peace process
 * again. Until session 10 scenarios wrote this as two `when` conditions on the act itself; the field keeps their
 * meaning exactly, which the last test checks along whole games.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { checkInput, playerView, startGame, stateFacts, unmet, unmetText } from '../../src/engine/index.ts';
import type { ActionDef, Condition, GameState, World } from '../../src/engine/index.ts';
import { checkScenario } from '../../src/scenario/index.ts';
import { logText } from '../../src/text/index.ts';
import {
  commitment,
  offer,
  play,
  proposing,
  responding,
  signed,
  statesAlong,
  submitAll,
  term,
} from '../engine/helpers.ts';
import { SCENARIO_DIR, defaultCatalogue } from './helpers.ts';

const hanoi = readScenario('hanoi-2019').world;
const sixParty = readScenario('six-party-talks').world;
const ONCE = 'it can be done or promised only once, and already has been';

const declaration = offer([term('ROK', 'suspend-exercises', 'DPRK'), term('DPRK', 'end-of-war', 'ROK')]);
const again = proposing([
  offer([term('USA', 'humanitarian-aid', 'DPRK'), term('DPRK', 'end-of-war', 'USA')]),
]);

/** `world` with one action's definition changed. */
const withAction = (world: World, id: string, change: (d: ActionDef) => ActionDef): World => ({
  ...world,
  actions: world.actions.map((d) => (d.id === id ? change(d) : d)),
});

/** From round 1's commitment phase, `by` takes `action` on its own (toward `target`): the state after. */
function takenAlone(world: World, seed: string, by: string, action: string, target?: string): GameState {
  const s1 = submitAll(world, submitAll(world, startGame(world, seed), {}), {});
  expect(s1.phase).toBe('commitment');
  const s2 = submitAll(world, s1, {
    [by]: commitment([target ? { action, target } : { action }]),
  });
  expect(s2.log.some((e) => e.kind === 'action' && e.ref === action && e.actor === by)).toBe(true);
  return s2;
}

describe('the field', () => {
  it('is read from the scenario: the five acts the record sold once carry it, with no conditions left', () => {
    const onceIds = (w: World) => w.actions.filter((d) => d.once).map((d) => d.id);
    expect(onceIds(hanoi)).toEqual(['end-of-war', 'dismantle-launch-site']);
    expect(onceIds(sixParty).sort()).toEqual(['abductions-inquiry', 'declare-programme', 'delist-terrorism']);
    for (const w of [hanoi, sixParty])
      for (const d of w.actions.filter((x) => x.once)) expect(d.when).toBeUndefined();
    // An act that may repeat has no field at all (the compiled world is unchanged for it).
    expect('once' in hanoi.actions[hanoi.actionIndex['humanitarian-aid']!]!).toBe(false);
  });

  it('must be true or false: anything else is refused at its line, with what to write', () => {
    const file = join(SCENARIO_DIR, 'hanoi-2019.yaml');
    const text = readFileSync(file, 'utf8').replace(
      'once: true # declared once',
      'once: "yes" # declared once',
    );
    const line = text.slice(0, text.indexOf('once: "yes"')).split('\n').length;
    const { problems } = checkScenario(file, text, defaultCatalogue().file);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line, column: 13 });
    expect(problems[0]!.message).toContain('actions › add › end-of-war › once: should be true or false');
    expect(problems[0]!.message).toContain('the text "yes"');
  });
});

describe('one-time acts after Hanoi', () => {
  it('the end of the war may be offered until a deal declaring it is signed, then by no one', () => {
    const s0 = startGame(hanoi, 'once');
    expect(checkInput(hanoi, s0, 'USA', again)).toBeNull();
    expect(playerView(hanoi, s0, 'DPRK').spent).toEqual([]);
    const { s } = signed(hanoi, declaration, 'ROK', 'once');
    const no = checkInput(hanoi, { ...s, phase: 'proposing' }, 'USA', again);
    expect(no?.code).toBe('UNAVAILABLE');
    expect(no?.message).toContain(
      `Offer 1, term 2: "Declare an end to the Korean War" is not available: ${ONCE}.`,
    );
    // Public, as the scenario's conditions are: every seat's view says so, and none calls it barred.
    expect(playerView(hanoi, s, 'USA').spent).toEqual(['end-of-war']);
    expect(playerView(hanoi, s, 'DPRK').barred).not.toContain('end-of-war');
  });

  it('is once in the game, by anyone: declared by the South on its own, the North may not promise it', () => {
    const s = takenAlone(hanoi, 'anyone', 'ROK', 'end-of-war', 'DPRK');
    const byNorth = proposing([
      offer([term('USA', 'humanitarian-aid', 'DPRK'), term('DPRK', 'end-of-war', 'USA')]),
    ]);
    expect(s.phase).toBe('proposing');
    expect(checkInput(hanoi, s, 'DPRK', byNorth)?.message).toContain(ONCE);
    expect(unmet(hanoi.actions[hanoi.actionIndex['end-of-war']!]!, stateFacts(hanoi, s), 'USA', 'DPRK')).toBe(
      'once',
    );
  });

  it('the North has one launch site: dismantled on its own, it cannot be promised again', () => {
    const s0 = startGame(hanoi, 'site');
    const site = proposing([
      offer([term('USA', 'humanitarian-aid', 'DPRK'), term('DPRK', 'dismantle-launch-site')]),
    ]);
    expect(checkInput(hanoi, s0, 'DPRK', site)).toBeNull();
    const s2 = takenAlone(hanoi, 'site', 'DPRK', 'dismantle-launch-site');
    const no = checkInput(hanoi, s2, 'DPRK', site);
    expect(no?.code).toBe('UNAVAILABLE');
    expect(no?.message).toContain(ONCE);
  });
});

describe('two offers that sell the same act', () => {
  it('put in the same round and both accepted: the first is signed, the second is moot and says why', () => {
    const s = startGame(hanoi, 'twice');
    // The North promises the end of the war to the South and, in another deal, to Washington.
    const toSouth = offer([term('ROK', 'suspend-exercises', 'DPRK'), term('DPRK', 'end-of-war', 'ROK')]);
    const toUS = offer([term('USA', 'humanitarian-aid', 'DPRK'), term('DPRK', 'end-of-war', 'USA')]);
    const put = submitAll(hanoi, s, { DPRK: proposing([toSouth, toUS]) });
    const [first, second] = put.offers.map((o) => o.id);
    const yes = (id: number) => responding([{ offer: id, reply: 'accept' as const }]);
    const after = submitAll(hanoi, put, { ROK: yes(first!), USA: yes(second!) });
    expect(after.agreements.map((g) => g.parties.slice().sort())).toEqual([['DPRK', 'ROK']]);
    expect(after.offers.find((o) => o.id === second)?.status).toBe('expired');
    const moot = after.log.find((e) => e.kind === 'moot');
    expect(moot).toMatchObject({ ref: second, once: 'end-of-war', agreement: after.agreements[0]!.id });
    expect(logText(moot!, { world: hanoi, me: 'USA' })).toBe(
      `Offer #${second} is accepted but not signed: Declare an end to the Korean War can be done or promised only once, and agreement #${after.agreements[0]!.id} has promised it.`,
    );
  });
});

describe('once beside other conditions', () => {
  const site = 'dismantle-launch-site';
  const tension = (bound: 'atLeast' | 'atMost'): Condition => ({ metric: 'tension', [bound]: 0 });
  const world = (bound: 'atLeast' | 'atMost') =>
    withAction(hanoi, site, (d) => ({ ...d, when: [tension(bound)] }));
  /** Why the North may not take the site now, in the words players read; null when it may. */
  const reason = (w: World, s: GameState): string | null => {
    const def = w.actions[w.actionIndex[site]!]!;
    const r = unmet(def, stateFacts(w, s), 'DPRK', undefined);
    return r && unmetText(w, def, r);
  };
  const fresh = (w: World) => startGame(w, 'beside');
  const sold = (w: World) => takenAlone(w, 'beside', 'DPRK', site);

  it('not yet sold: available while the other conditions hold, and refused with them in words when not', () => {
    expect(reason(world('atLeast'), fresh(world('atLeast')))).toBeNull();
    const held = world('atMost');
    const r = reason(held, fresh(held));
    expect(r).toContain('it can be taken only while tension is at most 0');
    expect(r).not.toContain('only once');
    // Only the scenario's own conditions are named: the field adds none to the sentence.
    expect(r).not.toContain('deal with');
  });

  it('sold: refused as sold, whether or not the other conditions hold (nothing brings it back)', () => {
    const open = world('atLeast');
    expect(reason(open, sold(open))).toContain(ONCE);
    // The state the sale led to, read against a world whose other condition now fails.
    expect(reason(world('atMost'), sold(open))).toContain(ONCE);
  });
});

describe('the same meaning as the conditions it replaces', () => {
  /** `world` with each act sold once written the old way: no deal with it signed, and not taken on its own. */
  const asConditions = (world: World): World => ({
    ...world,
    actions: world.actions.map((d) => {
      if (!d.once) return d;
      const { once: _, ...rest } = d;
      const old: Condition[] = [
        { fact: 'deal', action: d.id, status: 'signed', not: true },
        { fact: 'action', action: d.id, not: true },
      ];
      return { ...rest, when: [...(d.when ?? []), ...old] };
    }),
  });

  it.each([
    ['hanoi-2019', 'objective', 'same-1'],
    ['hanoi-2019', 'random', 'same-2'],
    ['six-party-talks', 'objective', 'same-3'],
    ['six-party-talks', 'random', 'same-4'],
  ] as const)(
    '%s, %s players: at every step of a whole game each act is available to the same seats and targets',
    (id, seats, seed) => {
      const world = id === 'hanoi-2019' ? hanoi : sixParty;
      const old = asConditions(world);
      const { inputs } = play(world, seed, seats);
      const acts = world.actions.filter((d) => d.once);
      let sold = 0;
      for (const s of statesAlong(world, seed, inputs)) {
        const now = stateFacts(world, s);
        const before = stateFacts(old, s);
        for (const d of acts) {
          const oldDef = old.actions[old.actionIndex[d.id]!]!;
          if (unmet(d, now, 'DPRK', undefined) === 'once') sold++;
          for (const by of d.by === 'any' ? world.actors.map((a) => a.id) : d.by)
            for (const target of d.targeted ? (d.targets ?? world.actors.map((a) => a.id)) : [undefined]) {
              if (target === by) continue;
              expect(unmet(d, now, by, target) === null).toBe(unmet(oldDef, before, by, target) === null);
            }
        }
      }
      // The premise: some act was sold in the game, so the check saw both sides of it.
      expect(sold).toBeGreaterThan(0);
    },
  );
});

/**
 * The offer preview's numbers come from the catalogue: a term whose effects are known gives those numbers,
 * the signing cost follows the rule for it, and the accuracy is the verification's.
 */
import { describe, expect, it } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { findAction, playerView, startGame } from '../../src/engine/index.ts';
import type { OfferDraft } from '../../src/engine/index.ts';
import { amount, changesText, previewLines, previewOffer, processLine } from '../../src/ui/play/preview.ts';
import type { Change } from '../../src/ui/play/preview.ts';

const { world } = readScenario('tutorial');
const view = playerView(world, startGame(world, 'preview-test'), 'ROK');

const varOf = (cs: Change[], actor: string, v: string): number | undefined => {
  const c = cs.find((x) => x.kind === 'var' && x.actor === actor && x.var === v);
  return c?.kind === 'var' ? c.delta : undefined;
};
const tensionOf = (cs: Change[]): number | undefined => {
  const c = cs.find((x) => x.kind === 'tension');
  return c?.kind === 'tension' ? c.delta : undefined;
};

const aidForRegret: OfferDraft = {
  terms: [
    { by: 'ROK', action: 'humanitarian-aid', target: 'DPRK' },
    { by: 'DPRK', action: 'express-regret', target: 'ROK' },
  ],
  verification: 'partial',
  steps: 1,
  expires: 1,
};

describe('offer preview', () => {
  const p = previewOffer(world, view, aidForRegret);

  it('gives a term the catalogue’s numbers: humanitarian aid costs 2 economy and gives the target 3 economy, 1 support', () => {
    const aid = findAction(world, 'humanitarian-aid')!;
    expect(aid.cost.economy).toBe(2);
    const cs = p.terms[0]!.changes;
    expect(varOf(cs, 'ROK', 'economy')).toBeCloseTo(-2);
    expect(varOf(cs, 'DPRK', 'economy')).toBeCloseTo(3);
    expect(varOf(cs, 'DPRK', 'support')).toBeCloseTo(1);
    expect(tensionOf(cs)).toBeCloseTo(-1);
    expect(changesText(world, 'ROK', cs)).toBe(
      'your economy −2; North Korea’s support +1, economy +3; tension −1',
    );
  });

  it('scales an effect by the public’s hawkishness where the catalogue says so', () => {
    // The tutorial's regret: −2 support at home × hawkishness 60 / 50; +2 support for the target; tension −3.
    const cs = p.terms[1]!.changes;
    expect(varOf(cs, 'DPRK', 'support')).toBeCloseTo(-2.4);
    expect(varOf(cs, 'ROK', 'support')).toBeCloseTo(2);
    expect(tensionOf(cs)).toBeCloseTo(-3);
    expect(tensionOf(p.total)).toBeCloseTo(-4);
  });

  it('spreads a phased deal over its steps without changing the total', () => {
    const phased = previewOffer(world, view, { ...aidForRegret, steps: 3 });
    expect(varOf(phased.terms[0]!.changes, 'DPRK', 'economy')).toBeCloseTo(3);
    expect(phased.trustPerBrokenStep).toBeCloseTo(world.rules.trustBroken / 3);
  });

  it('prices signing by the rule: accept cost × hawkishness / 50 × (1 − trust / 100)', () => {
    const rok = world.actors.find((a) => a.id === 'ROK')!;
    const trust = view.myTrust['DPRK']!;
    expect(p.signingCost['ROK']).toBeCloseTo(
      world.rules.acceptCost * (rok.hawkishness / 50) * (1 - trust / 100),
    );
  });

  it('prices an offer received from a mediator at the mediated share, as the engine charges it', () => {
    const brokered = previewOffer(world, view, aidForRegret, undefined, 'PRC');
    expect(brokered.mediated).toBe(false);
    expect(brokered.signingCost['ROK']).toBeCloseTo(p.signingCost['ROK']! * world.rules.mediatedCostShare);
    // A "broker" who is a party is no mediator.
    expect(previewOffer(world, view, aidForRegret, undefined, 'DPRK').signingCost['ROK']).toBeCloseTo(
      p.signingCost['ROK']!,
    );
  });

  it.each([
    ['none', 0.75],
    ['partial', 0.88],
    ['inspections', 0.98],
  ] as const)('with %s verification, each step is seen correctly %d of the time', (v, acc) => {
    const q = previewOffer(world, view, { ...aidForRegret, verification: v });
    expect(q.accuracy).toBe(world.rules.accuracy[v]);
    expect(q.accuracy).toBe(acc);
    // Two parties, each reading the other: a step looks clean only if both reads are right.
    expect(q.cleanStep).toBeCloseTo(acc * acc);
  });

  it('reads as plain words with numbers', () => {
    const lines = previewLines(world, 'ROK', p);
    expect(lines[0]).toMatch(/^You: Humanitarian aid → North Korea: your economy −2/);
    expect(lines.join(' ')).toMatch(/Signing costs you about [\d.]+ support at home/);
    expect(lines.join(' ')).toMatch(/seen correctly 88 % of the time/);
  });

  it('formats small amounts with one decimal', () => {
    expect(amount(0.4)).toBe('+0.4');
    expect(amount(-2.4)).toBe('−2');
    expect(amount(0)).toBe('±0');
  });
});

describe('what a deal carried out in full does to the peace process', () => {
  const hanoi = readScenario('hanoi-2019').world;
  const rok = playerView(hanoi, startGame(hanoi, 'preview-process'), 'ROK');
  const draft = (terms: OfferDraft['terms']): OfferDraft => ({
    terms,
    verification: 'partial',
    steps: 1,
    expires: 1,
  });

  it('declarations and aid between rivals reach no higher than a declaration can', () => {
    const p = previewOffer(world, view, aidForRegret);
    // The tutorial's summit lifts the stage to "Agreement" at most: the least cap of its declarations.
    expect(p.process).toEqual({ rivals: true, upTo: 2, because: 'declarations', step: false });
    expect(processLine(world, p, 0)).toContain('to “Agreement” at most');
    expect(processLine(world, p, 2)).toContain('will not move the peace process, already at “Agreement”');
  });

  it('after Hanoi, suspended exercises for an end-of-war declaration reach a working agreement, not verified steps', () => {
    const p = previewOffer(
      hanoi,
      rok,
      draft([
        { by: 'ROK', action: 'suspend-exercises', target: 'DPRK' },
        { by: 'DPRK', action: 'end-of-war', target: 'ROK' },
      ]),
    );
    expect(p.process).toEqual({ rivals: true, upTo: 3, because: 'security', step: true });
    // From "Summitry", where the scenario starts, one stage up and no further.
    expect(processLine(hanoi, p, 2)).toContain(
      'to “Working agreement” at most: in this scenario, security concessions',
    );
    expect(processLine(hanoi, p, 3)).toContain('will not move the peace process');
  });

  it('a step on the programme has no cap, and a deal among partners leaves the process alone', () => {
    const inspections = previewOffer(
      hanoi,
      rok,
      draft([
        { by: 'ROK', action: 'economic-incentives', target: 'DPRK' },
        { by: 'DPRK', action: 'allow-inspections' },
      ]),
    );
    expect(inspections.process).toEqual({ rivals: true, upTo: null, because: null, step: true });
    expect(processLine(hanoi, inspections, rok.stage)).toContain('it holds a real step');
    const allies = previewOffer(
      hanoi,
      rok,
      draft([
        { by: 'ROK', action: 'intelligence-sharing', target: 'USA' },
        { by: 'USA', action: 'intelligence-sharing', target: 'ROK' },
      ]),
    );
    expect(allies.process.rivals).toBe(false);
    expect(processLine(hanoi, allies, rok.stage)).toContain('leaves the peace process alone');
    // The composer and the answer cards show the line when given the stage.
    expect(previewLines(hanoi, 'ROK', allies, 1, rok.stage).at(-1)).toBe(
      processLine(hanoi, allies, rok.stage),
    );
  });
});

/**
 * Offers: propose, accept (an agreement, paid for at home), reject, counter (answered next round), expire,
 * mediated packages, multilateral deals; and every typed rejection an input can meet, each leaving the state as it was.
 */
import { describe, expect, test } from 'vitest';
import { REJECTION_CODES, checkDraftInView, playerView, startGame, submit } from '../../src/engine/index.ts';
import type { ActorId, GameState, OfferDraft, PhaseInput } from '../../src/engine/index.ts';
import {
  IDS,
  REUNIONS_FOR_MORATORIUM,
  WORLD,
  commitment,
  copy,
  hawk,
  ix,
  offer,
  pairOf,
  play,
  proposing,
  responding,
  setPair,
  signed,
  submitAll,
  term,
  varOf,
  withRules,
} from './helpers.ts';

const P = startGame(WORLD, 'offers');
const leader = (id: ActorId): string => WORLD.initial.actors[id]!.leader.name;
/** What a party pays at home to sign: accept-cost scaled by its public's hawkishness and its distrust of the others. */
const signCost = (s: GameState, p: ActorId, partners: ActorId[], mediated = false): number => {
  const trust = partners.reduce((sum, q) => sum + pairOf(s, 'trust', p, q), 0) / partners.length;
  return (
    WORLD.rules.acceptCost * hawk(p) * (1 - trust / 100) * (mediated ? WORLD.rules.mediatedCostShare : 1)
  );
};

/** The ROK's offer of reunions for a moratorium, put to the DPRK: the responding phase. */
function offered(
  draft: OfferDraft = offer(REUNIONS_FOR_MORATORIUM),
  start: GameState = P,
): { s: GameState; id: number } {
  const s = submitAll(WORLD, start, { ROK: proposing([draft]) });
  return { s, id: s.offers[s.offers.length - 1]!.id };
}

describe('propose and accept', () => {
  test('an offer is put to its parties: open, the proposer counted as accepting, answerable until its last round', () => {
    const { s, id } = offered(offer(REUNIONS_FOR_MORATORIUM, 'partial', 2, 2));
    const o = s.offers.find((x) => x.id === id)!;
    expect(s.phase).toBe('responding');
    expect(o).toMatchObject({
      from: 'ROK',
      parties: ['ROK', 'DPRK'],
      mediator: null,
      accepted: ['ROK'],
      status: 'open',
      round: 1,
      until: 2,
      steps: 2,
    });
    expect(playerView(WORLD, s, 'DPRK').offers.map((x) => x.id)).toContain(id);
    expect(playerView(WORLD, s, 'JPN').offers.map((x) => x.id)).not.toContain(id);
  });

  test('when every party accepts, the offer becomes an active agreement signed by the sitting leaders', () => {
    const { s, id } = offered(offer(REUNIONS_FOR_MORATORIUM, 'inspections', 3));
    const after = submitAll(WORLD, s, { DPRK: responding([{ offer: id, reply: 'accept' }]) });
    expect(after.phase).toBe('commitment');
    expect(after.offers.find((o) => o.id === id)!.status).toBe('accepted');
    expect(after.agreements).toHaveLength(1);
    expect(after.agreements[0]).toMatchObject({
      offer: id,
      parties: ['ROK', 'DPRK'],
      mediator: null,
      terms: REUNIONS_FOR_MORATORIUM,
      verification: 'inspections',
      steps: 3,
      done: 0,
      strikes: 0,
      status: 'active',
      signed: 1,
      ended: null,
      signers: { ROK: leader('ROK'), DPRK: leader('DPRK') },
      record: [],
    });
  });

  test('each party pays support: accept-cost scaled by its hawkishness and its distrust of the other', () => {
    const { s, id } = offered();
    const after = submitAll(WORLD, s, { DPRK: responding([{ offer: id, reply: 'accept' }]) });
    for (const [p, q] of [
      ['ROK', 'DPRK'],
      ['DPRK', 'ROK'],
    ] as const) {
      expect(varOf(s, p, 'support') - varOf(after, p, 'support')).toBeCloseTo(signCost(s, p, [q]), 9);
      expect(signCost(s, p, [q])).toBeGreaterThan(0);
    }
    expect(varOf(after, 'USA', 'support')).toBe(varOf(s, 'USA', 'support'));
  });

  const SCALING = [
    {
      name: 'at equal trust, the more hawkish public (DPRK, 60) pays more than the less hawkish (ROK, 45)',
      trust: [50, 50],
      more: 'DPRK',
      less: 'ROK',
    },
    {
      name: 'at equal hawkishness scale, the party that trusts less pays more (ROK trusting 10 vs DPRK trusting 90)',
      trust: [10, 90],
      more: 'ROK',
      less: 'DPRK',
    },
    { name: 'full trust makes a deal free at home', trust: [100, 100], more: null, less: null },
  ] as const;
  test.each(SCALING)('$name', ({ trust, more, less }) => {
    const start = copy(P);
    setPair(start, 'trust', 'ROK', 'DPRK', trust[0]);
    setPair(start, 'trust', 'DPRK', 'ROK', trust[1]);
    const { s, id } = offered(offer(REUNIONS_FOR_MORATORIUM), start);
    const after = submitAll(WORLD, s, { DPRK: responding([{ offer: id, reply: 'accept' }]) });
    const paid = (p: ActorId): number => varOf(s, p, 'support') - varOf(after, p, 'support');
    expect(paid('ROK')).toBeCloseTo(signCost(s, 'ROK', ['DPRK']), 9);
    expect(paid('DPRK')).toBeCloseTo(signCost(s, 'DPRK', ['ROK']), 9);
    if (more && less) expect(paid(more)).toBeGreaterThan(paid(less));
    else expect([paid('ROK'), paid('DPRK')]).toEqual([0, 0]);
  });
});

describe('reject, counter, expire', () => {
  test('a rejected offer is closed, binds nobody and costs nothing', () => {
    const { s, id } = offered();
    const after = submitAll(WORLD, s, { DPRK: responding([{ offer: id, reply: 'reject' }]) });
    expect(after.offers.find((o) => o.id === id)!.status).toBe('rejected');
    expect(after.agreements).toEqual([]);
    expect(after.actors.map((a) => a.support)).toEqual(s.actors.map((a) => a.support));
  });

  test('an offer nobody answers stays open, and is accepted later while still within its expiry', () => {
    const { s, id } = offered(offer(REUNIONS_FOR_MORATORIUM, 'inspections', 1, 2));
    const r2 = submitAll(WORLD, submitAll(WORLD, s));
    expect([r2.round, r2.phase]).toEqual([2, 'proposing']);
    expect(r2.offers.find((o) => o.id === id)!.status).toBe('open');
    const r2resp = submitAll(WORLD, r2);
    const after = submitAll(WORLD, r2resp, { DPRK: responding([{ offer: id, reply: 'accept' }]) });
    expect(after.agreements.map((g) => [g.offer, g.signed])).toEqual([[id, 2]]);
  });

  test('an offer past its expiry is marked expired when the next round begins, and can no longer be answered', () => {
    const { s, id } = offered(offer(REUNIONS_FOR_MORATORIUM, 'inspections', 1, 1));
    const r2 = submitAll(WORLD, submitAll(WORLD, s));
    expect([r2.round, r2.phase]).toEqual([2, 'proposing']);
    expect(r2.offers.find((o) => o.id === id)!.status).toBe('expired');
    const r2resp = submitAll(WORLD, r2);
    const r = submit(WORLD, r2resp, 'DPRK', responding([{ offer: id, reply: 'accept' }]));
    expect(r.ok ? null : r.rejection.code).toBe('UNKNOWN_OFFER');
  });

  test('a counter-offer closes the original and waits for the next round, when the first proposer can accept it', () => {
    const { s, id } = offered();
    const counter = offer(
      [term('ROK', 'humanitarian-aid', 'DPRK'), term('DPRK', 'missile-moratorium')],
      'partial',
      2,
      1,
    );
    const r1 = submitAll(WORLD, s, { DPRK: responding([{ offer: id, reply: 'counter', counter }]) });
    expect(r1.offers.find((o) => o.id === id)!.status).toBe('countered');
    const c = r1.offers.find((o) => o.counters === id)!;
    expect(c).toMatchObject({
      from: 'DPRK',
      status: 'open',
      accepted: ['DPRK'],
      round: 1,
      until: 2,
      terms: counter.terms,
    });
    expect(r1.agreements).toEqual([]);
    expect(r1.phase).toBe('commitment');

    const r2 = submitAll(WORLD, submitAll(WORLD, r1));
    expect(r2.round).toBe(2);
    expect(r2.phase).toBe('responding');
    const stale = submit(WORLD, r2, 'DPRK', responding([{ offer: id, reply: 'accept' }]));
    expect(stale.ok ? null : stale.rejection.code).toBe('UNKNOWN_OFFER');
    const after = submitAll(WORLD, r2, { ROK: responding([{ offer: c.id, reply: 'accept' }]) });
    expect(after.agreements).toHaveLength(1);
    expect(after.agreements[0]).toMatchObject({
      offer: c.id,
      terms: counter.terms,
      verification: 'partial',
      steps: 2,
      signed: 2,
    });
  });
});

describe('mediated packages', () => {
  const PACKAGE = offer(
    [term('USA', 'security-guarantee', 'DPRK'), term('DPRK', 'freeze-site')],
    'inspections',
    1,
    1,
  );

  test('a package the USA could not offer the DPRK directly can be brokered by the ROK', () => {
    expect(pairOf(P, 'trust', 'USA', 'DPRK')).toBeLessThan(WORLD.rules.contactTrust);
    const direct = submit(WORLD, P, 'USA', proposing([PACKAGE]));
    expect(direct.ok ? null : direct.rejection.code).toBe('NO_CHANNEL');
    const brokered = submit(WORLD, P, 'ROK', proposing([PACKAGE]));
    expect(brokered.ok).toBe(true);
  });

  test('the mediator is no party: both parties must accept; each pays the mediated share; the mediator gains influence', () => {
    const s = submitAll(WORLD, P, { ROK: proposing([PACKAGE]) });
    const o = s.offers[s.offers.length - 1]!;
    expect(o).toMatchObject({ from: 'ROK', mediator: 'ROK', parties: ['USA', 'DPRK'], accepted: [] });
    for (const who of ['ROK', 'USA', 'DPRK'])
      expect(playerView(WORLD, s, who).offers.map((x) => x.id)).toContain(o.id);
    expect(playerView(WORLD, s, 'PRC').offers.map((x) => x.id)).not.toContain(o.id);

    const mediatorAnswer = submit(WORLD, s, 'ROK', responding([{ offer: o.id, reply: 'accept' }]));
    expect(mediatorAnswer.ok ? null : mediatorAnswer.rejection.code).toBe('NOT_ADDRESSED');

    const half = submitAll(WORLD, s, { USA: responding([{ offer: o.id, reply: 'accept' }]) });
    expect(half.agreements).toEqual([]);

    const after = submitAll(WORLD, s, {
      USA: responding([{ offer: o.id, reply: 'accept' }]),
      DPRK: responding([{ offer: o.id, reply: 'accept' }]),
    });
    expect(after.agreements[0]).toMatchObject({ parties: ['USA', 'DPRK'], mediator: 'ROK' });
    for (const [p, q] of [
      ['USA', 'DPRK'],
      ['DPRK', 'USA'],
    ] as const) {
      const paid = varOf(s, p, 'support') - varOf(after, p, 'support');
      expect(paid).toBeCloseTo(signCost(s, p, [q], true), 9);
      expect(paid).toBeCloseTo(WORLD.rules.mediatedCostShare * signCost(s, p, [q]), 9);
    }
    expect(varOf(after, 'ROK', 'influence') - varOf(s, 'ROK', 'influence')).toBeCloseTo(
      WORLD.rules.mediatorInfluence,
      9,
    );
    expect(varOf(after, 'ROK', 'support')).toBe(varOf(s, 'ROK', 'support'));
  });
});

describe('a mediator bridges only where direct talks fail', () => {
  const PACKAGE = offer(
    [term('USA', 'security-guarantee', 'DPRK'), term('DPRK', 'freeze-site')],
    'inspections',
    1,
    1,
  );
  const T = WORLD.rules.contactTrust;
  const brokeredBy = (s: GameState, who: ActorId, draft: OfferDraft = PACKAGE): string =>
    ((r) => (r.ok ? 'ok' : r.rejection.code))(submit(WORLD, s, who, proposing([draft])));
  const withPair = (change: (s: GameState) => void): GameState => {
    const s = copy(P);
    change(s);
    return s;
  };

  test('between two who cannot talk it is put; once either would talk to the other it is refused, naming the pair', () => {
    expect(brokeredBy(P, 'ROK')).toBe('ok');
    for (const [a, b] of [
      ['USA', 'DPRK'],
      ['DPRK', 'USA'],
    ] as const) {
      const s = withPair((x) => setPair(x, 'trust', a, b, T));
      const r = submit(WORLD, s, 'ROK', proposing([PACKAGE]));
      expect(r.ok ? null : r.rejection).toMatchObject({
        code: 'NO_BRIDGE',
        message: expect.stringContaining('United States and North Korea') as string,
      });
      // One point short of contact-trust both ways, the bridge is needed again.
      expect(
        brokeredBy(
          withPair((x) => setPair(x, 'trust', a, b, T - 1)),
          'ROK',
        ),
      ).toBe('ok');
    }
  });

  test('in a world without mediated deals the package is refused, and offering to mediate stays a gesture', () => {
    const none = withRules(WORLD, { mediatedDeals: false });
    const r = submit(none, P, 'ROK', proposing([PACKAGE]));
    expect(r.ok ? null : r.rejection).toMatchObject({
      code: 'NOT_PERMITTED',
      message: expect.stringContaining('no government may put packages between others') as string,
    });
    // A direct offer is unchanged, and so is the public gesture of offering to mediate.
    expect(brokeredBy(P, 'ROK')).toBe('ok');
    const s = submitAll(none, P);
    const gesture = submit(none, submitAll(none, s), 'ROK', commitment([{ action: 'mediate' }], []));
    expect(gesture.ok).toBe(true);
  });

  test('a hotline makes a pair talk in public; a secret backchannel does not, so a mediator may still bridge it', () => {
    expect(
      brokeredBy(
        withPair((x) => setPair(x, 'hotline', 'USA', 'DPRK', 1, true)),
        'ROK',
      ),
    ).toBe('NO_BRIDGE');
    expect(
      brokeredBy(
        withPair((x) => setPair(x, 'backchannel', 'USA', 'DPRK', 1, true)),
        'ROK',
      ),
    ).toBe('ok');
  });

  test('a package among three needs one pair of them that cannot talk; among three who all talk it is refused', () => {
    const TRIO = offer(
      [
        term('USA', 'security-guarantee', 'DPRK'),
        term('JPN', 'humanitarian-aid', 'DPRK'),
        term('DPRK', 'freeze-site'),
      ],
      'inspections',
      1,
      1,
    );
    const convened = withPair((x) => (x.forum = 2));
    expect(brokeredBy(convened, 'ROK', TRIO)).toBe('ok');
    const allTalk = withPair((x) => {
      x.forum = 2;
      for (const a of ['USA', 'JPN', 'DPRK'])
        for (const b of ['USA', 'JPN', 'DPRK']) if (a !== b) setPair(x, 'trust', a, b, T);
    });
    const r = submit(WORLD, allTalk, 'ROK', proposing([TRIO]));
    expect(r.ok ? null : r.rejection.message).toMatch(
      /United States and Japan, United States and North Korea, Japan and North Korea/,
    );
  });

  test('the mediator can tell before it submits: its view gives the same verdict as the state', () => {
    for (const s of [
      P,
      withPair((x) => setPair(x, 'trust', 'DPRK', 'USA', T)),
      withPair((x) => setPair(x, 'hotline', 'USA', 'DPRK', 1, true)),
    ]) {
      const inView = checkDraftInView(WORLD, playerView(WORLD, s, 'ROK'), PACKAGE, 'Offer 1');
      expect(inView?.code ?? 'ok').toBe(brokeredBy(s, 'ROK'));
    }
  });

  test('every view lists the same pairs on speaking terms: a hotline or contact-trust either way, never a backchannel', () => {
    const s = withPair((x) => {
      setPair(x, 'trust', 'DPRK', 'JPN', T);
      setPair(x, 'backchannel', 'USA', 'DPRK', 1, true);
    });
    const lists = IDS.map((me) => playerView(WORLD, s, me).talking);
    for (const l of lists) expect(l).toEqual(lists[0]);
    const has = (a: ActorId, b: ActorId): boolean =>
      lists[0]!.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
    expect(has('DPRK', 'JPN')).toBe(true);
    expect(has('DPRK', 'USA')).toBe(false);
    expect(has('DPRK', 'ROK')).toBe(true); // the inter-Korean hotline
    for (const a of IDS)
      for (const b of IDS)
        if (a < b)
          expect(has(a, b)).toBe(
            pairOf(s, 'trust', a, b) >= T ||
              pairOf(s, 'trust', b, a) >= T ||
              pairOf(s, 'hotline', a, b) === 1,
          );
  });
});

describe('multilateral deals', () => {
  const TRIPLE = offer(
    [
      term('PRC', 'humanitarian-aid', 'DPRK'),
      term('RUS', 'humanitarian-aid', 'DPRK'),
      term('DPRK', 'missile-moratorium'),
    ],
    'partial',
    1,
    2,
  );
  const convened = (): GameState => {
    const s = copy(P);
    s.forum = 2;
    return s;
  };

  test('three or more parties need convened talks', () => {
    const r = submit(WORLD, P, 'PRC', proposing([TRIPLE]));
    expect(r.ok ? null : r.rejection.code).toBe('NO_FORUM');
    expect(submit(WORLD, convened(), 'PRC', proposing([TRIPLE])).ok).toBe(true);
  });

  const ANSWERS = [
    { name: 'every party accepts: signed', dprk: 'accept', rus: 'accept', status: 'accepted' },
    { name: 'one rejection outweighs every acceptance', dprk: 'accept', rus: 'reject', status: 'rejected' },
    { name: 'a counter-offer outweighs acceptances', dprk: 'accept', rus: 'counter', status: 'countered' },
    { name: 'a rejection outweighs a counter-offer', dprk: 'reject', rus: 'counter', status: 'rejected' },
  ] as const;
  test.each(ANSWERS)('answers are simultaneous: $name', ({ dprk, rus, status }) => {
    const s = submitAll(WORLD, convened(), { PRC: proposing([TRIPLE]) });
    const id = s.offers[s.offers.length - 1]!.id;
    const answer = (reply: 'accept' | 'reject' | 'counter'): PhaseInput =>
      responding([
        reply === 'counter'
          ? {
              offer: id,
              reply,
              counter: offer([term('RUS', 'humanitarian-aid', 'DPRK'), term('DPRK', 'freeze-site')]),
            }
          : { offer: id, reply },
      ]);
    const after = submitAll(WORLD, s, { DPRK: answer(dprk), RUS: answer(rus) });
    expect(after.offers.find((o) => o.id === id)!.status).toBe(status);
    expect(after.agreements.length).toBe(status === 'accepted' ? 1 : 0);
    if (status === 'accepted') {
      // Each party's price reads its mean trust in the other parties.
      const paid = varOf(s, 'PRC', 'support') - varOf(after, 'PRC', 'support');
      expect(paid).toBeCloseTo(signCost(s, 'PRC', ['RUS', 'DPRK']), 9);
    }
  });

  test('acceptances carry over: one party accepts this round, the other next round, and the deal is signed then', () => {
    const s = submitAll(WORLD, convened(), { PRC: proposing([TRIPLE]) });
    const id = s.offers[s.offers.length - 1]!.id;
    const r1 = submitAll(WORLD, s, { DPRK: responding([{ offer: id, reply: 'accept' }]) });
    expect(r1.offers.find((o) => o.id === id)).toMatchObject({ status: 'open', accepted: ['PRC', 'DPRK'] });
    const r2 = submitAll(WORLD, submitAll(WORLD, r1));
    expect([r2.round, r2.phase]).toEqual([2, 'responding']);
    const again = submit(WORLD, r2, 'DPRK', responding([{ offer: id, reply: 'accept' }]));
    expect(again.ok ? null : again.rejection.code).toBe('NOT_ADDRESSED');
    const after = submitAll(WORLD, r2, { RUS: responding([{ offer: id, reply: 'accept' }]) });
    expect(after.agreements.map((g) => g.parties)).toEqual([['PRC', 'RUS', 'DPRK']]);
  });
});

// ---------------------------------------------------------------------------------------------
// Rejections

const R = offered();
const C = signed(WORLD, offer(REUNIONS_FOR_MORATORIUM, 'inspections', 2), 'ROK', 'offers');
const OVER = play(WORLD, 'offers-over', 'random').final;

interface RejectionRow {
  name: string;
  code: (typeof REJECTION_CODES)[number];
  state: GameState;
  actor: string;
  input: unknown;
  /** A change to the state after which the same input is accepted: the rejection has the stated cause. */
  fix?: (s: GameState) => void;
}

const lowTrust = (s: GameState): void => setPair(s, 'backchannel', 'USA', 'DPRK', 1, true);

const ROWS: RejectionRow[] = [
  {
    name: 'the USA proposes directly to the DPRK, trusting it below contact-trust with no channel open',
    code: 'NO_CHANNEL',
    state: P,
    actor: 'USA',
    input: proposing([offer([term('USA', 'lift-sanctions', 'DPRK'), term('DPRK', 'freeze-site')])]),
    fix: lowTrust,
  },
  {
    name: 'Japan proposes to the DPRK at trust below contact-trust; enough trust lets it through',
    code: 'NO_CHANNEL',
    state: P,
    actor: 'JPN',
    input: proposing([offer([term('JPN', 'lift-sanctions', 'DPRK'), term('DPRK', 'missile-moratorium')])]),
    fix: (s) => setPair(s, 'trust', 'JPN', 'DPRK', WORLD.rules.contactTrust),
  },
  {
    name: 'the ROK mediates between the USA and the DPRK once the USA would talk to the DPRK directly',
    code: 'NO_BRIDGE',
    state: ((s) => (setPair(s, 'trust', 'USA', 'DPRK', WORLD.rules.contactTrust), s))(copy(P)),
    actor: 'ROK',
    input: proposing([offer([term('USA', 'lift-sanctions', 'DPRK'), term('DPRK', 'freeze-site')])]),
    fix: (s) => setPair(s, 'trust', 'USA', 'DPRK', WORLD.rules.contactTrust - 1),
  },
  {
    name: 'three parties without convened talks',
    code: 'NO_FORUM',
    state: P,
    actor: 'PRC',
    input: proposing([
      offer([
        term('PRC', 'humanitarian-aid', 'DPRK'),
        term('RUS', 'humanitarian-aid', 'DPRK'),
        term('DPRK', 'missile-moratorium'),
      ]),
    ]),
    fix: (s) => (s.forum = 1),
  },
  {
    name: 'the USA takes a missile test',
    code: 'NOT_PERMITTED',
    state: C.s,
    actor: 'USA',
    input: commitment([{ action: 'missile-test' }]),
  },
  {
    name: 'an offer promises a missile test (not dealable)',
    code: 'NOT_PERMITTED',
    state: P,
    actor: 'ROK',
    input: proposing([offer([term('ROK', 'family-reunions', 'DPRK'), term('DPRK', 'missile-test')])]),
  },
  {
    name: 'Japan brokers a package it is no party to, without the right to mediate',
    code: 'NOT_PERMITTED',
    state: P,
    actor: 'JPN',
    input: proposing([offer([term('ROK', 'family-reunions', 'DPRK'), term('DPRK', 'missile-moratorium')])]),
  },
  {
    name: 'an aimed action without a target',
    code: 'BAD_TARGET',
    state: C.s,
    actor: 'USA',
    input: commitment([{ action: 'impose-sanctions' }]),
  },
  {
    name: 'an unaimed action with a target',
    code: 'BAD_TARGET',
    state: C.s,
    actor: 'DPRK',
    input: commitment([{ action: 'missile-test', target: 'JPN' }]),
  },
  {
    name: 'an action aimed at oneself',
    code: 'BAD_TARGET',
    state: C.s,
    actor: 'USA',
    input: commitment([{ action: 'impose-sanctions', target: 'USA' }]),
  },
  {
    name: 'an action aimed at a government that does not exist',
    code: 'BAD_TARGET',
    state: C.s,
    actor: 'USA',
    input: commitment([{ action: 'impose-sanctions', target: 'ATLANTIS' }]),
  },
  {
    name: 'a term aimed at oneself',
    code: 'BAD_TARGET',
    state: P,
    actor: 'ROK',
    input: proposing([offer([term('ROK', 'family-reunions', 'ROK'), term('DPRK', 'missile-moratorium')])]),
  },
  {
    name: 'one action more than actions-per-round',
    code: 'TOO_MANY',
    state: C.s,
    actor: 'USA',
    input: commitment(
      [
        { action: 'public-diplomacy' },
        { action: 'impose-sanctions', target: 'PRC' },
        { action: 'missile-defence' },
      ].slice(0, WORLD.rules.actionsPerRound + 1),
    ),
  },
  {
    name: 'one offer more than offers-per-round',
    code: 'TOO_MANY',
    state: P,
    actor: 'ROK',
    input: proposing(
      Array.from({ length: WORLD.rules.offersPerRound + 1 }, (_, k) =>
        offer(REUNIONS_FOR_MORATORIUM, 'inspections', 1 + (k % 2), 1 + Math.floor(k / 2)),
      ),
    ),
  },
  {
    name: 'two actions each affordable alone but not together',
    code: 'UNAFFORDABLE',
    state: (() => {
      const s = copy(C.s);
      s.actors[ix('DPRK')]!.economy = actionDefCost('public-diplomacy');
      return s;
    })(),
    actor: 'DPRK',
    input: commitment([{ action: 'public-diplomacy' }, { action: 'missile-test' }]),
    fix: (s) => (s.actors[ix('DPRK')]!.economy = 50),
  },
  {
    name: 'the same action at the same target twice',
    code: 'DUPLICATE',
    state: C.s,
    actor: 'ROK',
    input: commitment([
      { action: 'impose-sanctions', target: 'PRC' },
      { action: 'impose-sanctions', target: 'PRC' },
    ]),
  },
  {
    name: 'the same offer answered twice',
    code: 'DUPLICATE',
    state: R.s,
    actor: 'DPRK',
    input: responding([
      { offer: R.id, reply: 'accept' },
      { offer: R.id, reply: 'reject' },
    ]),
  },
  {
    name: 'the same agreement decided twice',
    code: 'DUPLICATE',
    state: C.s,
    actor: 'DPRK',
    input: commitment(
      [],
      [
        { agreement: C.id, honour: true },
        { agreement: C.id, honour: false },
      ],
    ),
  },
  {
    name: 'an answer to an offer that does not exist',
    code: 'UNKNOWN_OFFER',
    state: R.s,
    actor: 'DPRK',
    input: responding([{ offer: 999, reply: 'accept' }]),
  },
  {
    name: 'an answer to an offer no longer open',
    code: 'UNKNOWN_OFFER',
    state: submitAll(WORLD, submitAll(WORLD, C.s)),
    actor: 'DPRK',
    input: responding([{ offer: R.id, reply: 'accept' }]),
  },
  {
    name: 'an answer from a government the offer is not addressed to',
    code: 'NOT_ADDRESSED',
    state: R.s,
    actor: 'PRC',
    input: responding([{ offer: R.id, reply: 'accept' }]),
  },
  {
    name: 'the proposer answering its own offer',
    code: 'NOT_ADDRESSED',
    state: R.s,
    actor: 'ROK',
    input: responding([{ offer: R.id, reply: 'accept' }]),
  },
  {
    name: 'a commitment during the proposing phase',
    code: 'WRONG_PHASE',
    state: P,
    actor: 'ROK',
    input: commitment(),
  },
  {
    name: 'a proposal during the responding phase',
    code: 'WRONG_PHASE',
    state: R.s,
    actor: 'ROK',
    input: proposing([]),
  },
  {
    name: 'a phase that does not exist',
    code: 'WRONG_PHASE',
    state: P,
    actor: 'ROK',
    input: { phase: 'negotiating', offers: [] },
  },
  {
    name: 'a second input from the same seat in one phase',
    code: 'ALREADY_SUBMITTED',
    state: (() => {
      const r = submit(WORLD, P, 'ROK', proposing([]));
      return r.ok ? r.value : P;
    })(),
    actor: 'ROK',
    input: proposing([]),
  },
  {
    name: 'any input once the game is over',
    code: 'GAME_OVER',
    state: OVER,
    actor: 'ROK',
    input: proposing([]),
  },
  {
    name: 'an input from a government that does not exist',
    code: 'UNKNOWN_ACTOR',
    state: P,
    actor: 'UN',
    input: proposing([]),
  },
  {
    name: 'a term for a government that does not exist',
    code: 'UNKNOWN_ACTOR',
    state: P,
    actor: 'ROK',
    input: proposing([offer([term('ROK', 'family-reunions', 'DPRK'), term('XYZ', 'missile-moratorium')])]),
  },
  {
    name: 'an action that does not exist',
    code: 'UNKNOWN_ACTION',
    state: C.s,
    actor: 'ROK',
    input: commitment([{ action: 'teleport' }]),
  },
  {
    name: 'an offer with no terms',
    code: 'INVALID_OFFER',
    state: P,
    actor: 'ROK',
    input: proposing([offer([])]),
  },
  {
    name: 'an offer binding only its proposer',
    code: 'INVALID_OFFER',
    state: P,
    actor: 'ROK',
    input: proposing([offer([term('ROK', 'impose-sanctions', 'DPRK')])]),
  },
  {
    name: 'zero steps',
    code: 'INVALID_OFFER',
    state: P,
    actor: 'ROK',
    input: proposing([offer(REUNIONS_FOR_MORATORIUM, 'none', 0)]),
  },
  {
    name: 'more steps than max-steps',
    code: 'INVALID_OFFER',
    state: P,
    actor: 'ROK',
    input: proposing([offer(REUNIONS_FOR_MORATORIUM, 'none', WORLD.rules.maxSteps + 1)]),
  },
  {
    name: 'fractional steps',
    code: 'INVALID_OFFER',
    state: P,
    actor: 'ROK',
    input: proposing([offer(REUNIONS_FOR_MORATORIUM, 'none', 1.5)]),
  },
  {
    name: 'expiry beyond max-expiry',
    code: 'INVALID_OFFER',
    state: P,
    actor: 'ROK',
    input: proposing([offer(REUNIONS_FOR_MORATORIUM, 'none', 1, WORLD.rules.maxExpiry + 1)]),
  },
  {
    name: 'a decision on an agreement that does not exist',
    code: 'UNKNOWN_AGREEMENT',
    state: C.s,
    actor: 'DPRK',
    input: commitment([], [{ agreement: 999, honour: true }]),
  },
  {
    name: 'a decision on someone else’s agreement',
    code: 'UNKNOWN_AGREEMENT',
    state: C.s,
    actor: 'USA',
    input: commitment([], [{ agreement: C.id, honour: false }]),
  },
];

const MALFORMED: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'propose'],
  ['a list', []],
  ['an empty object', {}],
  ['a phase that is not a string', { phase: 3 }],
  ['proposals without offers', { phase: 'proposing' }],
  ['offers that are not a list', { phase: 'proposing', offers: 'none' }],
  ['an offer that is null', { phase: 'proposing', offers: [null] }],
  [
    'terms that are not a list',
    { phase: 'proposing', offers: [{ terms: 'x', verification: 'none', steps: 1, expires: 1 }] },
  ],
  [
    'a term without an actor',
    {
      phase: 'proposing',
      offers: [
        {
          terms: [{ action: 'summit' }, { by: 'DPRK', action: 'freeze-site' }],
          verification: 'none',
          steps: 1,
          expires: 1,
        },
      ],
    },
  ],
  [
    'a term whose actor is a number',
    {
      phase: 'proposing',
      offers: [{ terms: [{ by: 5, action: 'summit' }], verification: 'none', steps: 1, expires: 1 }],
    },
  ],
  [
    'an unknown verification',
    { phase: 'proposing', offers: [{ ...offer(REUNIONS_FOR_MORATORIUM), verification: 'maybe' }] },
  ],
];
const MALFORMED_LATER: [string, GameState, unknown][] = [
  ['answers that are not a list', R.s, { phase: 'responding', answers: {} }],
  [
    'an answer naming its offer as a string',
    R.s,
    { phase: 'responding', answers: [{ offer: String(R.id), reply: 'accept' }] },
  ],
  [
    'an answer with an unknown reply',
    R.s,
    { phase: 'responding', answers: [{ offer: R.id, reply: 'maybe' }] },
  ],
  ['an answer that is null', R.s, { phase: 'responding', answers: [null] }],
  [
    'a counter-offer without a draft',
    R.s,
    { phase: 'responding', answers: [{ offer: R.id, reply: 'counter' }] },
  ],
  ['a commitment without decisions', C.s, { phase: 'commitment', actions: [] }],
  ['a commitment without actions', C.s, { phase: 'commitment', decisions: [] }],
  [
    'a decision whose honour is not a boolean',
    C.s,
    { phase: 'commitment', decisions: [{ agreement: C.id, honour: 1 }], actions: [] },
  ],
  ['an action that is null', C.s, { phase: 'commitment', decisions: [], actions: [null] }],
  ['an action that is a number', C.s, { phase: 'commitment', decisions: [], actions: [5] }],
];
for (const [name, input] of MALFORMED)
  ROWS.push({ name: `garbage: ${name}`, code: 'MALFORMED', state: P, actor: 'ROK', input });
for (const [name, state, input] of MALFORMED_LATER)
  ROWS.push({ name: `garbage: ${name}`, code: 'MALFORMED', state, actor: 'DPRK', input });

function actionDefCost(id: string): number {
  return WORLD.actions[WORLD.actionIndex[id]!]!.cost.economy ?? 0;
}

describe('typed rejections: the input is refused with its code and the state is left exactly as it was', () => {
  test.each(ROWS)('$code: $name', ({ code, state, actor, input, fix }) => {
    const before = copy(state);
    const r = submit(WORLD, state, actor, input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.rejection.code).toBe(code);
    expect(r.rejection.message.length).toBeGreaterThan(10);
    expect(state).toEqual(before);
    if (fix) {
      const fixed = copy(state);
      fix(fixed);
      const again = submit(WORLD, fixed, actor, input);
      expect(again.ok ? 'ok' : again.rejection.code).toBe('ok');
    }
  });

  test('every rejection code the brief lists has at least one row', () => {
    const listed = [
      'NO_CHANNEL',
      'NO_BRIDGE',
      'NO_FORUM',
      'NOT_PERMITTED',
      'BAD_TARGET',
      'TOO_MANY',
      'UNAFFORDABLE',
      'DUPLICATE',
      'UNKNOWN_OFFER',
      'NOT_ADDRESSED',
      'WRONG_PHASE',
      'ALREADY_SUBMITTED',
      'GAME_OVER',
      'MALFORMED',
    ];
    const covered = new Set(ROWS.map((r) => r.code));
    expect(listed.filter((c) => !covered.has(c as RejectionRow['code']))).toEqual([]);
    for (const c of covered) expect(REJECTION_CODES).toContain(c);
  });
});

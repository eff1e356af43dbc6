/**
 * Mechanisms issue 16 found missing, each from a source: engagement earns trust as a record of behaviour over
 * time, not per shipment; a new leader brings new priorities.
 */
import { describe, expect, it } from 'vitest';
import {
  beginRound,
  engagementRecord,
  leaderPriority,
  pursuedScore,
  react,
  score,
} from '../../src/engine/index.ts';
import type { GameState, Objective } from '../../src/engine/index.ts';
import { WORLD, atCommitment, commitment, copy, ix, nextCommitment, pairOf, resolveWith } from './helpers.ts';

const AID = commitment([{ action: 'humanitarian-aid', target: 'DPRK' }]);

/** Plays rounds in which ROK takes `rok(round)` (or nothing), everyone else nothing; returns the state before each resolution. */
function rounds(n: number, rok: (k: number) => ReturnType<typeof commitment> | undefined): GameState[] {
  const seen: GameState[] = [];
  let s = atCommitment(WORLD, 'engagement');
  for (let k = 0; k < n; k++) {
    seen.push(s);
    const input = rok(k);
    const after = resolveWith(WORLD, s, input ? { ROK: input } : {});
    s = nextCommitment(WORLD, beginRound(WORLD, react(WORLD, after)));
  }
  return seen;
}

describe('engagement builds trust as a record', () => {
  it('a first shipment earns no trust; a year of shipments earns the full reading', () => {
    const before = rounds(5, () => AID);
    expect(engagementRecord(WORLD, before[0]!, ix('ROK'), ix('DPRK'))).toBe(0);
    const records = before.map((s) => engagementRecord(WORLD, s, ix('ROK'), ix('DPRK')));
    expect(records).toEqual([0, 0.25, 0.5, 0.75, 1]);
    const last = before[4]!;
    const after = resolveWith(WORLD, last, { ROK: AID });
    const reading = WORLD.actions.find((d) => d.id === 'humanitarian-aid')!.readings[0]!.trust;
    expect(pairOf(after, 'trust', 'DPRK', 'ROK') - pairOf(last, 'trust', 'DPRK', 'ROK')).toBeCloseTo(
      reading,
      6,
    );
  });

  it('a new sanction on the target in the last year wipes the record', () => {
    const before = rounds(4, () => AID);
    const sanctioned = rounds(4, (k) =>
      k === 2 ? commitment([{ action: 'impose-sanctions', target: 'DPRK' }]) : AID,
    );
    expect(engagementRecord(WORLD, before[3]!, ix('ROK'), ix('DPRK'))).toBeGreaterThan(0);
    expect(engagementRecord(WORLD, sanctioned[3]!, ix('ROK'), ix('DPRK'))).toBe(0);
  });
});

describe('a new leader brings new priorities', () => {
  const s = copy(atCommitment(WORLD, 'leader'));
  const o = (metric: Objective['metric'], want: Objective['want'] = 'high'): Objective => ({
    metric,
    want,
    weight: 1,
    label: metric,
  });
  it('the leader the scenario starts with weighs every objective as the scenario says', () => {
    for (const m of ['security', 'tension', 'economy', 'stage'] as const)
      expect(leaderPriority(WORLD, s, 'ROK', o(m, m === 'tension' ? 'low' : 'high'))).toBe(1);
  });
  it('a more hawkish successor weighs security more and calm less; the economy as before', () => {
    const hawk = copy(s);
    const first = hawk.actors[ix('ROK')]!.leader.stance;
    hawk.actors[ix('ROK')]!.leader = { ...hawk.actors[ix('ROK')]!.leader, stance: Math.max(0, first - 50) };
    expect(leaderPriority(WORLD, hawk, 'ROK', o('security'))).toBeGreaterThan(1.5);
    expect(leaderPriority(WORLD, hawk, 'ROK', o('tension', 'low'))).toBeLessThan(0.5);
    expect(leaderPriority(WORLD, hawk, 'ROK', o('stage'))).toBeLessThan(0.5);
    expect(leaderPriority(WORLD, hawk, 'ROK', o('economy'))).toBe(1);
    const dove = copy(s);
    dove.actors[ix('ROK')]!.leader = { ...dove.actors[ix('ROK')]!.leader, stance: Math.min(100, first + 30) };
    expect(leaderPriority(WORLD, dove, 'ROK', o('security'))).toBeLessThan(1);
    expect(leaderPriority(WORLD, dove, 'ROK', o('tension', 'low'))).toBeGreaterThan(1);
  });
  it('what a leader pursues is the score under the first leader, and leans to security under a hawk', () => {
    for (const a of WORLD.actors) expect(pursuedScore(WORLD, s, a.id)).toBeCloseTo(score(WORLD, s, a.id), 12);
    const hawk = copy(s);
    const first = hawk.actors[ix('ROK')]!.leader.stance;
    hawk.actors[ix('ROK')]!.leader = { ...hawk.actors[ix('ROK')]!.leader, stance: Math.max(0, first - 50) };
    // Two futures: one safer but tenser, one calmer but less safe. The hawk ranks them the other way round.
    const safer = copy(s);
    safer.actors[ix('ROK')]!.security += 20;
    safer.tension = Math.min(100, s.tension + 20);
    const calmer = copy(s);
    calmer.tension = Math.max(0, s.tension - 20);
    const rank = (by: GameState): number =>
      pursuedScore(WORLD, safer, 'ROK', by) - pursuedScore(WORLD, calmer, 'ROK', by);
    expect(rank(hawk)).toBeGreaterThan(rank(s));
  });
});

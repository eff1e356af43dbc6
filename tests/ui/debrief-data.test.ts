/**
 * The debrief's numbers: one point per round plus the start, the ledger's rows agreeing with the truth, the
 * CSV quoting a spreadsheet expects, and explanations taken from the record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import { readScenario } from '../../src/cli/files.ts';
import * as engine from '../../src/engine/index.ts';
import type { GameRecord, GameState, RecordedInput } from '../../src/engine/index.ts';
import {
  csv,
  explanations,
  ledgerCsv,
  ledgerRows,
  meanTrust,
  seriesCsv,
  tallies,
} from '../../src/ui/debrief/data.ts';
import { lend } from '../../src/ui/debrief/kit.ts';
import { finishedFromState } from '../../src/session/index.ts';

const roundPoints = (w: typeof world, s: GameState) => finishedFromState(w, s).points;
import { VERIFICATION_LABELS, nameOf, prose } from '../../src/ui/kit/text.ts';
import { causesByRound } from '../../src/ui/play/summary.ts';

const { world } = readScenario('tutorial');
const SEED = 'debrief-data';
let end: GameState;
let record: GameRecord;

beforeAll(() => {
  lend({ ...engine, nameOf, prose, VERIFICATION_LABELS, causesByRound });
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('objective')]));
  const inputs: RecordedInput[] = [];
  end = engine.runGame(world, engine.startGame(world, SEED), computerChooser(world, SEED, seats), (r) =>
    inputs.push(r),
  );
  record = {
    engine: engine.ENGINE_VERSION,
    scenario: { id: world.id, hash: world.hash },
    seed: SEED,
    seats: Object.fromEntries(world.actors.map((a) => [a.id, 'objective'])),
    inputs,
  };
});

describe('debrief data', () => {
  it('gives every round its causes, which add up to each change of the player’s numbers as shown', () => {
    for (const me of world.actors.map((a) => a.id)) {
      const view = engine.playerView(world, end, me);
      const rounds = causesByRound(world, view);
      expect(rounds.map((r) => r.round)).toEqual(view.history.map((h) => h.round));
      let explained = 0;
      for (const r of rounds)
        for (const l of r.lines) {
          if (l.causes.length === 0) continue;
          expect(
            l.causes.reduce((x, c) => x + c.amount, 0),
            `${me}, round ${r.round}: ${l.label}`,
          ).toBe(l.change);
          explained++;
        }
      expect(explained).toBeGreaterThan(rounds.length);
      // Nothing is left unexplained at the end: no change without causes.
      for (const r of rounds)
        for (const l of r.lines) if (l.change !== 0) expect(l.causes.length).toBeGreaterThan(0);
    }
  });

  it('has the start and every round, the start as the scenario sets it', () => {
    const points = roundPoints(world, end);
    expect(points.map((p) => p.round)).toEqual([...Array(end.end!.round + 1).keys()]);
    expect(points[0]!.tension).toBe(world.initial.tension);
    expect(points[0]!.vars.DPRK!.nuclear).toBe(world.initial.actors.DPRK!.vars.nuclear);
    const last = points[points.length - 1]!;
    expect(last.tension).toBe(end.tension);
    expect(meanTrust(world, last, 'DPRK', 'received')).toBeCloseTo(
      engine.metricValue(world, end, 'trust-in', 'DPRK'),
      6,
    );
  });

  it('writes one CSV row per round per government', () => {
    const lines = seriesCsv(world, roundPoints(world, end)).trim().split('\r\n');
    expect(lines).toHaveLength(1 + (end.end!.round + 1) * world.actors.length);
    expect(lines[0]!.split(',')).toContain('trust_in_PRC');
  });

  it('lists every step, party and observer in the ledger, agreeing with the tally', () => {
    const view = engine.playerView(world, end, 'ROK');
    const rows = ledgerRows(world, view.agreements);
    const steps = view.agreements.flatMap((g) => g.truth ?? []);
    const kept = steps.reduce((t, r) => t + Object.values(r.honoured).filter(Boolean).length, 0);
    const keptRows = new Set(rows.filter((r) => r.kept).map((r) => `${r.agreement}/${r.step}/${r.party}`));
    expect(keptRows.size).toBe(kept);
    expect(tallies(world, view.agreements).reduce((t, x) => t + x.kept, 0)).toBe(kept);
    expect(ledgerCsv(world, rows).split('\r\n')[0]).toMatch(/^agreement,signed_round,parties,/);
  });

  it('quotes CSV cells with commas, quotes and line breaks', () => {
    expect(csv([['a,b', 'say "hi"', 'two\nlines', 3, null]])).toBe('"a,b","say ""hi""","two\nlines",3,\r\n');
  });

  it('CSV exports pass =HYPERLINK(…), +cmd|… and @SUM through unchanged: no longer, formulas are neutralised', () => {
    expect(
      csv([['=HYPERLINK("http://x","y")', '+cmd|calc', '@SUM(A1)', '-2+3', '\t=1', -2.5, 'North Korea']]),
    ).toBe(`"'=HYPERLINK(""http://x"",""y"")",'+cmd|calc,'@SUM(A1),'-2+3,'\t=1,-2.5,North Korea\r\n`);
  });

  it('takes the explanations from the record, one sentence per item', () => {
    const all = explanations(world, record);
    expect(all.length).toBe(record.inputs.length);
    for (const e of all) {
      expect(e.sentences.length).toBeGreaterThan(0);
      expect(e.sentences.join(' ')).not.toMatch(/\bPRC\b|\bDPRK\b/);
    }
    expect(explanations(world, undefined)).toEqual([]);
  });
});

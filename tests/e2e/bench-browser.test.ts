/**
 * `qpq bench --browser` runs end to end (one run, no warm-up): it builds both pages, drives Chromium, and every
 * figure it reports is a finite positive number. No timing is asserted: speed is a benchmark, not a test.
 */
import { describe, expect, test } from 'vitest';
import { formatBrowserBench, runBrowserBench } from '../../src/cli/bench/browser.ts';

/** Every number in a value, with its path. */
function numbers(v: unknown, at = ''): [string, number][] {
  if (typeof v === 'number') return [[at, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => numbers(x, `${at}[${i}]`));
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => numbers(x, at ? `${at}.${k}` : k));
  return [];
}

describe('qpq bench --browser', () => {
  test('reports every figure as a finite positive number', { timeout: 300_000 }, async () => {
    const b = await runBrowserBench({ runs: 1, warmup: false });
    const figures = numbers(b);
    expect(figures.length).toBeGreaterThan(20);
    for (const [at, x] of figures) expect({ at, ok: Number.isFinite(x) && x > 0 }).toEqual({ at, ok: true });
    expect(b.runs).toBe(1);
    expect(b.samples.app).toHaveLength(1);
    expect(b.fps.governments).toBe(6);
    expect(b.js.start.some((c) => /^index-/.test(c.file))).toBe(true);
    expect(b.js.boardReady.some((c) => /^phaser-/.test(c.file))).toBe(true);
    expect(b.js.start.some((c) => /^phaser-/.test(c.file))).toBe(false);
    const text = formatBrowserBench(b);
    expect(text).toMatch(/board ready +\d+ ms/);
    expect(text).toMatch(/ratio +\d+\.\d\d×/);
  });
});

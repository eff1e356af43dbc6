/**
 * A game shared as a link: a real record from a seeded computer-only game survives the round trip through
 * deflate and base64url, explanations and all; a link cut short, one that is not base64, and one for another
 * version of the scenario each get a sentence, as a damaged save file does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { computerChooser, strategyById } from '../../src/ai/index.ts';
import * as engine from '../../src/engine/index.ts';
import type { RecordedInput } from '../../src/engine/index.ts';
import { SAVE_FORMAT } from '../../src/ui/records/saves.ts';
import type { SaveFile } from '../../src/ui/records/saves.ts';
import {
  decodePayload,
  encodeSave,
  readShared,
  shareLink,
  sharedPayload,
} from '../../src/ui/records/share.ts';
import { content, loaded, world } from './fixtures.ts';

const SEED = 'share-link';
let save: SaveFile;

beforeAll(() => {
  const seats = Object.fromEntries(world.actors.map((a) => [a.id, strategyById('objective')]));
  const inputs: RecordedInput[] = [];
  engine.runGame(world, engine.startGame(world, SEED), computerChooser(world, SEED, seats), (r) =>
    inputs.push(r),
  );
  save = {
    format: SAVE_FORMAT,
    title: 'The tutorial — “shared”, round 9',
    savedAt: '2026-01-02T03:04:05.000Z',
    engine: engine.ENGINE_VERSION,
    record: {
      engine: engine.ENGINE_VERSION,
      scenario: { id: world.id, hash: world.hash },
      seed: SEED,
      seats: Object.fromEntries(world.actors.map((a) => [a.id, 'objective'])),
      inputs: inputs.map((r) => ({ ...r, input: { ...r.input } })),
    } as SaveFile['record'],
  };
});

describe('a game shared as a link', () => {
  it('round-trips a whole seeded game, with the computer players’ explanations', async () => {
    expect(save.record.inputs.length).toBeGreaterThan(20);
    expect(save.record.inputs.some((r) => typeof r.input.why === 'string')).toBe(true);
    const { link, payload, shortened } = await shareLink(save, 'http://localhost:4173/?x=1#old');
    expect(shortened).toBe(false);
    expect(link).toBe(`http://localhost:4173/?x=1#game=${payload}`);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    // Compressed: far shorter than the JSON it carries.
    expect(payload.length).toBeLessThan(JSON.stringify(save).length / 3);
    const r = await readShared(new URL(link).hash, content);
    expect(r).toMatchObject({ ok: true });
    if (!r?.ok) return;
    expect(r.save).toEqual(save);
    expect(r.loaded).toBe(loaded);
    // The shared record replays to the same end as the game that made it.
    expect(engine.replay(world, r.save.record as unknown as engine.GameRecord).end).toEqual(
      engine.replay(world, save.record as unknown as engine.GameRecord).end,
    );
  });

  it('drops the explanations only when the link would be too long', async () => {
    const full = await encodeSave(save);
    const short = await encodeSave(save, full.payload.length - 1);
    expect(short.shortened).toBe(true);
    expect(short.payload.length).toBeLessThan(full.payload.length);
    const r = await readShared(`#game=${short.payload}`, content);
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(r.save.record.inputs.some((x) => 'why' in x.input)).toBe(false);
    expect(r.save.record.inputs.map((x) => x.input.phase)).toEqual(
      save.record.inputs.map((x) => x.input.phase),
    );
  });

  it('is only read from a #game= fragment', () => {
    expect(sharedPayload('')).toBeNull();
    expect(sharedPayload('#saves-h')).toBeNull();
    expect(sharedPayload('#game=abc')).toBe('abc');
    expect(sharedPayload('game=abc')).toBe('abc');
  });

  it('says a link cut short is damaged', async () => {
    const { payload } = await encodeSave(save);
    for (const cut of [
      payload.slice(0, Math.floor(payload.length / 2)),
      payload.slice(0, -5),
      payload.slice(0, 8),
    ]) {
      const r = await readShared(`#game=${cut}`, content);
      expect(r).toMatchObject({ ok: false });
      if (r && !r.ok)
        expect(r.problem).toMatch(/^The shared link (is damaged|is not a Quid Pro Quo saved game)/);
    }
    expect(await readShared('#game=', content)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^The shared link is damaged/),
    });
  });

  it('says a link that is not base64 is damaged', async () => {
    for (const bad of ['not base64!', 'abc%20def', 'Zm9v=', 'a']) {
      const r = await decodePayload(bad);
      expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/^The shared link is damaged/) });
    }
    // Valid base64url, but not deflated data.
    const r = await readShared(`#game=${btoa('hello, world').replace(/=+$/, '')}`, content);
    expect(r).toMatchObject({ ok: false, problem: expect.stringMatching(/^The shared link is damaged/) });
  });

  it('says a link made for another version of the scenario cannot be played here', async () => {
    const other: SaveFile = {
      ...save,
      record: { ...save.record, scenario: { ...save.record.scenario, hash: 'deadbeefdeadbeef' } },
    };
    const r = await readShared(`#game=${(await encodeSave(other)).payload}`, content);
    expect(r).toMatchObject({ ok: false });
    if (r && !r.ok)
      expect(r.problem).toBe(
        `The shared link was played on a different version of the scenario “${world.title}” (content deadbeefdeadbeef, here ${world.hash}).`,
      );
    const foreign = await readShared(
      `#game=${(await encodeSave({ ...save, record: { ...save.record, scenario: { id: 'atlantis', hash: 'x' } } })).payload}`,
      content,
    );
    expect(foreign).toMatchObject({
      ok: false,
      problem: 'The shared link is for the scenario “atlantis”, which is not available here.',
    });
  });
});

/**
 * A shared screen leaks (issue 15): a replay, and "see as" another government, open only for a finished game;
 * a mid-game save or link of a one-person game carries only that person's inputs (no computer's secret actions,
 * no `why` sentence telling what a computer privately saw) and still continues exactly; a hot-seat save carries
 * the whole record (every person needs it) but no computer's `why`, and is never replayed before the end.
 */
import { describe, expect, it } from 'vitest';
import { seatRng, strategyById } from '../../src/ai/index.ts';
import type { ActorId, InputPhase } from '../../src/engine/index.ts';
import { NOT_OVER, replayFrames, replayable } from '../../src/ui/screens/replay.ts';
import { parseSave, resume, saveFileOf } from '../../src/ui/records/saves.ts';
import { newSession } from '../../src/ui/play/session.ts';
import type { Session } from '../../src/ui/play/session.ts';
import { decodePayload, encodeSave } from '../../src/ui/records/share.ts';
import { content, loaded, world } from './fixtures.ts';

const objective = strategyById('objective');

function session(humans: ActorId[]): Session {
  return newSession(loaded, { humans, seed: 'leaks' });
}
/** Every person plays like the objective player (with their `why` left out, as a person writes none). */
function step(s: Session): void {
  const phase = s.phase() as InputPhase;
  for (const h of s.humans()) {
    const { why: _why, ...input } = objective.decide(
      { world, view: s.view(h), rng: seatRng(`p/${s.round()}/${phase}`, h) },
      phase,
    );
    const r = s.submit(h, input);
    if (!r.ok) throw new Error(r.rejection.message);
  }
}
const playTo = (s: Session, round: number): Session => {
  while (s.phase() && s.round() < round) step(s);
  return s;
};
const computers = (s: Session): ActorId[] =>
  world.actors.map((a) => a.id).filter((a) => !s.humans().includes(a));

describe('a shared screen leaks', () => {
  it('a game under way is never replayed nor seen as another government; a finished one is', () => {
    for (const humans of [[world.actors[0]!.id], [world.actors[0]!.id, world.actors[1]!.id]]) {
      const s = playTo(session(humans), 3);
      const save = saveFileOf(s, 'mid-game');
      expect(replayable(loaded, save)).toBe(false);
      expect(() => replayFrames(loaded, save)).toThrow(NOT_OVER);
      playTo(s, Infinity);
      const done = saveFileOf(s, 'finished');
      expect(replayable(loaded, done)).toBe(true);
      expect(replayFrames(loaded, done).at(-1)!.over).toBe(true);
    }
  });

  it("mid-game saves and links carry the computers' why sentences: no longer, and only the person's own inputs", async () => {
    const me = world.actors[2]!.id;
    const s = playTo(session([me]), 4);
    expect(s.record().inputs.some((r) => r.actor !== me && r.input.why)).toBe(true);
    const save = saveFileOf(s, 'mine');
    const text = JSON.stringify(save);
    expect(text).not.toMatch(/"why"/);
    expect(save.record.inputs.every((r) => r.actor === me)).toBe(true);
    const link = await decodePayload((await encodeSave(save)).payload);
    expect(link.ok && link.text).toBe(text);
    // It still continues exactly where the game was.
    const parsed = parseSave(text, content, 'The save');
    if (!parsed.ok) throw new Error(parsed.problem);
    const r = resume(parsed.save, parsed.loaded, 'The save');
    if (!r.ok) throw new Error(r.problem);
    expect(JSON.stringify(r.session.engineState())).toBe(JSON.stringify(s.engineState()));
    // Once over, the game is public: the whole record, explanations and all.
    playTo(s, Infinity);
    expect(JSON.stringify(saveFileOf(s, 'done'))).toMatch(/"why"/);
  });

  it('a hot-seat save carries the truth (every input) without the computers’ why, and continues exactly', () => {
    const s = playTo(session([world.actors[0]!.id, world.actors[3]!.id]), 3);
    const save = saveFileOf(s, 'hot-seat');
    expect(save.record.inputs.length).toBe(s.record().inputs.length);
    expect(save.seatOnly).toBeUndefined();
    for (const r of save.record.inputs)
      if (computers(s).includes(r.actor)) expect(r.input).not.toHaveProperty('why');
    const r = resume(save, loaded, 'The save');
    if (!r.ok) throw new Error(r.problem);
    expect(JSON.stringify(r.session.engineState())).toBe(JSON.stringify(s.engineState()));
  });

  it('a one-person save whose computers now decide differently says so instead of continuing another game', () => {
    const s = playTo(session([world.actors[0]!.id]), 3);
    const save = saveFileOf(s, 'changed');
    save.seatOnly = { fullInputs: 'not-the-hash' };
    const r = resume(save, loaded, 'The save “changed”');
    expect(r).toEqual({
      ok: false,
      problem:
        'The save “changed” cannot be continued exactly: the computer players of this version decide differently from the version that saved it.',
    });
    // Someone else's inputs slipped into a one-person save are refused when it is read.
    const forged = saveFileOf(s, 'forged');
    forged.record.inputs.push({ ...forged.record.inputs[0]!, actor: world.actors[1]!.id });
    const p = parseSave(JSON.stringify(forged), content, 'The file f.json');
    expect(p.ok ? '' : p.problem).toMatch(/^The file f\.json is damaged: a save of one person's game/);
  });
});

/**
 * GameSession runs a game on the engine's xstate machine: people's inputs are held until every person is in,
 * computer seats decide on their own views, saves round-trip through JSON and continue exactly, injects fire
 * at the next round, seat changes are recorded, and the record replays to the same state.
 */
import { describe, expect, test } from 'vitest';
import { readScenario } from '../../src/cli/files.ts';
import { computerChooser, seatStrategies } from '../../src/ai/index.ts';
import { hashValue, replay, runGame, startGame } from '../../src/engine/index.ts';
import type { ActorId, PhaseInput } from '../../src/engine/index.ts';
import { GameSession, SessionRestoreError, emptyInput } from '../../src/session/index.ts';
import type { SavedSession, Seat, SessionEvent } from '../../src/session/index.ts';

const LOADED = readScenario('panmunjom-2018');
const WORLD = LOADED.world;
const IDS = WORLD.actors.map((a) => a.id);
const human: Seat = { kind: 'human' };
const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Every human seat enters the safe default until the game ends (or `rounds` rounds have passed). */
function playHumans(g: GameSession, untilRound = Infinity): void {
  while (!g.over() && g.round() < untilRound) {
    const [h] = g.waitingFor();
    if (!h) throw new Error('no one to play');
    const r = g.submit(h, g.defaultInput(h));
    if (!r.ok) throw new Error(r.rejection.message);
  }
}

describe('a game through the session', () => {
  test('a person’s input is held, secret, until every person is in; then the phase closes', () => {
    const g = GameSession.start(LOADED, { seed: 's1', seats: { USA: human, ROK: human } });
    expect(g.phase()).toBe('proposing');
    expect(g.waitingFor()).toEqual(['ROK', 'USA']);
    const events: SessionEvent[] = [];
    g.subscribe((e) => events.push(e));
    const input: PhaseInput = { phase: 'proposing', offers: [] };
    expect(g.submit('USA', input)).toEqual({ ok: true });
    expect(g.waitingFor()).toEqual(['ROK']);
    expect(g.held('USA')).toEqual(input);
    // Nobody's view, not even the machine's inbox, has it yet.
    for (const id of IDS) expect(viaJson(g.view(id)).submitted.USA).toBe(false);
    expect(g.submit('USA', input)).toMatchObject({ ok: false, rejection: { code: 'ALREADY_SUBMITTED' } });
    expect(g.submit('PRC', input)).toMatchObject({ ok: false, rejection: { code: 'NOT_PERMITTED' } });
    expect(g.submit('ROK', { phase: 'commitment', decisions: [], actions: [] })).toMatchObject({
      ok: false,
      rejection: { code: 'WRONG_PHASE' },
    });
    expect(g.submit('ROK', input)).toEqual({ ok: true });
    expect(g.phase()).toBe('responding');
    expect(g.waitingFor()).toEqual(['ROK', 'USA']);
    expect(events.map((e) => e.type)).toEqual(['held', 'held', 'phase-closed']);
    expect(g.inputCount()).toBe(IDS.length);
  });

  test('the record replays on the batch path to the identical final state', () => {
    const g = GameSession.start(LOADED, { seed: 'replay-me', seats: { DPRK: human } });
    playHumans(g);
    expect(g.over()).toBe(true);
    const record = viaJson(g.record());
    expect(record.seats.DPRK).toBe('human');
    expect(hashValue(replay(WORLD, record))).toBe(hashValue(g.engineState()));
  });

  test('a game of computers alone ends where runGame with the same seats ends', () => {
    const seats = Object.fromEntries(IDS.map((id) => [id, 'objective']));
    const g = GameSession.start(LOADED, {
      seed: 'both-paths',
      seats: Object.fromEntries(IDS.map((id) => [id, { kind: 'computer', strategy: 'objective' } as Seat])),
    });
    expect(g.over()).toBe(true);
    const batch = runGame(
      WORLD,
      startGame(WORLD, 'both-paths'),
      computerChooser(WORLD, 'both-paths', seatStrategies(seats)),
    );
    expect(hashValue(g.engineState())).toBe(hashValue(batch));
  });

  test('a save taken mid-phase, through JSON, continues exactly as the unsaved game', () => {
    const opts = { seed: 'save-me', seats: { JPN: human, PRC: human } };
    const a = GameSession.start(LOADED, opts);
    const b = GameSession.start(LOADED, opts);
    playHumans(a, 3);
    playHumans(b, 3);
    // JPN has entered; PRC has not: the held input must survive the save.
    for (const g of [a, b]) expect(g.submit('JPN', g.defaultInput('JPN')).ok).toBe(true);
    const saved = viaJson(b.save());
    expect(saved.held.JPN).toBeDefined();
    const c = GameSession.restore(LOADED, saved);
    expect(c.waitingFor()).toEqual(['PRC']);
    expect(c.round()).toBe(a.round());
    playHumans(a);
    playHumans(c);
    expect(hashValue(c.engineState())).toBe(hashValue(a.engineState()));
    expect(c.record()).toEqual(a.record());
  });

  test('a session rebuilt from its record (an older save) continues exactly as the unsaved game', () => {
    const opts = { seed: 'from-record', seats: { USA: human } };
    const a = GameSession.start(LOADED, opts);
    expect(a.inject('food-shortage').ok).toBe(true);
    playHumans(a, 5);
    const b = GameSession.fromRecord(LOADED, viaJson(a.record()));
    expect(b.round()).toBe(5);
    playHumans(a);
    playHumans(b);
    expect(hashValue(b.engineState())).toBe(hashValue(a.engineState()));
    const bad = viaJson(a.record());
    bad.inputs[3]!.actor = 'USA';
    expect(() => GameSession.fromRecord(LOADED, bad)).toThrow(/Input 4 should be/);
  });

  test('a restored computer seat decides as it would have (its generator is saved)', () => {
    const opts = { seed: 'rng-saved', seats: { USA: human } };
    const a = GameSession.start(LOADED, opts);
    playHumans(a, 4);
    const b = GameSession.restore(LOADED, viaJson(a.save()));
    playHumans(a);
    playHumans(b);
    expect(hashValue(b.engineState())).toBe(hashValue(a.engineState()));
  });
});

describe('injects', () => {
  test('an injected event fires at the start of the next round, is recorded, and replays', () => {
    const g = GameSession.start(LOADED, { seed: 'inject', seats: { ROK: human } });
    const fired = (round: number) =>
      // The injected one: the same event can also happen by chance in any round.
      g
        .engineState()
        .log.filter(
          (e) => e.kind === 'event' && e.ref === 'food-shortage' && e.round === round && e.injected === true,
        );
    expect(g.inject('food-shortage')).toEqual({ ok: true });
    expect(fired(1)).toHaveLength(0);
    playHumans(g, 2);
    expect(fired(2)).toHaveLength(1);
    playHumans(g);
    const record = g.record();
    expect(record.injects).toEqual([{ round: 1, event: 'food-shortage' }]);
    expect(hashValue(replay(WORLD, viaJson(record)))).toBe(hashValue(g.engineState()));
  });

  test.each([
    { name: 'an unknown event', event: 'alien-landing', code: 'UNKNOWN_EVENT' },
    { name: 'a one-time event that has fired', event: 'pyeongchang', code: 'UNAVAILABLE' },
  ])('$name is refused with $code and changes nothing', ({ event, code }) => {
    const g = GameSession.start(LOADED, { seed: 'inject-bad', seats: { ROK: human } });
    const before = hashValue(g.engineState());
    expect(g.inject(event)).toMatchObject({ ok: false, rejection: { code } });
    expect(hashValue(g.engineState())).toBe(before);
  });

  test('nothing can be injected in the last round', () => {
    // A game that reaches its last round (on some seeds a clash ends it sooner).
    const g = ['inject-late', 'inject-late-1', 'inject-late-2', 'inject-late-3']
      .map((seed) => {
        const s = GameSession.start(LOADED, { seed, seats: { ROK: human } });
        playHumans(s, WORLD.rounds);
        return s;
      })
      .find((s) => s.round() === WORLD.rounds)!;
    expect(g.round()).toBe(WORLD.rounds);
    expect(g.inject('food-shortage')).toMatchObject({ ok: false, rejection: { code: 'UNAVAILABLE' } });
  });
});

describe('seats', () => {
  test('a computer takes over a seat mid-phase: the game runs on, and the record says so', () => {
    const g = GameSession.start(LOADED, { seed: 'takeover', seats: { USA: human, RUS: human } });
    playHumans(g, 3);
    expect(g.submit('USA', g.defaultInput('USA')).ok).toBe(true);
    const phase = g.phase();
    g.setSeat('RUS', { kind: 'computer', strategy: 'tit-for-tat' });
    expect(g.phase()).not.toBe(phase); // RUS was the last one owed: the phase closed
    expect(g.waitingFor()).toEqual(['USA']);
    g.setSeat('USA', { kind: 'computer', strategy: 'dove' });
    expect(g.over()).toBe(true);
    const record = g.record();
    expect(record.seats).toMatchObject({ USA: 'human', RUS: 'human' });
    expect(record.seatChanges).toEqual([
      { round: 3, actor: 'RUS', seat: 'tit-for-tat' },
      { round: 3, actor: 'USA', seat: 'dove' },
    ]);
    expect(hashValue(replay(WORLD, record))).toBe(hashValue(g.engineState()));
  });

  test('an unknown strategy or seat is refused with the names it could be', () => {
    expect(() => GameSession.start(LOADED, { seed: 'x', seats: { XYZ: human } })).toThrow(/no seat "XYZ"/);
    const g = GameSession.start(LOADED, { seed: 'x', seats: { USA: human } });
    expect(() => g.setSeat('USA', { kind: 'computer', strategy: 'genius' })).toThrow(/Known:/);
  });

  test('a person’s default input is the safe one: nothing offered, every agreement honoured', () => {
    const g = GameSession.start(LOADED, { seed: 'default', seats: { USA: human } });
    expect(g.defaultInput('USA')).toEqual(emptyInput('proposing'));
  });
});

describe('restoring a save that does not fit says why', () => {
  const good = (): SavedSession =>
    viaJson(GameSession.start(LOADED, { seed: 'r', seats: { USA: human } }).save());
  test.each<{ name: string; damage: (s: SavedSession) => unknown; message: RegExp }>([
    { name: 'not a save', damage: () => ({ hello: 1 }), message: /not a saved game session/ },
    { name: 'another engine', damage: (s) => ({ ...s, engine: '0.1.0' }), message: /engine 0\.1\.0/ },
    {
      name: 'another scenario',
      damage: (s) => ({ ...s, scenario: { id: 'hanoi-2019', hash: 'x' } }),
      message: /for scenario hanoi-2019/,
    },
    { name: 'no snapshot', damage: (s) => ({ ...s, machine: null }), message: /snapshot is missing/ },
    {
      name: 'a bad generator',
      damage: (s) => ({ ...s, rngs: { ...s.rngs, PRC: { c: 'x' } } }),
      message: /generator for PRC/,
    },
    {
      name: 'an unknown strategy',
      damage: (s) => ({ ...s, seats: { ...s.seats, PRC: { kind: 'computer', strategy: 'nope' } } }),
      message: /seats do not fit/,
    },
  ])('$name', ({ damage, message }) => {
    expect(() => GameSession.restore(LOADED, damage(good()) as SavedSession)).toThrow(SessionRestoreError);
    expect(() => GameSession.restore(LOADED, damage(good()) as SavedSession)).toThrow(message);
  });
});

describe('views', () => {
  test('every seat’s view and the public view are plain JSON; the public one holds no private entry', () => {
    const g = GameSession.start(LOADED, { seed: 'views', seats: { USA: human } });
    playHumans(g, 4);
    for (const id of IDS as ActorId[]) expect(viaJson(g.view(id))).toEqual(viaJson(viaJson(g.view(id))));
    const pub = viaJson(g.publicView());
    expect(pub.log.every((e) => e.to === null)).toBe(true);
    expect(pub.channels.every((c) => c.channel === 'hotline')).toBe(true);
    expect(pub).not.toHaveProperty('myTrust');
  });
});

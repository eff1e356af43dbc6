/**
 * Who plays each government: a person, or a computer strategy with its own seeded generator (never the game's).
 */
import { seatRng, isStrategy, DIFFICULTIES, strategyById } from '../ai/index.ts';
import type { Strategy } from '../ai/index.ts';
import { awaitsAnswer, owesStep } from '../engine/index.ts';
import type { ActorId, InputPhase, PhaseInput, PlayerView } from '../engine/index.ts';
import type { LoadedScenario } from '../scenario/index.ts';

export type Seat = { kind: 'human' } | { kind: 'computer'; strategy: string };

/** How a game record names a seat: 'human' or the strategy id. */
export const HUMAN = 'human';
export const seatName = (seat: Seat): string => (seat.kind === 'human' ? HUMAN : seat.strategy);
export const seatFromName = (name: string): Seat =>
  name === HUMAN ? { kind: 'human' } : { kind: 'computer', strategy: name };

/** The scenario's strategy for a government if it names a known one, else the normal difficulty's. */
export function defaultStrategy(loaded: LoadedScenario, id: ActorId): string {
  const named = loaded.scenario.actors[id]?.strategy;
  return named && isStrategy(named) ? named : DIFFICULTIES.normal.strategy;
}

/** Every seat of the world: those given, and a computer playing the scenario's (or the normal) strategy for the rest. */
export function fillSeats(
  loaded: LoadedScenario,
  seats: Partial<Record<ActorId, Seat>>,
): Record<ActorId, Seat> {
  const ids = loaded.world.actors.map((a) => a.id);
  for (const id of Object.keys(seats))
    if (!ids.includes(id))
      throw new Error(`There is no seat "${id}" in ${loaded.world.id}: ${ids.join(', ')}.`);
  return Object.fromEntries(
    ids.map((id) => {
      const seat = seats[id] ?? { kind: 'computer', strategy: defaultStrategy(loaded, id) };
      if (seat.kind === 'computer') strategyById(seat.strategy); // throws with the known ids
      return [id, seat];
    }),
  );
}

export const strategyOf = (seat: Seat): Strategy | null =>
  seat.kind === 'computer' ? strategyById(seat.strategy) : null;

export { seatRng };

/** The input that does nothing in a phase (no offers, no answers, no actions; every deal honoured). */
export function emptyInput(phase: InputPhase, view?: PlayerView): PhaseInput {
  switch (phase) {
    case 'proposing':
      return { phase, offers: [] };
    case 'responding':
      return { phase, answers: [] };
    case 'commitment':
      return {
        phase,
        decisions: (view ? myActiveAgreements(view) : []).map((g) => ({ agreement: g.id, honour: true })),
        actions: [],
      };
  }
}

export const myActiveAgreements = (v: PlayerView): PlayerView['agreements'] =>
  v.agreements.filter((g) => owesStep(g, v.me));

/** Offers that wait for my answer this phase. */
export const offersToAnswer = (v: PlayerView): PlayerView['offers'] =>
  v.offers.filter((o) => awaitsAnswer(o, v.me));

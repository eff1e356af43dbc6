/**
 * When an apparent breach is worth forgiving. Under noisy observation an honest partner is sometimes seen to
 * break its word; forgiving such misreadings keeps cooperation alive (Axelrod's and Nowak's result), but
 * forgiving a partner who truly defects only invites more. A government can tell the two apart only by the
 * record it has seen: an honest partner's apparent breaches come at about the misreading rate, a defector's
 * far above it.
 */
import type { ActorId, PlayerView, Verification, World } from '../engine/index.ts';
import { remember } from './memory.ts';

/** The share of an honest partner's steps that are misread as breaches at this verification level. */
export const misreadRate = (world: World, verification: Verification = 'none'): number =>
  1 - world.rules.accuracy[verification];

/**
 * Whether `other`'s record, as this government saw it, is one an honest partner could have left: its
 * apparent breaches are no more than three times the misreading rate: its honest steps misread, and its fair answers to what it misread of mine (plus one, so a single early breach in a short
 * record does not condemn it).
 */
export function creditworthy(
  world: World,
  view: PlayerView,
  other: ActorId,
  verification: Verification = 'none',
): boolean {
  const m = remember(world, view, other);
  return m.defections <= 1 + 3 * misreadRate(world, verification) * m.moves;
}

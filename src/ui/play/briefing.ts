/** A government's briefing: its public role, its private brief and what it is scored on. */
import type { ActorId } from '../../engine/index.ts';
import type { LoadedScenario } from '../../scenario/index.ts';
import { h } from '../kit/dom.ts';

/**
 * The briefing's elements, headed by an h2 with the given id. In a game under way, `leader` is the government's
 * leader now: the briefing names them, and says when the scenario's words were written for a predecessor.
 */
export function briefingPanel(
  loaded: LoadedScenario,
  me: ActorId,
  headingId: string,
  leader?: { name: string; since: number },
): HTMLElement[] {
  const def = loaded.scenario.actors[me]!;
  const actor = loaded.world.actors.find((a) => a.id === me)!;
  const now = leader?.name ?? def.leader.name;
  const changed = now !== def.leader.name;
  return [
    h('h2', { id: headingId }, `Your briefing: ${def.name}`),
    h(
      'p',
      { class: 'leader' },
      `You are ${now}'s government in ${def.capital}.`,
      changed
        ? ` ${now} took office in round ${leader!.since}; the brief below was written for ${def.leader.name}'s at the start.`
        : '',
    ),
    h('h3', null, 'Public role'),
    h('p', null, def.briefing.public.trim()),
    h('h3', null, 'For your eyes only'),
    h('p', { class: 'private' }, def.briefing.private.trim()),
    h('h3', null, 'You are scored on'),
    h(
      'ul',
      { class: 'objectives' },
      actor.objectives.map((o) =>
        h(
          'li',
          null,
          `${o.label} `,
          h('span', { class: 'weight', title: 'Relative weight in your final score' }, `×${o.weight}`),
        ),
      ),
    ),
  ];
}

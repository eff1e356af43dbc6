/** A government's briefing: its public role, its private brief and what it is scored on. */
import { absence } from '../../engine/index.ts';
import type { ActorDef, ActorId, World } from '../../engine/index.ts';
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
  /** The round under way, in a game: an organisation away from the table is told so. */
  round?: number,
): HTMLElement[] {
  const def = loaded.scenario.actors[me]!;
  const world = loaded.world;
  const k = world.actors.findIndex((a) => a.id === me);
  const actor = world.actors[k]!;
  const now = leader?.name ?? def.leader.name;
  const changed = now !== def.leader.name;
  const nameOf = (id: ActorId): string => world.actors.find((a) => a.id === id)?.name ?? id;
  const members = actor.members?.length
    ? ` Its members at the table: ${actor.members.map(nameOf).join(', ')}.`
    : '';
  const away = round === undefined ? null : absence(world, { round }, k);
  return [
    h('h2', { id: headingId }, `Your briefing: ${def.name}`),
    h(
      'p',
      { class: 'leader' },
      actor.organisation
        ? `You are the ${def.name}, an organisation, not a government, in ${def.capital}, with ${now} at its head.${members}`
        : `You are ${now}'s government in ${def.capital}.`,
      changed
        ? ` ${now} took office in round ${leader!.since}; the brief below was written for ${def.leader.name}${actor.organisation ? '' : "'s"} at the start.`
        : '',
    ),
    ...(actor.organisation ? [h('p', null, tableText(actor))] : []),
    ...(away ? [h('p', { class: 'away' }, `Away from the table now: ${awayWords(world, k, round!)}`)] : []),
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

/** When an organisation is at the table, and what it lacks that a government has, in a sentence. */
function tableText(a: ActorDef): string {
  const when =
    a.joins !== undefined && a.leaves !== undefined
      ? `It sits at the table from round ${a.joins} until it leaves in round ${a.leaves}.`
      : a.joins !== undefined
        ? `It joins the table in round ${a.joins}.`
        : a.leaves !== undefined
          ? `It leaves the table in round ${a.leaves}.`
          : 'It is at the table throughout.';
  const lacks = [a.noEconomy ? 'no economy' : '', a.elected ? '' : 'no elections'].filter(Boolean);
  return `${when} It takes only the actions meant for it${lacks.length ? `, and has ${lacks.join(' and ')}` : ''}.`;
}

/** Why an organisation is away this round, for its own player. */
function awayWords(world: World, k: number, round: number): string {
  const a = world.actors[k]!;
  return a.leaves !== undefined && round >= a.leaves
    ? `you left in round ${a.leaves}, so you offer, answer and do nothing more; your score still counts.`
    : `you join in round ${a.joins ?? 1}; until then you offer, answer and do nothing.`;
}

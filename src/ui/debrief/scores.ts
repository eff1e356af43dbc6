/** Words for the top of the debrief: why this outcome (and not a better one), and how each government's aims turned out. */
import type { Condition, PlayerView, World } from '../../engine/index.ts';
import type { ConditionCheck, FinishedGame } from '../../session/index.ts';
import { stageWords } from './data.ts';
import { K } from './kit.ts';

const METRIC_WORDS: Record<string, string> = {
  tension: 'tension',
  stage: 'the peace process',
  'mean-trust': 'mean trust',
  'agreements-kept': 'deals carried out',
  'agreements-broken': 'deals broken',
  'trust-in': 'trust in it',
  'trust-of': 'its trust in others',
};

const nameIn = (world: World, id: string): string => world.actors.find((a) => a.id === id)?.name ?? id;

/** A fact condition in words, as it should have been: "Japan led by Shinzo Abe", "the Olympics had happened". */
function factText(world: World, c: Extract<Condition, { fact: string }>): string {
  const not = c.not ? ' not' : '';
  switch (c.fact) {
    case 'leader':
      return `${nameIn(world, c.of)} was${not} to be led by ${c.is}`;
    case 'action': {
      const name = K.findAction(world, c.action)?.name ?? c.action;
      return `“${name}” was${not} to have been taken${c.by ? ` by ${nameIn(world, c.by)}` : ''}${c.within ? ` in the last ${c.within} rounds` : ''}`;
    }
    case 'deal': {
      const name = K.findAction(world, c.action)?.name ?? c.action;
      return `a deal with “${name}” was${not} to have been ${c.status}`;
    }
    case 'event':
      return `“${world.events.find((e) => e.id === c.event)?.name ?? c.event}” was${not} to have happened`;
    case 'channel':
      return `the ${c.channel} between ${nameIn(world, c.a)} and ${nameIn(world, c.b)} was${not} to be open`;
    case 'pair':
      return '';
  }
}

function conditionText(world: World, check: ConditionCheck): string {
  const c: Condition = check.condition;
  if ('fact' in c && c.fact !== 'pair') return factText(world, c);
  // The stage on its own scale, by name and number from 0, as the scenario writes it (the engine measures 0..100).
  if (!('fact' in c) && c.metric === 'stage') {
    const at = (v: number): string => stageWords(world, v, ', ');
    const need =
      c.atLeast !== undefined && c.atMost !== undefined
        ? `from ${at(c.atLeast)}, to ${at(c.atMost)}`
        : c.atLeast !== undefined
          ? `${at(c.atLeast)}, or beyond`
          : `${at(c.atMost ?? 100)}, or before`;
    return `the peace process had reached ${at(check.value ?? 0)} (it needed ${need})`;
  }
  const what =
    'fact' in c
      ? `${nameIn(world, c.from)}’s ${c.measure === 'trust' ? 'trust in' : `${c.measure} on`} ${nameIn(world, c.to)}`
      : `${'of' in c && c.of ? `${nameIn(world, c.of)}’s ` : ''}${METRIC_WORDS[c.metric] ?? c.metric}`;
  const need = [
    c.atLeast !== undefined ? `at least ${c.atLeast}` : '',
    c.atMost !== undefined ? `at most ${c.atMost}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `${what} was ${Math.round(check.value ?? 0)} (it needed ${need})`;
}

/** Why this outcome and not the ones ranked above it, in words. */
export function outcomeWhy(world: World, game: FinishedGame, end: NonNullable<PlayerView['end']>): string {
  if (end.reason === 'clash')
    return 'Why: a military clash ended the game, and a clash decides the outcome on its own.';
  const checks = new Map(game.outcomes.map((o) => [o.id, o.conditions]));
  const ranked = world.outcomes.filter((o) => !o.onClash);
  const at = ranked.findIndex((o) => o.id === end.outcome);
  const me = ranked[at];
  const held =
    me && me.when.length
      ? `Why: ${(checks.get(me.id) ?? []).map((c) => conditionText(world, c)).join(', and ')}.`
      : 'Why: no better outcome’s conditions held, so the world settles here.';
  const missed = ranked
    .slice(0, Math.max(0, at))
    .map((o) => {
      const failed = (checks.get(o.id) ?? []).filter((c) => !c.holds);
      return failed.length
        ? `“${o.name}” slipped away because ${failed.map((c) => conditionText(world, c)).join(' and ')}`
        : '';
    })
    .filter(Boolean);
  return `${held}${missed.length ? ` ${missed.join('; ')}.` : ''}`;
}

/** "Regime security 92 (×3) · Elite support 83 (×2) · …", the heaviest aims first. */
export function aimsText(game: FinishedGame, id: string): string {
  return (game.aims[id] ?? []).map((o) => `${o.label} ${Math.round(o.value)} (×${o.weight})`).join(' · ');
}

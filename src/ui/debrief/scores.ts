/** Words for the top of the debrief: why this outcome (and not a better one), and how each government's aims turned out. */
import type { Condition, GameState, PlayerView, World } from '../../engine/index.ts';
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

function conditionText(world: World, s: GameState, c: Condition): string {
  if ('fact' in c && c.fact !== 'pair') return factText(world, c);
  const what =
    'fact' in c
      ? `${nameIn(world, c.from)}’s ${c.measure === 'trust' ? 'trust in' : `${c.measure} on`} ${nameIn(world, c.to)}`
      : `${'of' in c && c.of ? `${nameIn(world, c.of)}’s ` : ''}${METRIC_WORDS[c.metric] ?? c.metric}`;
  if (!('fact' in c) && c.metric === 'stage' && world.stages.length > 1) {
    // Stages by name: the metric is the stage's share of the way (0..100), which reads badly as a number.
    const n = world.stages.length - 1;
    const at = (v: number, up: boolean): string =>
      `“${world.stages[Math.min(n, Math.max(0, up ? Math.ceil((v * n) / 100 - 1e-9) : Math.floor((v * n) / 100 + 1e-9)))]}”`;
    const stageNeed = [
      c.atLeast !== undefined ? `${at(c.atLeast, true)} or later` : '',
      c.atMost !== undefined ? `${at(c.atMost, false)} or earlier` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    return `${what} was at ${at(K.conditionValue(world, s, c), false)} (it needed ${stageNeed})`;
  }
  const need = [
    c.atLeast !== undefined ? `at least ${Math.round(c.atLeast)}` : '',
    c.atMost !== undefined ? `at most ${Math.round(c.atMost)}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  return `${what} was ${Math.round(K.conditionValue(world, s, c))} (it needed ${need})`;
}

const fails = (world: World, s: GameState, c: Condition): boolean => !K.holds(world, s, c);

/** Why this outcome and not the ones ranked above it, in words. */
export function outcomeWhy(world: World, s: GameState, end: NonNullable<PlayerView['end']>): string {
  if (end.reason === 'clash')
    return 'Why: a military clash ended the game, and a clash decides the outcome on its own.';
  const ranked = world.outcomes.filter((o) => !o.onClash);
  const at = ranked.findIndex((o) => o.id === end.outcome);
  const me = ranked[at];
  const held =
    me && me.when.length
      ? `Why: ${me.when.map((c) => conditionText(world, s, c)).join(', and ')}.`
      : 'Why: no better outcome’s conditions held, so the world settles here.';
  const missed = ranked
    .slice(0, Math.max(0, at))
    .map((o) => {
      const failed = o.when.filter((c) => fails(world, s, c));
      return failed.length
        ? `“${o.name}” slipped away because ${failed.map((c) => conditionText(world, s, c)).join(' and ')}`
        : '';
    })
    .filter(Boolean);
  return `${held}${missed.length ? ` ${missed.join('; ')}.` : ''}`;
}

/** "Regime security 92 (×3) · Elite support 83 (×2) · …", the heaviest aims first. */
export function aimsText(world: World, s: GameState, id: string): string {
  const def = world.actors.find((a) => a.id === id);
  return [...(def?.objectives ?? [])]
    .sort((a, b) => b.weight - a.weight)
    .map((o) => `${o.label} ${Math.round(K.objectiveValue(world, s, id, o))} (×${o.weight})`)
    .join(' · ');
}

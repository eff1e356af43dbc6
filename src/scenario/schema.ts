/**
 * The scenario format, as one zod schema: the single source of truth from which the JSON Schema that
 * editors read (`scenarios/scenario.schema.json`) is written, and against which `qpq check` validates.
 * Keys are plain words in kebab-case; every field has a description an instructor can read.
 */
import * as z from 'zod';
import {
  ACTION_FAMILIES,
  ACTOR_METRICS,
  ACTOR_VARS,
  CHANNELS,
  DEAL_STATUSES,
  EFFECT_SUBJECTS,
  GLOBAL_METRICS,
  OBSERVER_GROUPS,
  REQUIREMENTS,
  VISIBILITIES,
} from '../engine/index.ts';
import { RESERVED_NAMES, reservedMessage } from './problems.ts';

/**
 * The computer strategies a scenario may name for a government (the ids of `STRATEGIES` in src/ai; a test keeps
 * the two lists the same). The scenario layer sits below the players, so the list is written out here.
 */
export const STRATEGY_IDS = [
  'tit-for-tat',
  'tit-for-tat-in-kind',
  'generous-tit-for-tat',
  'grim-trigger',
  'pavlov',
  'hawk',
  'dove',
  'random',
  'objective',
  'objective-easy',
  'planner',
  'reciprocal',
] as const;

const pct = (what: string) => z.number().min(0).max(100).describe(`${what}, from 0 to 100.`);
const id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'an id is letters, digits and hyphens, starting with a letter')
  .refine((v) => !RESERVED_NAMES.has(v), { error: (i) => reservedMessage(String(i.input)) })
  .describe('An identifier: letters, digits and hyphens.');
const actorId = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*$/, 'a government id is capital letters, such as DPRK or USA')
  .describe('A government id, such as DPRK, ROK, USA, PRC, RUS, JPN, or one the scenario adds.');
const text = z.string().min(1).describe('Plain text.');

export const effectSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('var'),
      who: z
        .enum(EFFECT_SUBJECTS)
        .describe(
          'Whose variable changes, seen from the actor: self, target, allies, target-allies or others.',
        ),
      var: z.enum(ACTOR_VARS).describe('Which variable changes.'),
      delta: z.number().min(-100).max(100).describe('How much it changes.'),
      'scale-by-hawkishness': z
        .boolean()
        .optional()
        .describe('Scale by the public hawkishness of whoever is touched (50 = unchanged).'),
      'rivals-only': z.boolean().optional().describe('Only when actor and target are rivals.'),
    }),
    z.strictObject({
      kind: z.literal('tension'),
      delta: z.number().min(-100).max(100).describe('Change in regional tension.'),
    }),
    z.strictObject({
      kind: z.literal('sanctions'),
      delta: z
        .number()
        .int()
        .min(-3)
        .max(3)
        .describe('Change in the sanctions level the actor imposes on the target (0 to 3).'),
    }),
    z.strictObject({
      kind: z.literal('lifeline'),
      delta: z
        .number()
        .int()
        .min(-3)
        .max(3)
        .describe('Change in the economic lifeline the actor gives the target (0 to 3).'),
    }),
    z.strictObject({
      kind: z.literal('channel'),
      channel: z.enum(CHANNELS),
      open: z.boolean().describe('Open (true) or close (false) the channel with the target.'),
    }),
    z.strictObject({
      kind: z.literal('forum'),
      rounds: z.number().int().min(1).max(12).describe('Rounds for which multilateral talks are convened.'),
    }),
    z.strictObject({
      kind: z.literal('stage'),
      delta: z.number().int().min(-4).max(4).describe('Change in the peace-process stage.'),
      'at-most': z
        .number()
        .int()
        .min(0)
        .optional()
        .describe('The stage this can raise the process to, at most.'),
    }),
  ])
  .describe('One effect of an action.');

const readingSchema = z
  .strictObject({
    observers: z
      .enum(OBSERVER_GROUPS)
      .describe('Who reads something into it: target, allies, target-allies, rivals or all.'),
    trust: z.number().min(-50).max(50).describe("Change in those observers' trust toward the actor."),
  })
  .describe('What observers read into an action.');

const costSchema = z
  .strictObject(
    Object.fromEntries(ACTOR_VARS.map((v) => [v, z.number().min(0).max(50).optional()])) as Record<
      (typeof ACTOR_VARS)[number],
      z.ZodOptional<z.ZodNumber>
    >,
  )
  .describe('What taking the action costs the actor.');

const metricSchema = z.enum([...ACTOR_METRICS, ...GLOBAL_METRICS]);

const threshold = (what: string) =>
  z
    .union([z.number(), z.string().min(1)])
    .describe(
      `${what}: a number from 0 to 100, or for the stage a stage's name or its number counted from 0 (as in stage:).`,
    );

const conditionSchema = z
  .strictObject({
    metric: metricSchema.optional().describe('What is measured (a number from 0 to 100).'),
    of: actorId.optional().describe("Whose, for a government's variable or trust."),
    'at-least': threshold('Holds when the metric is at least this').optional(),
    'at-most': threshold('Holds when the metric is at most this').optional(),
    leader: actorId.optional().describe('Who leads: the government whose leader is tested, with is.'),
    is: text.optional().describe('With leader: the name of the leader it must be.'),
    action: id
      .optional()
      .describe(
        'An action taken on its own (outside a deal), with by, to and within to narrow it: the action id.',
      ),
    by: actorId.optional().describe('With action or deal: who took it, or whose term it is.'),
    to: actorId.optional().describe('With action: at whom it was aimed.'),
    within: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('With action: within the last this many rounds, the current one included.'),
    deal: id.optional().describe('A deal with a term of this action (by by, when given), with status.'),
    status: z
      .enum(DEAL_STATUSES)
      .optional()
      .describe('With deal: signed (at any time; the default), completed (kept to the end) or broken.'),
    event: id.optional().describe('An event that has fired: its id.'),
    channel: z.enum(CHANNELS).optional().describe('A channel that is open, with between.'),
    between: z.tuple([actorId, actorId]).optional().describe('With channel: the two governments.'),
    trust: z
      .tuple([actorId, actorId])
      .optional()
      .describe("One pair's trust, [from, to] (from's trust in to), with at-least or at-most from 0 to 100."),
    sanctions: z
      .tuple([actorId, actorId])
      .optional()
      .describe('The sanctions [from, to] impose, with at-least or at-most from 0 to 3.'),
    lifeline: z
      .tuple([actorId, actorId])
      .optional()
      .describe('The lifeline [from, to] give, with at-least or at-most from 0 to 3.'),
    not: z.boolean().optional().describe('Turns a leader, action, deal, event or channel condition around.'),
  })
  .describe(
    'A condition on the state: one of metric, leader, action, deal, event, channel, trust, sanctions or lifeline, with what goes with it.',
  );

export const actionSchema = z
  .strictObject({
    id,
    name: text.describe('The action as players read it.'),
    family: z.enum(ACTION_FAMILIES),
    by: z
      .union([z.literal('any'), z.array(actorId).min(1)])
      .describe('Who may take it: a list of government ids, or any.'),
    targeted: z.boolean().describe('Whether it is aimed at another government.'),
    targets: z
      .array(actorId)
      .min(1)
      .optional()
      .describe('Who it may be aimed at, when only some governments make sense; anyone when left out.'),
    cost: costSchema.default({}),
    effects: z.array(effectSchema).default([]),
    visibility: z
      .enum(VISIBILITIES)
      .describe('Who sees it: public, target (and the actor), or secret (the target may detect it).'),
    readings: z.array(readingSchema).default([]),
    concession: z.boolean().default(false).describe('A concession: something given away.'),
    provocation: z.boolean().default(false).describe('A provocation: a test, a launch, an incident.'),
    dealable: z.boolean().default(true).describe('Whether it may be promised in an offer.'),
    joint: z
      .boolean()
      .default(false)
      .describe('Takes two (a summit, an exchange, a hotline): it happens only as a term of an agreement.'),
    organisations: z
      .boolean()
      .default(false)
      .describe(
        'With by: any, organisations (kind: organisation) may take it too; otherwise only governments, and organisations named in by or allow.',
      ),
    requires: z
      .array(z.enum(REQUIREMENTS))
      .default([])
      .describe(
        'What must hold for it to be taken: no-forum, sanctions-on-target, sanctions-below-max, lifeline-to-target, lifeline-below-max, no-hotline, no-backchannel, has-programme, target-rival, target-not-rival.',
      ),
    when: z
      .array(conditionSchema)
      .default([])
      .describe(
        "Conditions on the state, as in events, that must all hold for it to be taken or promised (the Security Council acting only with China's consent); a scenario's added actions only.",
      ),
    once: z
      .boolean()
      .default(false)
      .describe(
        'Sold once in a game (a declaration made, the one site there is to dismantle): it can be taken or promised until a deal with it as a term has been signed or anyone has taken it on its own, then by no one.',
      ),
    summary: text.describe('One sentence that explains it, shown in tooltips.'),
  })
  .describe('An action in the catalogue.');

export const catalogueSchema = z
  .strictObject({
    catalogue: text.describe("The catalogue's name."),
    actions: z.array(actionSchema).min(1),
  })
  .describe('An action catalogue.');

const objectiveSchema = z
  .strictObject({
    label: text.describe('What the government wants, in words.'),
    metric: metricSchema,
    of: actorId.optional().describe('Whose variable; the government itself when left out.'),
    want: z.enum(['high', 'low']).describe('Whether the government wants it high or low.'),
    weight: z.number().min(0).max(10).describe('How much it counts, relative to the other objectives.'),
  })
  .describe('An objective that scores a government.');

const leaderSchema = z
  .strictObject({
    name: text,
    stance: pct('Stance: 0 is a hawk, 100 a dove'),
    'term-ends': z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Round whose start brings the next election (elected leaders only).'),
  })
  .describe('The leader at the start: name, stance, and for an elected leader term-ends.');

const briefingSchema = z.strictObject({
  public: text.describe('The role sheet every player may read.'),
  private: text.describe("Instructions only this government's player reads."),
});

export const actorSchema = z
  .strictObject({
    name: text,
    capital: text.describe('Capital city, shown on the map.'),
    kind: z
      .enum(['government', 'organisation'])
      .default('government')
      .describe(
        'A government, or an organisation (the UN, KEDO): an organisation takes only actions open to organisations or named for it, and has members instead of allies.',
      ),
    elected: z
      .boolean()
      .optional()
      .describe(
        'Whether its leader faces scheduled elections: required for a government; an organisation has none unless given.',
      ),
    'term-rounds': z
      .number()
      .int()
      .min(1)
      .max(40)
      .default(16)
      .describe('Length of a term in rounds (quarters).'),
    hawkishness: pct('How hawkish the public is'),
    'economic-weight': z.number().min(0).max(3).describe('Weight of its sanctions and trade.'),
    security: pct('Security'),
    support: pct('Domestic support for the leader'),
    economy: z
      .number()
      .min(0)
      .max(100)
      .optional()
      .describe(
        'Economic health, from 0 to 100: required for a government; an organisation has no economy unless given (nothing moves, shows or scores it).',
      ),
    influence: pct('Regional influence'),
    nuclear: pct('Nuclear programme level').default(0),
    missile: pct('Missile programme level').default(0),
    leader: leaderSchema,
    successors: z
      .array(z.strictObject({ name: text, stance: pct('Stance') }))
      .default([])
      .describe('Who may take over, in order of likelihood.'),
    objectives: z
      .array(objectiveSchema)
      .min(1)
      .describe('What the government wants; its score is their weighted mean.'),
    members: z
      .array(actorId)
      .min(1)
      .optional()
      .describe(
        "An organisation's members, by id (a list, not an alliance: members are not each other's allies).",
      ),
    joins: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe(
        'Organisations: the round it joins the table (KEDO, founded in March 1995); before it, it offers, answers and does nothing, and no deal can include it.',
      ),
    leaves: z
      .number()
      .int()
      .min(2)
      .optional()
      .describe('Organisations: the round from which it has left the table.'),
    strategy: z
      .enum(STRATEGY_IDS)
      .optional()
      .describe('Default computer strategy for this government, one of the computer players by id.'),
    briefing: briefingSchema.describe(
      'What the player of this government reads: a public role sheet and private instructions.',
    ),
  })
  .describe('A government or an organisation.');

const pairTable = (what: string, max: number) =>
  z
    .record(actorId, z.record(actorId, z.number().min(0).max(max)))
    .default({})
    .describe(`${what}: from each government to each other.`);

const eventEffectSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('var'),
    actor: actorId,
    var: z.enum(ACTOR_VARS),
    delta: z.number().min(-100).max(100),
  }),
  z.strictObject({ kind: z.literal('tension'), delta: z.number().min(-100).max(100) }),
  z.strictObject({
    kind: z.literal('trust'),
    from: actorId,
    to: actorId,
    delta: z.number().min(-100).max(100),
  }),
  z.strictObject({
    kind: z.literal('sanctions'),
    from: actorId,
    to: actorId,
    delta: z.number().int().min(-3).max(3),
  }),
  z.strictObject({
    kind: z.literal('lifeline'),
    from: actorId,
    to: actorId,
    delta: z.number().int().min(-3).max(3),
  }),
  z.strictObject({
    kind: z.literal('channel'),
    between: z.tuple([actorId, actorId]),
    channel: z.enum(CHANNELS),
    open: z.boolean(),
  }),
  z.strictObject({
    kind: z.literal('leader'),
    actor: actorId,
    name: text,
    stance: pct('Stance'),
    'term-rounds': z.number().int().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('stance'), actor: actorId, delta: z.number().min(-100).max(100) }),
  z.strictObject({ kind: z.literal('stage'), delta: z.number().int().min(-4).max(4) }),
  z.strictObject({ kind: z.literal('forum'), rounds: z.number().int().min(1).max(12) }),
]);

const eventSchema = z
  .strictObject({
    id,
    name: text,
    text: text.describe('What happened, as players read it.'),
    round: z.number().int().min(1).optional().describe('Scheduled: the round it happens in.'),
    chance: z.number().min(0).max(1).optional().describe('Random: the chance each round that it happens.'),
    from: z.number().int().min(1).optional().describe('Random events: the first round it can happen.'),
    until: z.number().int().min(1).optional().describe('Random events: the last round it can happen.'),
    when: z.array(conditionSchema).default([]).describe('Conditions that must all hold for it to happen.'),
    once: z.boolean().default(true).describe('Whether it can happen only once.'),
    effects: z.array(eventEffectSchema).min(1).describe('What the event does, each effect with a kind.'),
  })
  .describe('A scheduled or random event.');

const outcomeSchema = z
  .strictObject({
    id,
    name: text,
    summary: text,
    when: z
      .array(conditionSchema)
      .default([])
      .describe('Conditions that must all hold; the first outcome that fits is the result.'),
    'on-clash': z.boolean().optional().describe('The outcome when a military clash ends the game.'),
  })
  .describe('A named way the game can end.');

export const rulesSchema = z
  .strictObject({
    'actions-per-round': z.number().int().min(0).max(6),
    'offers-per-round': z.number().int().min(0).max(6),
    'max-steps': z.number().int().min(1).max(8),
    'max-expiry': z.number().int().min(1).max(8),
    accuracy: z.strictObject({
      none: z.number().min(0.5).max(1),
      partial: z.number().min(0.5).max(1),
      inspections: z.number().min(0.5).max(1),
    }),
    'trust-kept': z.number().min(0).max(50),
    'trust-broken': z.number().min(0).max(50),
    'trust-completed': z.number().min(0).max(50),
    'phased-strikes': z.number().int().min(1).max(4),
    'contact-trust': pct('Trust needed to talk without a channel'),
    'accept-cost': z.number().min(0).max(50),
    'mediated-cost-share': z.number().min(0).max(1),
    'mediator-influence': z.number().min(0).max(20),
    'mediated-deals': z
      .boolean()
      .describe(
        'Whether a government allowed to mediate may put packages between others (its gesture stays).',
      ),
    'mediator-guarantee': z
      .boolean()
      .describe(
        'Whether a mediator vouches for the deals it brokers: a breach it sees costs its whole trust.',
      ),
    'tension-relax': z
      .number()
      .min(0)
      .max(1)
      .describe('Share of the gap to the baseline tension closed each round.'),
    'tension-floor': pct('Tension the region relaxes toward with no weapons programme'),
    'programme-tension': z
      .number()
      .min(0)
      .max(100)
      .describe('Extra baseline tension per 100 points of the most advanced weapons programme.'),
    'crisis-at': pct('Tension at which a crisis begins'),
    'clash-chance': z.number().min(0).max(1),
    'hotline-factor': z.number().min(0).max(1),
    'backchannel-factor': z.number().min(0).max(1),
    'sanction-bite': z.number().min(0).max(10),
    'lifeline-gain': z.number().min(0).max(10),
    'economy-drift': z.number().min(0).max(1),
    'support-drift': z.number().min(0).max(1),
    'support-from-economy': z.number().min(0).max(2),
    'support-from-security': z.number().min(0).max(2),
    'support-floor': pct('Support under which a leader falls'),
    'hardline-shift': pct('Stance shift of a leader who turns hardline'),
    'walk-away-per-stance': z.number().min(0).max(0.1),
    'election-spread': z.number().min(1).max(50),
    'stage-on-complete': z
      .number()
      .int()
      .min(0)
      .max(4)
      .describe(
        'Stages a deal between rivals carried out in full lifts the peace process; a deal without a programme or security step lifts it no higher than its declarations’ at-most.',
      ),
    'stage-on-break': z.number().int().min(-4).max(0),
    'stage-trust-floor': pct(
      'Trust both ways the parties most concerned (a flashpoint pair) need, without a deal between them, for the stage to advance',
    ),
    'stage-programme-growth': z
      .number()
      .min(0)
      .max(100)
      .describe(
        'Growth of a nuclear or missile programme in one round that sets the peace process back a stage.',
      ),
    'tension-on-break': z.number().min(0).max(50),
    'non-rival-tension': z.number().min(0).max(1),
    'habituation-rounds': z.number().int().min(1).max(12),
    'honeymoon-support': pct('Support a new leader starts with at least'),
    'secret-detection': z.number().min(0).max(1),
  })
  .partial()
  .describe("Overrides of the model's numbers; leave out what you do not change.");

/**
 * A guided first game: what the coach says that belongs to this scenario. The coach's steps through the controls
 * (briefing, board, offer, verification, answers, promises, summary) are the game's own; these fill them in.
 */
export const coachSchema = z
  .strictObject({
    seat: actorId
      .optional()
      .describe(
        'The government "Play the tutorial" on the menu seats the player as (the first one if left out).',
      ),
    seed: z
      .string()
      .min(1)
      .optional()
      .describe(
        'The seed "Play the tutorial" starts with, so every new player meets the same first rounds (a fresh one if left out).',
      ),
    invitation: text.describe(
      'The line beside "Play the tutorial" on the menu, e.g. "Lead South Korea through the 2015 landmine crisis with a coach beside you."',
    ),
    welcome: text.describe(
      "The first words of the coach: who the player is, when, and what is happening. {you} stands for the player's government.",
    ),
    suggest: z
      .array(
        z.strictObject({
          as: actorId.describe("The player's government."),
          with: actorId.describe('The government the offer goes to.'),
          give: id.describe('The action the player offers to take toward that government.'),
          want: id.describe('The action the player asks that government to take toward it.'),
          why: text.describe('Completes "Try …", e.g. "the trade that ended the August crisis".'),
        }),
      )
      .default([])
      .describe(
        'The first offer the coach suggests, for each government it is written for; others are asked for any two-sided offer.',
      ),
    finish: text.describe('The last step: what to watch for in the rounds to come. {you} as in welcome.'),
    'finish-as': z
      .record(actorId, text)
      .default({})
      .describe('The last step in other words for a player of one government, by id.'),
  })
  .describe(
    'Turns on the coach for a player alone at the device, with its words for this scenario. Leave it out for no coach.',
  );

export const scenarioSchema = z
  .strictObject({
    id: id.describe("The scenario's id, used in records and on the command line."),
    title: text,
    period: text.describe('The years it covers, in words.'),
    summary: text,
    sources: z
      .array(z.strictObject({ title: text, note: text.optional() }))
      .min(1)
      .describe('Where its facts come from.'),
    start: z
      .strictObject({ year: z.number().int().min(1950).max(2100), quarter: z.number().int().min(1).max(4) })
      .describe('The calendar quarter of round 1.'),
    rounds: z.number().int().min(1).max(80).describe('How many rounds (quarters) the game lasts.'),
    stages: z.array(text).min(2).max(8).describe('Names of the peace-process stages, lowest first.'),
    stage: z
      .union([z.number().int().min(0), z.string().min(1)])
      .describe("The stage at the start: a stage's name, or its number counted from 0 (0 is the first)."),
    tension: pct('Regional tension at the start'),
    'security-reach': z
      .union([z.number().int().min(0), z.string().min(1)])
      .optional()
      .describe(
        "The highest stage a deal can lift the peace process to when its only real steps are security concessions (exercises suspended, a guarantee), with nothing on a weapons programme: a stage's name, or its number counted from 0. Leave it out and such a deal may lift the process to the top, as a step on a programme can.",
      ),
    actors: z.record(actorId, actorSchema).describe('The governments, by id.'),
    relations: z
      .strictObject({
        'default-trust': pct('Trust between governments the table leaves out').default(30),
        trust: pairTable('Trust', 100),
        sanctions: pairTable('Sanctions level (0 to 3)', 3),
        lifeline: pairTable('Economic lifeline level (0 to 3)', 3),
        channels: z
          .array(z.strictObject({ between: z.tuple([actorId, actorId]), channel: z.enum(CHANNELS) }))
          .default([]),
        alliances: z.array(z.tuple([actorId, actorId])).default([]),
        rivalries: z.array(z.tuple([actorId, actorId])).default([]),
        refusals: z
          .array(z.tuple([actorId, actorId]))
          .default([])
          .describe(
            'Pairs [who refuses, whom]: the first government signs nothing with the second for the whole game, so no deal, package or mediated deal can bind both and the two are not on speaking terms (acts aimed at each other on their own stay possible). For a doctrine on the record, such as North Korea\'s "two hostile states" since 2024.',
          ),
      })
      .describe('How the governments stand toward each other at the start.'),
    flashpoints: z
      .array(z.tuple([actorId, actorId]))
      .min(1)
      .describe('Pairs where a miscalculation can start a clash.'),
    rules: rulesSchema.default({}),
    actions: z
      .strictObject({
        add: z.array(actionSchema).default([]).describe('Actions this scenario adds.'),
        remove: z.array(id).default([]).describe('Ids of catalogue actions this scenario leaves out.'),
        allow: z
          .record(id, z.array(actorId))
          .default({})
          .describe('Extra governments allowed to take a catalogue action, by action id.'),
        deny: z
          .record(id, z.array(actorId).min(1))
          .default({})
          .describe(
            'Governments or organisations that may not take an action they otherwise could, by action id.',
          ),
        rename: z
          .record(
            id,
            z.strictObject({
              name: text.optional().describe('The name players read in this scenario.'),
              summary: text.optional().describe('The one-sentence explanation in this scenario.'),
            }),
          )
          .default({})
          .describe(
            'Catalogue actions under another name or summary in this scenario, by action id (such as convene-talks in 1994, before there were six parties).',
          ),
      })
      .default({ add: [], remove: [], allow: {}, deny: {}, rename: {} })
      .describe('Changes to the default action catalogue.'),
    events: z.array(eventSchema).default([]),
    coach: coachSchema.optional(),
    outcomes: z
      .array(outcomeSchema)
      .min(2)
      .describe(
        'The named ways the game can end, tried in order: exactly one with on-clash: true, and a last one without conditions.',
      ),
    historical: id
      .optional()
      .describe(
        'The id of the outcome history took in this period: what the scenario is calibrated against (every shipped scenario names one).',
      ),
  })
  .describe('A Quid Pro Quo scenario.');

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type CatalogueFile = z.output<typeof catalogueSchema>;
export type ActionFile = z.output<typeof actionSchema>;

/** The JSON Schema (draft-07) that editors use for completion and checking as an instructor types. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input' });
}

export function catalogueJsonSchema(): unknown {
  return z.toJSONSchema(catalogueSchema, { target: 'draft-07', io: 'input' });
}
